import { formatCount, formatTime } from './formatValues.js';
import { html, type SafeHtml } from './html.js';
import type { Overview } from './readOverview.js';
import { renderRuns, renderSites, urlText } from './renderOverviewSections.js';
import type { SearchHit } from './searchArticlesForBox.js';

/** An article in a list: a link to its page, its date and (for search hits) its source domain. */
export function renderArticleList(
  articles: Array<Pick<SearchHit, 'id' | 'title' | 'publishedAt' | 'deletedAt'> & { sourceDomain?: string }>,
  base: string,
  empty: SafeHtml | string,
): SafeHtml {
  if (articles.length === 0) return html`<p class="empty">${empty}</p>`;
  const withDomain = articles[0]?.sourceDomain !== undefined;
  return html`<table class="articles"><thead><tr><th class="num">Id</th><th>Title</th><th>Published</th>${withDomain ? html`<th>Source domain</th>` : ''}</tr></thead><tbody>
    ${articles.map(
      (
        a,
      ) => html`<tr data-article-id="${a.id}"><td class="num">${a.id}</td><td><a href="${base}articles/${a.id}">${a.title || '(untitled)'}</a>${a.deletedAt ? html` <span class="badge disabled">deleted</span>` : ''}</td>
      <td class="nowrap">${formatTime(a.publishedAt)}</td>${withDomain ? html`<td class="nowrap">${a.sourceDomain ?? ''}</td>` : ''}</tr>`,
    )}
  </tbody></table>`;
}

/** A source's page (one level below the root): its overview row (health, schedule...), its runs and its newest articles. */
export function renderSourceMain(site: Overview['sites'][number], runs: Overview['runs'], articles: SearchHit[], now: Date): SafeHtml {
  return html`<main class="page" data-site-id="${site.id}">
    <section id="source"><h1>${urlText(site.url)}</h1>${renderSites([site], now, '../')}</section>
    <section id="runs"><h2>Recent runs</h2>${renderRuns(runs, now, '../')}</section>
    <section id="articles"><h2>Newest articles (${formatCount(site.articles)} live in all)</h2>${renderArticleList(articles, '../', 'No articles from this source yet.')}</section>
  </main>`;
}

/** The search page: what the box found for the query. */
export function renderSearchMain(query: string, hits: SearchHit[]): SafeHtml {
  const empty = query.trim() === '' ? 'Type words of a title, or an article id.' : html`No article has “${query}” in its title or as its id.`;
  return html`<main class="narrow"><section id="results"><h1>Search${query ? html`: ${query}` : ''}</h1>
    ${hits.length ? html`<p class="muted">${hits.length} article${hits.length === 1 ? '' : 's'}, best match first.</p>` : ''}${renderArticleList(hits, './', empty)}</section></main>`;
}
