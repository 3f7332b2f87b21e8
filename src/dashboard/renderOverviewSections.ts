import { formatBytes, formatDuration, formatPercent, formatRate, formatTime } from './formatValues.js';
import { html, type SafeHtml } from './html.js';
import type { Overview } from './readOverview.js';
import { JOB_STATES } from './readQueueDepths.js';

/** Sources with their last run. */
export function renderSites(sites: Overview['sites']): SafeHtml {
  if (sites.length === 0) return html`<p class="empty">No sources yet: <code>wpingest backfill &lt;site-url&gt;</code> adds one.</p>`;
  return html`<table><thead><tr><th>Source</th><th>Sync cursor</th><th>Last run</th><th>Status</th><th>Created</th><th>Finished</th></tr></thead><tbody>
    ${sites.map((site) => html`<tr data-site-id="${site.id}"><td class="url">${site.url}${site.enabled ? '' : ' (disabled)'}</td>
      <td>${formatTime(site.syncCursor)}</td>
      <td>${site.lastRun ? `#${site.lastRun.id} ${site.lastRun.kind}` : '—'}</td>
      <td>${site.lastRun ? html`<span class="status ${site.lastRun.status}">${site.lastRun.status}</span>` : '—'}</td>
      <td>${site.lastRun ? formatTime(site.lastRun.createdAt) : '—'}</td>
      <td>${site.lastRun ? formatTime(site.lastRun.finishedAt) : '—'}</td></tr>`)}
  </tbody></table>`;
}

/** Runs with their progress, rate and ETA. */
export function renderRuns(runs: Overview['runs']): SafeHtml {
  if (runs.length === 0) return html`<p class="empty">No runs yet.</p>`;
  return html`<table><thead><tr><th>Run</th><th>Source</th><th>Status</th><th>Pages done</th><th>Posts processed</th><th>Posts/s</th><th>ETA</th></tr></thead><tbody>
    ${runs.map((run) => html`<tr data-run-id="${run.id}"><td>#${run.id} ${run.kind}</td><td class="url">${run.siteUrl}</td>
      <td><span class="status ${run.status}">${run.status}</span>${run.error ? html`<div class="error">${run.error}</div>` : ''}</td>
      <td><progress value="${run.pagesDone}" max="${Math.max(run.pagesTotal, 1)}"></progress> <span class="pages">${run.pagesDone}/${run.pagesTotal}</span>${run.pagesFailed ? html` <span class="failed">(${run.pagesFailed} failed)</span>` : ''}</td>
      <td class="posts">${run.postsProcessed}${run.totalPosts === null ? '' : `/${run.totalPosts}`}</td>
      <td>${formatRate(run.postsPerSecond)}</td><td>${formatDuration(run.etaSeconds)}</td></tr>`)}
  </tbody></table>`;
}

/** Job counts per queue and state. */
export function renderQueues(queues: Overview['queues']): SafeHtml {
  return html`<table><thead><tr><th>Queue</th>${JOB_STATES.map((state) => html`<th>${state}</th>`)}</tr></thead><tbody>
    ${queues.map((queue) => html`<tr data-queue="${queue.queue}"><td>${queue.queue}</td>${JOB_STATES.map((state) => html`<td class="num">${queue.counts[state]}</td>`)}</tr>`)}
  </tbody></table>`;
}

/** Articles per day, by publication and by ingest date, with inline bars. */
export function renderArticlesPerDay(days: Overview['articlesPerDay']): SafeHtml {
  const max = Math.max(1, ...days.map((day) => Math.max(day.published, day.ingested)));
  return html`<table class="days"><thead><tr><th>Day (UTC)</th><th>Published</th><th>Ingested</th></tr></thead><tbody>
    ${days.map((day) => html`<tr><td>${day.day}</td>
      <td><meter min="0" max="${max}" value="${day.published}"></meter> ${day.published}</td>
      <td><meter min="0" max="${max}" value="${day.ingested}"></meter> ${day.ingested}</td></tr>`)}
  </tbody></table>`;
}

/** What dedupe saved. */
export function renderDedupe(d: Overview['dedupe']): SafeHtml {
  // Deleted articles were still made from their posts: the ratio measures dedupe, not deletions.
  const ratio = d.postsSeen > 0 ? 1 - (d.articles + d.deletedArticles) / d.postsSeen : 0;
  const rows: [string, string][] = [
    ['Posts seen', String(d.postsSeen)],
    ['Articles', String(d.articles)],
    ['Deleted articles (gone from their site)', String(d.deletedArticles)],
    ['Duplicate posts merged', String(d.duplicatePostsMerged)],
    ['Posts without an article of their own', formatPercent(ratio)],
    ['Near-duplicate clusters', String(d.nearDuplicateClusters)],
    ['Teasers stored once', String(d.teasersStored)],
    ['Teaser occurrences collapsed', String(d.teaserOccurrencesCollapsed)],
    ['Boilerplate removed', `${formatBytes(d.boilerplateBytesRemoved)} of ${formatBytes(d.contentBytes)}`],
    ['Rejected posts', String(d.rejectedPosts)],
  ];
  return html`<table class="dedupe"><tbody>${rows.map(([label, value]) => html`<tr><th>${label}</th><td class="num">${value}</td></tr>`)}</tbody></table>`;
}

/** Recent failures grouped by stage and reason. */
export function renderFailures(failures: Overview['failures'], hours: number): SafeHtml {
  if (failures.length === 0) return html`<p class="empty">No errors in the last ${hours} h.</p>`;
  return html`<table><thead><tr><th>Stage</th><th>Reason</th><th>Count</th><th>Kind</th><th>Last seen</th><th>Latest message</th></tr></thead><tbody>
    ${failures.map((f) => html`<tr><td>${f.stage}</td><td>${f.reason}</td><td class="num">${f.count}</td>
      <td>${f.permanent ? 'permanent' : 'transient'}</td><td>${formatTime(f.lastSeen)}</td><td class="message">${f.sample}</td></tr>`)}
  </tbody></table>`;
}
