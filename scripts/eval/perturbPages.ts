import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, renderedField, type WpPost } from '../../src/wpPost.js';

/**
 * Page shapes the development sets do not show, made from their own pages, to find rules that hold on one markup
 * and not on the class of pages it stands for. Each mode rewrites every page of a set the same way:
 * - `br`: every paragraph written as lines between `<br>`s (pages without `<p>`);
 * - `divp`: every `<p>` a `<div>` (CMSs that write paragraphs as divs);
 * - `spanbr`: every paragraph a `<span>` followed by `<br>`s (text styled inline, lines broken by hand);
 * - `hash`: every class and id replaced by a hash (CSS modules, or names in words no rule knows);
 * - `divs`: article, main, section, aside, nav, header, footer, figure, time written as divs;
 * - `nohead`: every `<h1>` a `<div>` (pages whose headline is styled text);
 * - `next`: the next page's story (as extracted) loaded below this one, as infinite scroll does;
 * - `autop`: the content run through WordPress's own `wpautop()` (PHP, from the realwp site copy), as `the_content`
 *   renders a post whose content is a whole page: `<p>` and `<br />` added around loose text, often unbalanced;
 * - `cjk`: every word of the page's text (and of the truth, `perturbText`) written as Chinese characters with no
 *   spaces between words and CJK punctuation (Chinese and Japanese pages: no spaces, no `.`, few "words");
 * - `hangul`: every word written as Korean syllables, spaces kept (fewer characters per word than Latin text);
 * - `thai`: every word written in Thai letters, no spaces between words, no full stops or commas;
 * - `interrupt`: after every third paragraph an ad slot, a "Read more" box of links or a "Read also" line, as news
 *   pages break up their articles;
 * - `split`: after every fourth paragraph the element around it is closed, an ad row follows, and a new element
 *   (of another class) holds what comes next: an article a CMS cut into parts;
 * - `stray`: one stray `</div>` in the middle of the page's longest run of paragraphs (see `withStrayEndTag`);
 * - `opendiv`: a `<div>` there that is never closed (the theme's own end tag closes it, so the theme's parts after
 *   the post fall inside its content element).
 */
export const PERTURB_MODES = [
  'br',
  'divp',
  'spanbr',
  'hash',
  'divs',
  'nohead',
  'next',
  'autop',
  'cjk',
  'hangul',
  'thai',
  'interrupt',
  'split',
  'stray',
  'opendiv',
] as const;
export type PerturbMode = (typeof PERTURB_MODES)[number];

const SOURCE_SHORTCODE = '<p>[analyse_source';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const hashed = (name: string): string => `c${createHash('md5').update(name).digest('hex').slice(0, 6)}`;

function rewrite(markup: string, mode: PerturbMode): string {
  switch (mode) {
    case 'br':
      return markup.replace(/<p\b[^>]*>(?!\[analyse_)/gi, '').replace(/<\/p\s*>/gi, '<br><br>');
    case 'spanbr':
      return markup.replace(/<p\b(?![^>]*>\[analyse_)/gi, '<span').replace(/<\/p\s*>/gi, '</span><br><br>');
    case 'divp':
      return markup.replace(/<p\b(?![^>]*>\[analyse_)/gi, '<div').replace(/<\/p\s*>/gi, '</div>');
    case 'hash':
      return markup.replace(
        /(\s(?:class|id))\s*=\s*(?:"([^"]*)"|'([^']*)')/gi,
        (_match, name: string, double?: string, single?: string) => `${name}="${(double ?? single ?? '').split(/\s+/).filter(Boolean).map(hashed).join(' ')}"`,
      );
    case 'divs':
      return markup.replace(/<(\/?)(article|main|section|aside|nav|header|footer|figure|figcaption|time)\b/gi, '<$1div');
    case 'nohead':
      return markup.replace(/<(\/?)h1\b/gi, '<$1div');
    case 'cjk':
    case 'hangul':
    case 'thai':
      // comments and tags as they are (a comment may hold tags, an attribute value a `>`, a text run a stray `>`)
      return markup.replace(
        /(<!--[\s\S]*?-->|<[a-zA-Z/!?](?:[^>=]|=\s*"[^"]*"|=\s*'[^']*'|=)*>)|([^<]+|<)/g,
        (_match, tag?: string, text?: string) => tag ?? scriptMarkupText(text ?? '', mode),
      );
    case 'interrupt': {
      let paragraphs = 0;
      return markup.replace(/<\/p\s*>/gi, (end) => (++paragraphs % INTERRUPT_EVERY === 0 ? `${end}${interruption(paragraphs / INTERRUPT_EVERY)}` : end));
    }
    case 'split': {
      // closes the element around the paragraphs (when it is a div) and opens a new one after an ad row
      let paragraphs = 0;
      return markup.replace(/<\/p\s*>/gi, (end) =>
        ++paragraphs % SPLIT_EVERY === 0
          ? `${end}</div><div class="c-row${paragraphs}"><span>Advertisement</span></div><div class="c-part${paragraphs}">`
          : end,
      );
    }
    case 'stray':
      return withStrayEndTag(markup);
    case 'opendiv': {
      const at = afterMiddleParagraph(markup);
      return at < 0 ? markup : `${markup.slice(0, at)}<div>${markup.slice(at)}`;
    }
    case 'next':
    case 'autop':
      return markup;
  }
}

/**
 * A stray `</div>` after the middle paragraph of the page's longest run of paragraphs: a post whose content holds
 * an end tag it never opened (HTML pasted from elsewhere; WordPress does not balance a post's tags by default), so
 * that the browser ends the theme's content element there and the rest of the post sits after it.
 */
function withStrayEndTag(markup: string): string {
  const at = afterMiddleParagraph(markup);
  return at < 0 ? markup : `${markup.slice(0, at)}</div>${markup.slice(at)}`;
}

/** Where the middle paragraph of the page's longest run of paragraphs ends, or -1. */
function afterMiddleParagraph(markup: string): number {
  const run = /(?:<p\b[^>]*>[\s\S]*?<\/p\s*>\s*){2,}/gi;
  let longest: RegExpExecArray | null = null;
  for (let match = run.exec(markup); match; match = run.exec(markup)) if (!longest || match[0].length > longest[0].length) longest = match;
  if (!longest) return -1;
  const ends = [...longest[0].matchAll(/<\/p\s*>/gi)];
  const middle = ends[Math.floor((ends.length - 1) / 2)]!;
  return longest.index + middle.index + middle[0].length;
}

/** `split` ends the article's container and opens another after every this many paragraphs. */
const SPLIT_EVERY = 4;

/** `interrupt` puts a box after every this many paragraphs. */
const INTERRUPT_EVERY = 3;
const OTHER_HEADLINES = [
  'Council approves the new budget after a long night of debate',
  'Five things to know about the weather this weekend',
  'Why the bridge repairs will take another year',
  'Local team wins the cup in a dramatic final',
  'New rules for landlords come into force next month',
];

/** What news pages set between an article's paragraphs: an ad slot, a "Read more" box of links, a "Read also" line. */
function interruption(n: number): string {
  const headline = (k: number): string => OTHER_HEADLINES[(n + k) % OTHER_HEADLINES.length]!;
  const link = (k: number): string => `<a href="/2024/01/${n}-${k}/story.html">${headline(k)}</a>`;
  switch (n % 3) {
    case 0:
      return `<div class="c-x${n}"><span>Advertisement</span><div class="c-y${n}"></div></div>`;
    case 1:
      return `<div class="c-z${n}"><h3>Read more</h3><ul><li>${link(0)}</li><li>${link(1)}</li><li>${link(2)}</li></ul></div>`;
    default:
      return `<p class="c-w${n}"><strong>Read also:</strong> ${link(3)}</p>`;
  }
}

/**
 * The first character and how many a word's hash picks from, and how many characters a word has at least and at
 * most: CJK Unified Ideographs, Hangul syllables, Thai consonants.
 */
const SCRIPT_RANGES = { cjk: [0x4e00, 0x5000, 1, 3], hangul: [0xac00, 0x2ba4, 1, 3], thai: [0x0e01, 0x2e, 2, 7] } as const;
type Script = keyof typeof SCRIPT_RANGES;

/** A word as characters of the script picked by its hash (the same word always reads the same). */
function scriptWord(word: string, script: Script): string {
  const [first, span, shortest, longest] = SCRIPT_RANGES[script];
  const digest = createHash('md5').update(word.toLowerCase()).digest();
  const length = shortest + (digest[0]! % (longest - shortest + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(first + (digest.readUInt16BE(1 + 2 * i) % span));
  return out;
}

/** Words of other scripts (what is already Thai, Chinese, Japanese or Korean stays). */
const OTHER_SCRIPT_WORD = /(?:(?![\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])[\p{L}\p{M}\p{N}])+/gu;

/**
 * Text written as a Chinese page would be (`cjk`: ideographs, no spaces between words, `。` and `，` for `.` and
 * `,`), a Korean one (`hangul`: syllables, spaces kept, Latin punctuation) or a Thai one (`thai`: letters, no
 * spaces between words, a space and no full stop between sentences, no commas).
 */
function scriptText(text: string, script: Script): string {
  const words = text.replace(OTHER_SCRIPT_WORD, (word) => scriptWord(word, script));
  if (script === 'hangul') return words;
  if (script === 'thai')
    return words
      .replace(/([\u0e01-\u0e2e])[.!?]+(?:\s+|$)/g, '$1\u0001')
      .replace(/([\u0e01-\u0e2e])[,;:](?=\s|$)/g, '$1')
      .replace(/([\u0e01-\u0e2e])[ \t]+(?=[\u0e01-\u0e2e])/g, '$1')
      .replace(/\u0001/g, ' ');
  return words
    .replace(/([\u4e00-\u9fff])[.!?](?=\s|$)/g, '$1。')
    .replace(/([\u4e00-\u9fff]),(?=\s|$)/g, '$1，')
    .replace(/([\u4e00-\u9fff。，])[ \t]+(?=[\u4e00-\u9fff])/g, '$1');
}

/** A text run of markup, its entities decoded first (`&uuml;` is a letter of a word); the source shortcode stays. */
function scriptMarkupText(text: string, script: Script): string {
  if (text.includes('[analyse_source')) return text;
  return scriptText(decodeHTML(text), script).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * A snippet of the truth rewritten as `perturbText` does, without its first and last word: a snippet may begin or
 * end inside a word, and part of a word reads as another word once rewritten.
 */
export function perturbSnippet(text: string, mode: PerturbMode): string {
  if (mode !== 'cjk' && mode !== 'hangul' && mode !== 'thai') return text;
  const words = text.trim().split(/\s+/);
  return perturbText(words.length >= 4 ? words.slice(1, -1).join(' ') : text, mode);
}

/** The truth rewritten as `perturbPosts` rewrites the page: only `cjk`, `hangul` and `thai` change the words. */
export function perturbText(text: string, mode: PerturbMode): string {
  return mode === 'cjk' || mode === 'hangul' || mode === 'thai' ? scriptText(text, mode) : text;
}

function withContent(post: WpPost, markup: string): WpPost {
  return { ...post, content: { rendered: markup } };
}

/** The set's posts rewritten by `mode`; `next` appends each page's successor's story (in set order) below its own. */
export function perturbPosts(posts: readonly WpPost[], mode: PerturbMode): WpPost[] {
  if (mode === 'autop') {
    const rendered = wpautop(posts.map((post) => renderedField(post.content)));
    return posts.map((post, i) => withContent(post, rendered[i] ?? ''));
  }
  if (mode === 'cjk' || mode === 'hangul' || mode === 'thai')
    return posts.map((post) => ({
      ...withContent(post, rewrite(renderedField(post.content), mode)),
      title: { rendered: scriptMarkupText(renderedField(post.title), mode) },
    }));
  if (mode !== 'next') return posts.map((post) => withContent(post, rewrite(renderedField(post.content), mode)));
  const stories = posts.map((post) => extractArticle(post, { site: 'https://aggregator.example', terms: EMPTY_TERM_NAMES }));
  return posts.map((post, i) => {
    const next = stories[(i + 1) % stories.length];
    const markup = renderedField(post.content);
    const at = markup.lastIndexOf(SOURCE_SHORTCODE);
    const cut = at >= 0 ? at : markup.length;
    const story = next ? `<article class="story"><h1>${escapeHtml(withoutSharedEnd(next.title, stories[i]?.title ?? ''))}</h1>${next.body_html}</article>` : '';
    return withContent(post, `${markup.slice(0, cut)}${story}${markup.slice(cut)}`);
  });
}

/**
 * A headline without the words it ends with in common with another page's (a site name some sites' titles carry
 * with no separator: "Fertilina embriogolden mouse golden"): a story's own headline on its page does not.
 */
function withoutSharedEnd(title: string, other: string): string {
  const words = title.split(/\s+/);
  const others = other.split(/\s+/);
  let shared = 0;
  while (shared < words.length - 1 && shared < others.length && words[words.length - 1 - shared] === others[others.length - 1 - shared]) shared++;
  return shared >= 2 ? words.slice(0, words.length - shared).join(' ') : title;
}

/** WordPress's formatting.php, from the realwp site copy (../shared/realwp/start.sh) or Debian's package. */
const FORMATTING_PHP = [`${process.env.REALWP_DIR ?? '/tmp/wp'}/site/wp-includes/formatting.php`, '/usr/share/wordpress/wp-includes/formatting.php'].find(
  (path) => existsSync(path),
);

/** Runs WordPress's `wpautop()` over every markup in one PHP process. */
function wpautop(markups: readonly string[]): string[] {
  if (!FORMATTING_PHP) throw new Error('--perturb autop needs WordPress (run ../shared/realwp/start.sh, or apt-get install wordpress) and php');
  const script = `function apply_filters($tag, $value) { return $value; }
require ${JSON.stringify(FORMATTING_PHP)};
echo json_encode(array_map('wpautop', json_decode(stream_get_contents(STDIN), true)));`;
  const run = spawnSync('php', ['-r', script], { input: JSON.stringify(markups), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`php wpautop failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}
