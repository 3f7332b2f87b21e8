import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyBodyReason, extractArticle } from '../../src/extract/index.js';
import { decodeHtmlText, parseHtml, textOf } from '../../src/html/index.js';
import { EMPTY_TERM_NAMES, renderedField, type WpPost } from '../../src/wpPost.js';
import { wrapPageAsPost } from '../../scripts/eval/wrapPageAsPost.js';
import { installThemeReplicas, REPLICA_THEMES } from './themeReplicas.js';
import {
  DEFAULT_THEMES,
  EXTRA_THEMES,
  installedThemes,
  REALWP_URL,
  ensureTestPages,
  readTruth,
  realWordpressAvailable,
  setTestComments,
  startRealWordpress,
  switchTheme,
  type TestPage,
} from './realWordpress.js';

/**
 * The product's own input, made by real WordPress themes nobody here wrote: each post's whole theme page (header,
 * navigation, post meta, comment form, footer) wrapped as an aggregator post, as a crawler copies pages into posts.
 * Extraction must give back the post as WordPress itself renders it (`content.rendered`): every paragraph, nothing
 * of the theme, and the post's title, not the site's.
 */
const SCRAPED_POSTS = 6;
const COMMENTS = [
  'I have followed this archive for a couple of years now, and the way the summaries are put together has improved a great deal: the sources are named, the dates are right, and the duplicates that used to fill the front page are gone. Thank you for the work that goes into it every week.',
  'Agreed with the above. One request, though: could the weekly digest link to the original articles as well, so that readers can check a quote against its source without searching for it?',
  'Thanks!',
];

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const comparable = (text: string) => normalise(text).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Short pages under a long comment thread: a one-line post is the article however much prose surrounds it. */
const SHORT_PAGES: TestPage[] = [
  { slug: 'wpingest-theme-one-line', title: 'Opening hours', paragraphs: ['The reading room is open from nine to five on weekdays.'] },
  { slug: 'wpingest-theme-glossary', title: 'Embargo', paragraphs: ['An agreement not to publish a story before a set time.'] },
  {
    slug: 'wpingest-theme-corrections',
    title: 'Corrections policy',
    paragraphs: [
      'When we get something wrong, we correct it in the article and say so at the end of it.',
      'Write to the editors with the address of the article and what needs correcting.',
    ],
  },
];

/** Core blocks of every kind a post is written with; `paragraphs` are texts each must keep (a caption aside). */
const BLOCKS_PAGE: TestPage = {
  slug: 'wpingest-theme-blocks',
  title: 'What a record holds',
  paragraphs: [
    'The archive keeps every version of an article, and this page lists what each part of a record means.',
    'Fields of a record',
    'Where the story was first published',
    'Titles are kept as the page shows them',
    'An archive is only as good as its index.',
    'SELECT title FROM article_feed LIMIT 10;',
    'Left column: how sources are chosen for the archive each month.',
    'Right column: how readers can suggest a new source to follow.',
    'Nothing is deleted, only superseded.',
    'Read the record,',
    'Questions about a record go to the editors, who answer within a week.',
    'Annual report of the archive',
  ],
  markup: [
    '<!-- wp:paragraph --><p>The archive keeps every version of an article, and this page lists what each part of a record means.</p><!-- /wp:paragraph -->',
    '<!-- wp:heading --><h2>Fields of a record</h2><!-- /wp:heading -->',
    '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Field</th><th>Meaning</th></tr></thead><tbody><tr><td>source_url</td><td>Where the story was first published</td></tr><tr><td>word_count</td><td>Words in the body text</td></tr></tbody></table><figcaption>Fields kept for every article</figcaption></figure><!-- /wp:table -->',
    '<!-- wp:list --><ul><li>Titles are kept as the page shows them</li><li>Dates are stored in UTC</li></ul><!-- /wp:list -->',
    '<!-- wp:quote --><blockquote class="wp-block-quote"><p>An archive is only as good as its index.</p><cite>A librarian</cite></blockquote><!-- /wp:quote -->',
    '<!-- wp:code --><pre class="wp-block-code"><code>SELECT title FROM article_feed LIMIT 10;</code></pre><!-- /wp:code -->',
    '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Left column: how sources are chosen for the archive each month.</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Right column: how readers can suggest a new source to follow.</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->',
    '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Nothing is deleted, only superseded.</p></blockquote></figure><!-- /wp:pullquote -->',
    '<!-- wp:verse --><pre class="wp-block-verse">Read the record,\nthen the source.</pre><!-- /wp:verse -->',
    '<!-- wp:paragraph --><p>Questions about a record go to the editors, who answer within a week.</p><!-- /wp:paragraph -->',
    '<!-- wp:file {"href":"/wp-content/uploads/annual-report.pdf"} --><div class="wp-block-file"><a href="/wp-content/uploads/annual-report.pdf">Annual report of the archive</a><a href="/wp-content/uploads/annual-report.pdf" class="wp-block-file__button" download>Download</a></div><!-- /wp:file -->',
    '<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="/visit/">Plan a visit</a></div><!-- /wp:button --></div><!-- /wp:buttons -->',
  ].join('\n\n'),
};

/**
 * Posts whose own lines read like a theme's: section headings named like boxes ("Related posts", "Share this") over
 * prose, and a reading list of other sites' articles. Every line is the post's.
 */
const paragraphBlock = (text: string) => `<!-- wp:paragraph --><p>${text}</p><!-- /wp:paragraph -->`;
const READING_LIST = ['How archives decide what to keep', 'A history of the press release', 'Why dates in feeds go wrong'];
const OWN_LINES_PAGES: TestPage[] = [
  {
    slug: 'wpingest-theme-section-headings',
    title: 'Notes on the comment policy',
    paragraphs: [
      'Readers often ask how comments are moderated on this archive, so here is the short version.',
      'Related posts',
      'Older posts on the same subject are linked at the end of each article, chosen by hand.',
      'Share this',
      'You are welcome to share any article; please link to the original source as well.',
    ],
    markup: [
      paragraphBlock('Readers often ask how comments are moderated on this archive, so here is the short version.'),
      '<!-- wp:heading --><h2>Related posts</h2><!-- /wp:heading -->',
      paragraphBlock('Older posts on the same subject are linked at the end of each article, chosen by hand.'),
      '<!-- wp:heading --><h2>Share this</h2><!-- /wp:heading -->',
      paragraphBlock('You are welcome to share any article; please link to the original source as well.'),
    ].join('\n\n'),
  },
  {
    slug: 'wpingest-theme-reading-list',
    title: 'Reading list for the week',
    paragraphs: ['Three pieces worth your time this week, picked by the editors.', ...READING_LIST],
    markup: [
      paragraphBlock('Three pieces worth your time this week, picked by the editors.'),
      `<!-- wp:list --><ul>${READING_LIST.map((title, i) => `<li><a href="https://news${i}.example/story">${title}</a></li>`).join('\n')}</ul><!-- /wp:list -->`,
    ].join('\n\n'),
  },
];

/**
 * Pages built with a page builder, as the builder's the_content() writes them (saved here as an HTML block): the
 * heading, text and image are modules in rows and columns, and the text is split over several text modules. Every
 * module's text must come back, on themes that mark the_content() and on themes that do not (ColorMag).
 */
const BUILT_TEXTS = [
  'The archive opened its reading room to the public this spring, after two years of work on the building.',
  'Visitors can now read any stored article on the terminals by the window, and ask the staff for older copies.',
  'Opening hours and the rules of the room are listed at the entrance.',
];
const elementorWidget = (type: string, inner: string) =>
  `<div class="elementor-element elementor-element-3f${type.length}c elementor-widget elementor-widget-${type}" data-widget_type="${type}.default"><div class="elementor-widget-container">${inner}</div></div>`;
const elementorSection = (inner: string) =>
  `<section class="elementor-section elementor-top-section elementor-element elementor-section-boxed"><div class="elementor-container elementor-column-gap-default"><div class="elementor-column elementor-col-100 elementor-top-column elementor-element"><div class="elementor-widget-wrap elementor-element-populated">${inner}</div></div></div></section>`;
const sitePanel = (id: string, type: string, inner: string) =>
  `<div id="panel-7-${id}" class="so-panel widget widget_sow-${type} panel-first-child"><div class="so-widget-sow-${type} so-widget-sow-${type}-base">${inner}</div></div>`;
const htmlBlock = (html: string) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;
/** Divi's text modules hold their text straight in a div; saved as classic content, wpautop() runs over them. */
const diviModule = (html: string) =>
  `<div class="et_pb_module et_pb_text et_pb_text_0 et_pb_text_align_left"><div class="et_pb_text_inner">${html}</div></div>`;
const BUILDER_PAGES: TestPage[] = [
  {
    slug: 'wpingest-theme-elementor-built',
    title: 'The reading room reopens',
    paragraphs: ['What changed', ...BUILT_TEXTS],
    markup: htmlBlock(
      `<div data-elementor-type="wp-post" data-elementor-id="7" class="elementor elementor-7">${elementorSection(
        elementorWidget('heading', '<h2 class="elementor-heading-title elementor-size-default">What changed</h2>') +
          elementorWidget('text-editor', `<p>${BUILT_TEXTS[0]}</p><p>${BUILT_TEXTS[1]}</p>`),
      )}${elementorSection(elementorWidget('image', '<img src="/wp-includes/images/media/default.png" alt="">') + elementorWidget('text-editor', `<p>${BUILT_TEXTS[2]}</p>`))}</div>`,
    ),
  },
  {
    slug: 'wpingest-theme-divi-built',
    title: 'The reading room hours',
    paragraphs: BUILT_TEXTS,
    markup: `<div class="et-l et-l--post"><div class="et_builder_inner_content et_pb_gutters3"><div class="et_pb_section et_pb_section_0"><div class="et_pb_row et_pb_row_0"><div class="et_pb_column et_pb_column_4_4">
${diviModule(`${BUILT_TEXTS[0]} ${BUILT_TEXTS[1]}`)}
</div></div><div class="et_pb_row et_pb_row_1"><div class="et_pb_column et_pb_column_4_4">
${diviModule(BUILT_TEXTS[2]!)}
</div></div></div></div></div>`,
  },
  {
    slug: 'wpingest-theme-wpbakery-built',
    title: 'The reading room staff',
    paragraphs: ['What changed', ...BUILT_TEXTS],
    markup: `<div class="vc_row wpb_row vc_row-fluid"><div class="wpb_column vc_column_container vc_col-sm-12"><div class="vc_column-inner"><div class="wpb_wrapper"><h2 class="vc_custom_heading">What changed</h2><div class="wpb_text_column wpb_content_element"><div class="wpb_wrapper">
${BUILT_TEXTS[0]} ${BUILT_TEXTS[1]}
</div></div></div></div></div></div>
<div class="vc_row wpb_row vc_row-fluid"><div class="wpb_column vc_column_container vc_col-sm-12"><div class="vc_column-inner"><div class="wpb_wrapper"><div class="wpb_text_column wpb_content_element"><div class="wpb_wrapper">
${BUILT_TEXTS[2]}
</div></div></div></div></div></div>`,
  },
  {
    slug: 'wpingest-theme-beaver-built',
    title: 'The reading room terminals',
    paragraphs: ['What changed', ...BUILT_TEXTS],
    markup: `<div class="fl-builder-content fl-builder-content-7" data-post-id="7"><div class="fl-row fl-row-fixed-width"><div class="fl-row-content-wrap"><div class="fl-row-content fl-node-content"><div class="fl-col-group"><div class="fl-col"><div class="fl-col-content fl-node-content">
<div class="fl-module fl-module-heading"><div class="fl-module-content fl-node-content"><h2 class="fl-heading"><span class="fl-heading-text">What changed</span></h2></div></div>
<div class="fl-module fl-module-rich-text"><div class="fl-module-content fl-node-content"><div class="fl-rich-text"><p>${BUILT_TEXTS[0]}</p><p>${BUILT_TEXTS[1]}</p></div></div></div>
</div></div></div></div></div></div>
<div class="fl-row fl-row-fixed-width"><div class="fl-row-content-wrap"><div class="fl-row-content fl-node-content"><div class="fl-col-group"><div class="fl-col"><div class="fl-col-content fl-node-content">
<div class="fl-module fl-module-rich-text"><div class="fl-module-content fl-node-content"><div class="fl-rich-text"><p>${BUILT_TEXTS[2]}</p></div></div></div>
</div></div></div></div></div></div></div>`,
  },
  {
    slug: 'wpingest-theme-siteorigin-built',
    title: 'The reading room rules',
    paragraphs: ['What changed', ...BUILT_TEXTS],
    markup: htmlBlock(
      `<div id="pl-7" class="panel-layout"><div id="pg-7-0" class="panel-grid panel-no-style"><div id="pgc-7-0-0" class="panel-grid-cell">${sitePanel('0-0-0', 'headline', '<h2 class="sow-headline">What changed</h2>')}${sitePanel('0-0-1', 'editor', `<div class="siteorigin-widget-tinymce textwidget"><p>${BUILT_TEXTS[0]}</p><p>${BUILT_TEXTS[1]}</p></div>`)}</div></div><div id="pg-7-1" class="panel-grid panel-no-style"><div id="pgc-7-1-0" class="panel-grid-cell">${sitePanel('1-0-0', 'editor', `<div class="siteorigin-widget-tinymce textwidget"><p>${BUILT_TEXTS[2]}</p></div>`)}</div></div></div>`,
    ),
  },
];

/**
 * A classic post whose content holds an end tag it never opened (HTML pasted from elsewhere): WordPress serves it
 * as it is, and the browser ends the theme's content element there, so the rest of the post follows that element.
 */
const STRAY_TEXTS = [
  'The archive moved to a new building this winter, and the move took longer than anyone had planned.',
  'Every box of paper records was counted twice, once when it left and once when it arrived at the new shelves.',
  'The last boxes arrived in March, and the reading room opened again the week after.',
  'Readers who asked for a record during the move will hear from the staff by the end of the month.',
];
const STRAY_END_TAG_PAGE: TestPage = {
  slug: 'wpingest-theme-stray-end-tag',
  title: 'The archive has moved',
  paragraphs: STRAY_TEXTS,
  markup: `${STRAY_TEXTS[0]}\n\n${STRAY_TEXTS[1]}\n\n</div>\n\n${STRAY_TEXTS[2]}\n\n${STRAY_TEXTS[3]}`,
};

/**
 * A post pasted from a site that cut its article into boxes of their own: the pasted HTML ends the theme's content
 * element and opens a box of another class for each part, with an ad row between them.
 */
const PARTS_TEXTS = [
  'The river walk reopens on Saturday after a year of work on the old flood wall.',
  'The new wall stands a metre higher than the old one and has gaps that let the river in at the meadows.',
  'Engineers say the meadows can hold a flood like the one of two winters ago without water reaching the houses.',
  'The council will plant willows along the meadows in the autumn, when the ground is soft again.',
];
const SPLIT_PARTS_PAGE: TestPage = {
  slug: 'wpingest-theme-split-parts',
  title: 'The river walk reopens',
  paragraphs: PARTS_TEXTS,
  markup: htmlBlock(
    `<p>${PARTS_TEXTS[0]}</p></div><div class="ad-row"><span>Advertisement</span></div><div class="story-part-2"><p>${PARTS_TEXTS[1]}</p><p>${PARTS_TEXTS[2]}</p></div><div class="ad-row"><span>Advertisement</span></div><div class="story-part-3"><p>${PARTS_TEXTS[3]}</p>`,
  ),
};

/**
 * A post in Chinese: short paragraphs whose characters carry what three times as many Latin letters do, under the
 * longer English comment thread every test page gets.
 */
const CHINESE_PAGE: TestPage = {
  slug: 'wpingest-theme-chinese',
  title: '老城区供水管网明年春季前完成改造',
  paragraphs: [
    '市政府今天宣布，明年春季前完成老城区供水管网改造，受益居民超过十二万户。',
    '改造工程分三期进行，第一期已于上月开工，主要更换使用超过三十年的铸铁管道。',
    '施工期间部分路段将临时停水，具体时间会提前三天在社区公告栏和官方网站公布。',
    '居民如有疑问，可拨打市供水公司服务热线咨询，工作人员将在一个工作日内答复。',
  ],
};

/**
 * Questions and answers, each answer collapsed until the reader opens it (`display: none`, as accordion scripts
 * write it): the answers are the post's text.
 */
const FAQ_PAGE: TestPage = {
  slug: 'wpingest-theme-faq',
  title: 'Reading room questions',
  paragraphs: [
    'Can I bring a laptop?',
    'Yes, laptops are welcome, and there are sockets at every desk in the room.',
    'Can I take pictures?',
    'Pictures without a flash are fine, for your own research and not for sale.',
  ],
  markup: htmlBlock(
    `<div class="faq"><h3 class="faq-question">Can I bring a laptop?</h3><div class="faq-answer" style="display: none;"><p>Yes, laptops are welcome, and there are sockets at every desk in the room.</p></div>
<h3 class="faq-question">Can I take pictures?</h3><div class="faq-answer" style="display: none;"><p>Pictures without a flash are fine, for your own research and not for sale.</p></div></div>`,
  ),
};

/** A password-protected page: its theme page shows WordPress's password form, never the text. */
const PROTECTED_PAGE: TestPage = {
  slug: 'wpingest-theme-protected',
  title: 'Members notes',
  paragraphs: ['Only members read the minutes of the annual meeting here.'],
  password: 'wpingest-secret',
};

interface Case {
  id: number;
  /** The theme page of the post. */
  url: string;
  title: string;
  paragraphs: string[];
  /** The text of the post's `content.rendered`, as the REST API serves it. */
  contentText: string;
}

async function contentText(restUrl: string): Promise<string> {
  const post = JSON.parse(await get(restUrl)) as WpPost;
  return normalise(textOf(parseHtml(renderedField(post.content)).root));
}

describe.runIf(realWordpressAvailable())("real WordPress themes' pages, wrapped as aggregator posts", () => {
  let cases: Case[];
  let themes: string[];
  let themeBefore: string | undefined;
  let commented: Set<number>;
  let protectedId: number;

  beforeAll(async () => {
    startRealWordpress();
    installThemeReplicas();
    themes = [...installedThemes(), ...REPLICA_THEMES];
    const truth = readTruth();
    const picked = [...truth.filter((t) => t.kind === 'ordinary'), ...truth.filter((t) => t.kind === 'scraped').slice(0, SCRAPED_POSTS)];
    const pageIds = ensureTestPages([
      ...SHORT_PAGES,
      ...OWN_LINES_PAGES,
      ...BUILDER_PAGES,
      BLOCKS_PAGE,
      STRAY_END_TAG_PAGE,
      SPLIT_PARTS_PAGE,
      CHINESE_PAGE,
      FAQ_PAGE,
      PROTECTED_PAGE,
    ]);
    protectedId = pageIds.get(PROTECTED_PAGE.slug)!;
    cases = await Promise.all([
      ...picked.map(async (t) => ({
        id: t.id,
        url: `${REALWP_URL}/?p=${t.id}`,
        title: decodeHtmlText(t.title),
        paragraphs: t.paragraphs_text,
        contentText: await contentText(`${REALWP_URL}/?rest_route=/wp/v2/posts/${t.id}`),
      })),
      ...[...SHORT_PAGES, ...OWN_LINES_PAGES, ...BUILDER_PAGES, BLOCKS_PAGE, STRAY_END_TAG_PAGE, SPLIT_PARTS_PAGE, CHINESE_PAGE, FAQ_PAGE].map(async (page) => {
        const id = pageIds.get(page.slug)!;
        return {
          id,
          url: `${REALWP_URL}/?page_id=${id}`,
          title: page.title,
          paragraphs: page.paragraphs,
          contentText: await contentText(`${REALWP_URL}/?rest_route=/wp/v2/pages/${id}`),
        };
      }),
    ]);
    // Half the posts and every short page get a thread of readers' comments below them, longer than the page itself.
    commented = new Set([...picked.filter((_, i) => i % 2 === 0).map((t) => t.id), ...pageIds.values()]);
    setTestComments([...commented], COMMENTS);
  });
  afterAll(() => {
    setTestComments([], []);
    if (themeBefore) switchTheme(themeBefore);
  });

  it('has WordPress default themes to render with (start.sh installs twentytwentythree)', () => {
    expect(themes).toContain('twentytwentythree');
    const missing = DEFAULT_THEMES.filter((theme) => !themes.includes(theme));
    if (missing.length > 0)
      console.warn(`themes not installed, not tried: ${missing.join(', ')} (apt-get install ${missing.map((t) => `wordpress-theme-${t}`).join(' ')})`);
    const extraMissing = EXTRA_THEMES.filter((theme) => !themes.includes(theme));
    if (extraMissing.length > 0) console.warn(`WPINGEST_EXTRA_THEMES not in the site copy, not tried: ${extraMissing.join(', ')}`);
  });

  it('keeps the text of every core block of a post read from the REST API', async () => {
    const id = cases.find((c) => c.title === BLOCKS_PAGE.title)!.id;
    const page = JSON.parse(await get(`${REALWP_URL}/?rest_route=/wp/v2/pages/${id}`)) as WpPost;
    const article = extractArticle(page, { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
    const body = normalise(article.body_text);
    for (const text of BLOCKS_PAGE.paragraphs) expect(body, 'a block is missing').toContain(normalise(text));
    expect(article.title).toBe(BLOCKS_PAGE.title);
  });

  it('keeps every module of a page-builder post read from the REST API, its heading too', async () => {
    for (const built of BUILDER_PAGES) {
      const id = cases.find((c) => c.title === built.title)!.id;
      const page = JSON.parse(await get(`${REALWP_URL}/?rest_route=/wp/v2/pages/${id}`)) as WpPost;
      const article = extractArticle(page, { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
      const heading = built.markup?.includes('What changed') ? ['What changed'] : [];
      expect(normalise(article.body_text), built.slug).toBe(normalise([...heading, ...BUILT_TEXTS].join(' ')));
    }
  });

  it('a password-protected post read from the REST API: no body, and the reason says so', async () => {
    const page = JSON.parse(await get(`${REALWP_URL}/?rest_route=/wp/v2/pages/${protectedId}`)) as WpPost;
    expect(page.content).toMatchObject({ rendered: '', protected: true });
    const article = extractArticle(page, { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
    expect(article.word_count).toBe(0);
    expect(emptyBodyReason(page, article)).toBe('password-protected');
  });

  for (const theme of [...DEFAULT_THEMES, ...EXTRA_THEMES, ...REPLICA_THEMES])
    it(`${theme}: every post comes back whole, with its own title and nothing of the theme`, async (context) => {
      if (!themes.includes(theme)) return context.skip();
      const before = switchTheme(theme);
      themeBefore ??= before;
      for (const { id, url, title, paragraphs, contentText } of cases) {
        const page = await get(url);
        const article = extractArticle(wrapPageAsPost(page, url, id), { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
        const where = `${theme} post ${id}`;
        if (commented.has(id)) expect(page, `${where}: the theme shows the comments`).toContain(COMMENTS[0]!.slice(0, 80));
        const body = normalise(article.body_text);
        for (const paragraph of paragraphs) expect(body, `${where}: a paragraph is missing`).toContain(normalise(paragraph));
        const themeBlocks = article.blocks.filter((block) => !contentText.includes(normalise(block.text)));
        expect(
          themeBlocks.map((block) => block.text),
          `${where}: blocks that are not in the post`,
        ).toEqual([]);
        expect(comparable(article.title), `${where}: title`).toBe(comparable(title));
      }
      // The protected page's theme page: the password form and its notice are no body; the reason names them.
      const url = `${REALWP_URL}/?page_id=${protectedId}`;
      const page = await get(url);
      expect(page).toContain('post-password-form');
      const wrapped = wrapPageAsPost(page, url, protectedId);
      const article = extractArticle(wrapped, { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
      expect(article.body_text, `${theme}: protected page`).toBe('');
      expect(emptyBodyReason(wrapped, article)).toBe('password-protected');
    });
});
