import { formatTime } from './formatValues.js';
import { html, rawHtml, type SafeHtml } from './html.js';
import type { Overview } from './readOverview.js';
import { renderArticlesPerDay, renderDedupe, renderFailures, renderQueues, renderRuns, renderSites } from './renderOverviewSections.js';

/** How often the open page refreshes itself. */
export const OVERVIEW_REFRESH_MS = 2_000;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{display:flex;gap:1.5rem;align-items:baseline;padding:.8rem 1.5rem;background:#1d232a;color:#fff}
header a{color:#9cd0ff}main{padding:1rem 1.5rem;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(520px,1fr))}
section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.6rem 1rem;overflow-x:auto}
h2{font-size:1rem;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef0f3;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}.url{word-break:break-all}
.status{padding:0 .4rem;border-radius:3px;background:#eef0f3}.status.running,.status.settling{background:#d7ecff}
.status.done{background:#d9f5dd}.status.failed{background:#ffe0e0}.error,.failed{color:#b00020}
.empty{color:#68707a}.message{font-family:ui-monospace,monospace;font-size:12px;word-break:break-word}
meter,progress{width:8rem;vertical-align:middle}`;

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
  const box = (id: string, title: string, body: SafeHtml) => html`<section id="${id}"><h2>${title}</h2>${body}</section>`;
  return html`<main data-generated="${formatTime(overview.generatedAt)}">
    ${box('sources', 'Sources', renderSites(overview.sites))}
    ${box('runs', 'Runs', renderRuns(overview.runs))}
    ${box('queues', 'Queue depths', renderQueues(overview.queues))}
    ${box('dedupe', 'Dedupe savings', renderDedupe(overview.dedupe))}
    ${box('errors', `Errors by reason (last ${overview.failuresWindowHours} h)`, renderFailures(overview.failures, overview.failuresWindowHours))}
    ${box('articles-per-day', 'Articles per day (last 30 days)', renderArticlesPerDay(overview.articlesPerDay))}
  </main>`;
}

/** The whole server-rendered overview page; `nonce` allows its one inline style and script under the CSP. */
export function renderOverviewPage(overview: Overview, nonce: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>wpingest</title>
<style nonce="${nonce}">${rawHtml(STYLE)}</style></head><body>
<header><strong>wpingest</strong><a href="queues">Queues (Bull Board)</a><a href="metrics">Metrics</a><a href="api/overview">JSON</a>
<span>updated <span id="generated">${formatTime(overview.generatedAt)}</span></span></header>
${renderOverviewMain(overview)}
<script nonce="${nonce}">${rawHtml(REFRESH_SCRIPT)}</script></body></html>`.value;
}
