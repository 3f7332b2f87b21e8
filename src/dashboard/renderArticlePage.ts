import { redactUrl } from '../redactUrl.js';
import { formatBytes, formatCount, formatTime } from './formatValues.js';
import { html, type SafeHtml } from './html.js';
import { placeRemovedBlocks, type BodyItem, type RemovedBlockRow } from './placeRemovedBlocks.js';
import { urlText } from './renderOverviewSections.js';

/** An article as its page shows it (see articleQueries.articleById). */
export interface ArticleView {
  id: number;
  sourceUrl: string;
  sourceDomain: string;
  title: string;
  summary: string | null;
  authors: string[];
  publishedAt: Date | null;
  modifiedAt: Date | null;
  section: string[];
  topics: string[];
  bodyText: string;
  wordCount: number;
  language: string | null;
  profile: string;
  clusterId: number | null;
  removed: RemovedBlockRow[];
  versionSiteId: number;
  versionWpId: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** The `content.rendered` of the post the article's current version came from. */
  postHtml: string | null;
  posts: Array<{ siteId: number; wpId: number; siteUrl: string; fetchedAt: Date; status: string | null }>;
  teasers: Array<{ slot: string; position: number; key: string; title: string; url: string | null; timesSeen: number }>;
}

/** The link to a stored post's raw JSON, relative to an article page. */
export function rawPostHref(siteId: number, wpId: number, base: string): string {
  return `${base}posts/${siteId}/${wpId}.json`;
}

/** Only http(s) links become links: a `javascript:` source URL stays text. */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

function renderMeta(a: ArticleView, base: string): SafeHtml {
  const list = (values: string[]) => (values.length ? values.join(', ') : html`<span class="muted">none</span>`);
  const href = safeHref(a.sourceUrl);
  const rows: Array<[string, SafeHtml | string]> = [
    ['Source', href ? html`<a href="${href}" rel="noreferrer noopener nofollow">${urlText(a.sourceUrl)}</a>` : urlText(a.sourceUrl)],
    ['Published', formatTime(a.publishedAt)],
    ['Authors', list(a.authors)],
    ['Section', list(a.section)],
    ['Topics', list(a.topics)],
    ['Words', formatCount(a.wordCount)],
    ['Extracted by', `${a.profile} profile${a.language ? `, language ${a.language}` : ''}`],
    ['Near-duplicates', a.clusterId ? `cluster ${a.clusterId}` : 'none'],
    [
      'From posts',
      html`${a.posts.map((p) => html`<div>${urlText(redactUrl(p.siteUrl))} #${p.wpId}${p.status === 'deleted' ? ' (deleted on the site)' : ''} · <a href="${rawPostHref(p.siteId, p.wpId, base)}">raw post JSON</a></div>`)}`,
    ],
    ['Stored', `${formatTime(a.createdAt)}, updated ${formatTime(a.updatedAt)}${a.deletedAt ? `, deleted ${formatTime(a.deletedAt)}` : ''}`],
  ];
  return html`<dl class="meta">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

function renderRemoved(block: RemovedBlockRow): SafeHtml {
  return html`<aside class="removed" data-reason="${block.reason}"><span class="reason">removed: ${block.reason}</span><span class="muted">${formatBytes(block.bytes)}</span><div class="text">${block.text}</div></aside>`;
}

/** Consecutive removed blocks shown one by one up to this many; a longer run is folded under a summary. */
const UNFOLDED_RUN = 2;

/** A run of consecutive removed blocks: as they are when short, folded under "N removed blocks (teaser ×N)" when long. */
function renderRemovedRun(blocks: RemovedBlockRow[]): SafeHtml {
  if (blocks.length <= UNFOLDED_RUN) return html`${blocks.map(renderRemoved)}`;
  const reasons = new Map<string, number>();
  for (const block of blocks) reasons.set(block.reason, (reasons.get(block.reason) ?? 0) + 1);
  const summary = [...reasons].map(([reason, n]) => `${reason} ×${n}`).join(', ');
  const bytes = blocks.reduce((sum, block) => sum + block.bytes, 0);
  return html`<details class="removed-run"><summary>${blocks.length} removed blocks here: ${summary} (${formatBytes(bytes)})</summary>${blocks.map(renderRemoved)}</details>`;
}

/** Longest body block drawn as a subheading when it reads like one. */
const MAX_HEADING_CHARS = 90;

/** body_text keeps headings as blocks of their own: a short one line with no closing punctuation reads as one. */
function looksLikeHeading(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && !text.includes('\n') && !/[.!:;,”"')\]]$/.test(text.trim());
}

function renderBody(items: BodyItem[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let run: RemovedBlockRow[] = [];
  const flush = () => {
    if (run.length) parts.push(renderRemovedRun(run));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'removed') {
      run.push(item.block);
      continue;
    }
    flush();
    parts.push(looksLikeHeading(item.text) ? html`<h3>${item.text}</h3>` : html`<p>${item.text}</p>`);
  }
  flush();
  return html`<div class="body">${parts}</div>`;
}

/** The article page's `<main>`: title, metadata, the body with removed blocks in place, teasers stored apart. */
export function renderArticleMain(a: ArticleView, base: string): SafeHtml {
  const paragraphs = a.bodyText.split(/\n{2,}/).filter((p) => p.trim() !== '');
  const { items, unplaced } = placeRemovedBlocks(paragraphs, a.removed, a.postHtml ?? '');
  const removedBytes = a.removed.reduce((sum, block) => sum + block.bytes, 0);
  return html`<main class="narrow" data-article-id="${a.id}">
    <section id="article"><h1>${a.title}</h1>${a.deletedAt ? html`<p class="error">Deleted: none of its posts is live on its site any more.</p>` : ''}
      ${a.summary ? html`<p class="muted">${a.summary}</p>` : ''}${renderMeta(a, base)}</section>
    <section id="body"><h2>Body, with the ${a.removed.length} removed blocks in place (${formatBytes(removedBytes)})</h2>${renderBody(items)}
      ${unplaced.length ? html`<h2>Removed blocks not found in the post's text</h2>${unplaced.map(renderRemoved)}` : ''}</section>
    <section id="teasers"><h2>Teasers stored apart (${a.teasers.length})</h2>${
      a.teasers.length === 0
        ? html`<p class="empty">None.</p>`
        : html`<table><thead><tr><th>Slot</th><th class="num">#</th><th>Title</th><th class="num">Seen in posts</th></tr></thead><tbody>
      ${a.teasers.map((t) => html`<tr><td>${t.slot}</td><td class="num">${t.position}</td><td>${t.title}</td><td class="num">${formatCount(t.timesSeen)}</td></tr>`)}</tbody></table>`
    }</section>
  </main>`;
}
