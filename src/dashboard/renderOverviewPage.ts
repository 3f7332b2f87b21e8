import { formatTime } from './formatValues.js';
import { html, type SafeHtml } from './html.js';
import type { Overview } from './readOverview.js';
import { renderLayout } from './renderLayout.js';
import { renderCharts, renderDedupe, renderFailures, renderQueues, renderRuns, renderSites } from './renderOverviewSections.js';

/** How often the open page refreshes itself. */
export const OVERVIEW_REFRESH_MS = 2_000;

/** `/?part=main` answers just the page's `<main>`, which the open page swaps in. */
export const MAIN_PART = 'main';

// Re-fetches this page's <main> and swaps it in: the server stays the only place that renders (and escapes) data.
// A <template> keeps the fragment inert until it is in place, so nothing in it runs or applies on its own.
const REFRESH_SCRIPT = `setInterval(async()=>{if(document.hidden)return;try{
const r=await fetch('?part=${MAIN_PART}',{headers:{accept:'text/html'},cache:'no-store'});if(!r.ok)return;
const t=document.createElement('template');t.innerHTML=await r.text();
const m=t.content.querySelector('main'),cur=document.querySelector('main');if(!m||!cur)return;
cur.replaceWith(m);const g=document.getElementById('generated');if(g)g.textContent=m.dataset.generated||'';
}catch{}},${OVERVIEW_REFRESH_MS});`;

/** The sections of the overview, each a titled box. */
export function renderOverviewMain(overview: Overview): SafeHtml {
  const box = (id: string, title: string, body: SafeHtml, wide = false) =>
    html`<section id="${id}"${wide ? html` class="wide"` : ''}><h2>${title}</h2>${body}</section>`;
  const now = overview.generatedAt;
  const charts = renderCharts(overview);
  return html`<main data-generated="${formatTime(now)}">
    ${box('sources', 'Sources', renderSites(overview.sites, now), true)}
    ${box('runs', 'Runs', renderRuns(overview.runs, now), true)}
    ${box('articles-per-day', `Articles per day (last ${overview.articlesPerDay.length} days, UTC)`, charts.perDay)}
    ${box('throughput', 'Posts processed per second (last hour)', charts.throughput)}
    ${box('errors', `Errors by reason (last ${overview.failuresWindowHours} h)`, renderFailures(overview.failures, overview.failuresWindowHours, now))}
    ${box('queues', 'Queue depths', renderQueues(overview.queues))}
    ${box('dedupe', 'Dedupe savings', renderDedupe(overview.dedupe))}
  </main>`;
}

/** The whole server-rendered overview page; `nonce` allows its one inline style and script under the CSP. */
export function renderOverviewPage(overview: Overview, nonce: string): string {
  return renderLayout({
    title: 'Overview',
    base: './',
    nonce,
    body: renderOverviewMain(overview),
    script: REFRESH_SCRIPT,
    updated: html`<span class="updated">updated <span id="generated">${formatTime(overview.generatedAt)}</span></span>`,
  });
}
