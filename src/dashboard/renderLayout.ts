import { html, rawHtml, type SafeHtml } from './html.js';

const STYLE = `*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f4f5f7}
a{color:#0b5cad}header{display:flex;flex-wrap:wrap;gap:1.2rem;align-items:center;padding:.6rem 1.5rem;background:#1d232a;color:#fff}
header a{color:#b9dcff;text-decoration:none}header a:hover{text-decoration:underline}header .brand{color:#fff;font-weight:700}
header form{margin-left:auto;display:flex;gap:.3rem}header input{width:16rem;padding:.25rem .5rem;border:1px solid #59626c;border-radius:4px;background:#2b333c;color:#fff}
header button{padding:.25rem .7rem;border:0;border-radius:4px;background:#b9dcff;color:#1d232a;cursor:pointer}
.updated{color:#c4cad1;font-size:12px}
main{padding:1rem 1.5rem;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));max-width:1800px}
main.narrow,main.page{display:block;margin:0 auto}main.narrow{max-width:980px}main.page{max-width:1500px}main.narrow>section,main.page>section{margin-bottom:1rem}
section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.6rem 1rem;overflow-x:auto;min-width:0}
section.wide{grid-column:1/-1}h1{font-size:1.45rem;margin:.2rem 0 .8rem;line-height:1.25}
h2{font-size:1rem;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef0f3;vertical-align:top}th{font-weight:600;color:#3c444d;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.nowrap{white-space:nowrap}
.url{display:inline-block;max-width:20rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;background:#eef0f3;font-size:12px;font-weight:600;white-space:nowrap}
.badge.ok,.badge.done{background:#d9f5dd;color:#145a22}.badge.running,.badge.settling,.badge.planning{background:#d7ecff;color:#0b4a86}
.badge.degraded,.badge.partial{background:#fff0c2;color:#6b4d00}.badge.failing,.badge.failed{background:#ffe0e0;color:#8a0016}
.badge.circuit-open{background:#b00020;color:#fff}.badge.disabled,.badge.cancelled{background:#e6e8eb;color:#4a525b}
.cause{font-family:ui-monospace,monospace;font-size:12px;color:#8a0016;font-weight:600}
.detail{color:#5b636d;font-size:12px;max-width:22rem}.detail .line{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-family:ui-monospace,monospace;font-size:11px}
#queues th{white-space:normal}.error,.failed{color:#b00020}
.empty{color:#5b636d}.message{font-family:ui-monospace,monospace;font-size:12px;word-break:break-word}
code{font-family:ui-monospace,monospace;font-size:12px;background:#f0f2f5;padding:.05rem .3rem;border-radius:3px}
code.cmd{user-select:all;white-space:nowrap}.waiting{color:#8a0016;font-weight:600;white-space:nowrap}
progress{width:7rem;vertical-align:middle}.muted{color:#5b636d}
figure.chart{margin:0}figure.chart>svg{width:100%;height:auto;display:block}.legend{display:flex;gap:1rem;font-size:12px;color:#3c444d;margin-top:.2rem}.legend svg{vertical-align:-1px}
dl.meta{display:grid;grid-template-columns:10rem 1fr;gap:.25rem 1rem;margin:0}dl.meta dt{color:#5b636d}dl.meta dd{margin:0;min-width:0}dl.meta .url{max-width:100%}
.body p{margin:.2rem 0 .8rem;max-width:46rem}.body h3{margin:1rem 0 .4rem;font-size:1.05rem}
.removed{margin:.3rem 0 .8rem;padding:.35rem .6rem;border-left:3px solid #c0392b;background:#fff5f4;color:#5b636d;font-size:13px;max-width:46rem}
.removed .reason{font-family:ui-monospace,monospace;font-size:12px;font-weight:700;color:#8a0016;margin-right:.5rem}
.removed .text{white-space:pre-wrap;overflow-wrap:break-word}
details.removed-run{margin:.3rem 0 .8rem;max-width:46rem}details.removed-run>summary{cursor:pointer;padding:.3rem .6rem;border-left:3px solid #c0392b;background:#fff5f4;color:#8a0016;font-size:13px}
details.removed-run[open]>summary{margin-bottom:.3rem}details.removed-run .removed{margin-left:.8rem}`;

/** What a page of the dashboard is made of. */
export interface PageParts {
  title: string;
  /** Relative path back to the dashboard's root, e.g. `./` or `../`, so it works behind a path prefix too. */
  base: string;
  /** CSP nonce of the page's one inline style (and script). */
  nonce: string;
  body: SafeHtml;
  /** Text of the header's search box. */
  query?: string;
  /** Trusted inline script (a constant of this folder), or none. */
  script?: string;
  /** Shown in the header, e.g. the overview's "updated" time. */
  updated?: SafeHtml;
}

/** The common frame of every dashboard page: header with navigation and the search box, style, body. */
export function renderLayout(parts: PageParts): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${parts.title} · wpingest</title>
<style nonce="${parts.nonce}">${rawHtml(STYLE)}</style></head><body>
<header><a class="brand" href="${parts.base}">wpingest</a><a href="${parts.base}queues">Queues (Bull Board)</a><a href="${parts.base}metrics">Metrics</a><a href="${parts.base}api/overview">JSON</a>
${parts.updated ?? ''}
<form method="get" action="${parts.base}search" role="search"><input type="search" name="q" value="${parts.query ?? ''}" placeholder="Article title or id" aria-label="Search articles"><button type="submit">Search</button></form></header>
${parts.body}
${parts.script ? html`<script nonce="${parts.nonce}">${rawHtml(parts.script)}</script>` : ''}</body></html>`.value;
}
