import { formatInterval } from '../scheduler/parseInterval.js';
import { formatRate as formatRequestRate } from '../scheduler/parseRate.js';
import { formatBytes, formatCount, formatDuration, formatPercent, formatRate, formatRelative, formatTime } from './formatValues.js';
import { html, type SafeHtml } from './html.js';
import type { Overview, RunOverview } from './readOverview.js';
import { JOB_STATES } from './readQueueDepths.js';
import { renderBarChart } from './renderBarChart.js';

const INGESTED_COLOR = '#2f7ed8';
const PUBLISHED_COLOR = '#e8871e';
const THROUGHPUT_COLOR = '#2f9e5a';
const SECONDS_PER_MINUTE = 60;

/** A time as "5m ago" / "in 2m", with the exact UTC time on hover. */
export function relativeTime(value: Date | null, now: Date): SafeHtml {
  if (value === null) return html`<span class="muted">—</span>`;
  return html`<time datetime="${formatTime(value)}" title="${formatTime(value)}">${formatRelative(value, now)}</time>`;
}

/** A URL that is cut with an ellipsis rather than wrapped mid-token; the whole URL on hover. */
export function urlText(url: string): SafeHtml {
  return html`<span class="url" title="${url}">${url}</span>`;
}

/** Sources with their health (and its cause), schedule, rate, articles, last and next sync, last run. */
export function renderSites(sites: Overview['sites'], now: Date, base = ''): SafeHtml {
  if (sites.length === 0)
    return html`<p class="empty">No sources yet: <code>wpingest backfill &lt;site-url&gt;</code> or <code>wpingest source add &lt;site-url&gt;</code> adds one.</p>`;
  return html`<table><thead><tr><th>Source</th><th>Health</th><th>Schedule</th><th>Rate</th><th class="num">Articles</th><th>Last sync</th><th>Next sync</th><th>Last run</th></tr></thead><tbody>
    ${sites.map(
      (site) => html`<tr data-site-id="${site.id}" data-health="${site.health.state}"><td><a href="${base}sources/${site.id}">${urlText(site.url)}</a></td>
      <td><span class="badge ${site.health.state}">${site.health.label}</span>${site.health.cause ? html` <span class="cause" title="${site.health.message ?? ''}">${site.health.cause}</span>` : ''}
        ${site.health.detail ? html`<div class="detail">${site.health.detail}${site.health.message ? html`<span class="line" title="${site.health.message}">${site.health.message}</span>` : ''}</div>` : ''}</td>
      <td class="nowrap">${site.everyMs === null ? html`<span class="muted">none</span>` : `every ${formatInterval(site.everyMs)}`}</td>
      <td class="nowrap">${site.ratePerS === null ? html`<span class="muted">unlimited</span>` : formatRequestRate(site.ratePerS)}</td>
      <td class="num"><a href="${base}sources/${site.id}#articles">${formatCount(site.articles)}</a></td>
      <td class="nowrap">${site.lastSyncAt ? relativeTime(site.lastSyncAt, now) : html`<span class="muted">never</span>`}</td>
      <td class="nowrap">${site.nextSyncAt ? relativeTime(site.nextSyncAt, now) : html`<span class="muted" title="${site.enabled && site.everyMs !== null ? 'when the scheduler role runs' : 'no schedule'}">—</span>`}</td>
      <td class="nowrap">${site.lastRun ? html`#${site.lastRun.id} ${site.lastRun.kind} ${relativeTime(site.lastRun.finishedAt ?? site.lastRun.createdAt, now)}` : html`<span class="muted">—</span>`}</td></tr>`,
    )}
  </tbody></table>`;
}

/** How a run's state reads: a run that ended with failed pages is its own state, not "done". */
export function runState(run: Pick<RunOverview, 'status' | 'pagesFailed'>): { label: string; className: string } {
  if (run.status === 'done' && run.pagesFailed > 0)
    return { label: `done with ${run.pagesFailed} failed page${run.pagesFailed === 1 ? '' : 's'}`, className: 'partial' };
  return { label: run.status, className: run.status };
}

/** The command that picks a backfill up again, for runs that ended short of complete. */
function resumeHint(run: RunOverview): SafeHtml {
  const resumable = run.kind === 'backfill' && (run.status === 'failed' || run.status === 'cancelled' || (run.status === 'done' && run.pagesFailed > 0));
  return resumable ? html`<div>resume: <code class="cmd">wpingest backfill --resume ${run.id}</code></div>` : html``;
}

/** Runs with their state, progress, rate and ETA ("waiting for host" while the host's circuit is open). */
export function renderRuns(runs: Overview['runs'], now: Date, base = ''): SafeHtml {
  if (runs.length === 0) return html`<p class="empty">No runs yet.</p>`;
  return html`<table><thead><tr><th>Run</th><th>Source</th><th>State</th><th>Pages done</th><th class="num">Posts processed</th><th class="num">Posts/s</th><th>ETA</th><th>Started</th></tr></thead><tbody>
    ${runs.map((run) => {
      const state = runState(run);
      return html`<tr data-run-id="${run.id}" data-state="${state.className}"><td class="nowrap">#${run.id} ${run.kind}</td><td><a href="${base}sources/${run.siteId}">${urlText(run.siteUrl)}</a></td>
      <td><span class="badge ${state.className}">${state.label}</span>${run.error && state.className !== 'partial' ? html`<div class="error">${run.error}</div>` : ''}${resumeHint(run)}</td>
      <td class="nowrap">${run.pagesTotal > 0 ? html`<progress value="${run.pagesDone}" max="${run.pagesTotal}"></progress> ` : ''}<span class="pages">${run.pagesDone}/${run.pagesTotal}</span>${run.pagesFailed ? html` <span class="failed">(${run.pagesFailed} failed)</span>` : ''}</td>
      <td class="num posts">${formatCount(run.postsProcessed)}${run.totalPosts === null ? '' : ` / ${formatCount(run.totalPosts)}`}</td>
      <td class="num">${formatRate(run.postsPerSecond)}</td>
      <td class="eta nowrap">${run.waitingForHost ? html`<span class="waiting" title="the host's circuit is open: fetches resume when it closes">waiting for host</span>` : formatDuration(run.etaSeconds)}</td>
      <td class="nowrap">${relativeTime(run.startedAt ?? run.createdAt, now)}</td></tr>`;
    })}
  </tbody></table>`;
}

/** Job counts per queue and state. */
export function renderQueues(queues: Overview['queues']): SafeHtml {
  return html`<table><thead><tr><th>Queue</th>${JOB_STATES.map((state) => html`<th class="num">${state}</th>`)}</tr></thead><tbody>
    ${queues.map((queue) => html`<tr data-queue="${queue.queue}"><td>${queue.queue}</td>${JOB_STATES.map((state) => html`<td class="num">${formatCount(queue.counts[state])}</td>`)}</tr>`)}
  </tbody></table>`;
}

/** The overview's two charts: articles per day (ingested and published) and posts per second over the last hour. */
export function renderCharts(overview: Pick<Overview, 'articlesPerDay' | 'postsPerMinute'>): { perDay: SafeHtml; throughput: SafeHtml } {
  const days = [...overview.articlesPerDay].sort((a, b) => a.day.localeCompare(b.day));
  const perDay = renderBarChart({
    title: 'Articles per day: ingested and published',
    labels: days.map((day) => day.day.slice(5)),
    labelEvery: 5,
    series: [
      { name: 'ingested', color: INGESTED_COLOR, values: days.map((day) => day.ingested) },
      { name: 'published', color: PUBLISHED_COLOR, values: days.map((day) => day.published) },
    ],
    format: (value) => (Number.isInteger(value) ? formatCount(value) : value.toFixed(1)),
  });
  const minutes = overview.postsPerMinute;
  const throughput = renderBarChart({
    title: 'Posts processed per second, per minute over the last hour',
    labels: minutes.map((minute) => formatTime(minute.at).slice(11, 16)),
    labelEvery: 10,
    series: [{ name: 'posts/s', color: THROUGHPUT_COLOR, values: minutes.map((minute) => minute.posts / SECONDS_PER_MINUTE) }],
    format: (value) => (value >= 10 ? String(Math.round(value)) : value.toFixed(1)),
  });
  return { perDay, throughput };
}

/** What dedupe saved. */
export function renderDedupe(d: Overview['dedupe']): SafeHtml {
  // Deleted articles were still made from their posts: the ratio measures dedupe, not deletions.
  const ratio = d.postsSeen > 0 ? 1 - (d.articles + d.deletedArticles) / d.postsSeen : 0;
  const rows: [string, string][] = [
    ['Posts seen', formatCount(d.postsSeen)],
    ['Articles', formatCount(d.articles)],
    ['Articles without body text', formatCount(d.emptyBodies)],
    ['Listing pages (no story of their own)', formatCount(d.listingPages)],
    ['Waiting for the search index', formatCount(d.searchPending)],
    ['Deleted articles (gone from their site)', formatCount(d.deletedArticles)],
    ['Duplicate posts merged', formatCount(d.duplicatePostsMerged)],
    ['Posts without an article of their own', formatPercent(ratio)],
    ['Near-duplicate clusters', formatCount(d.nearDuplicateClusters)],
    ['Teasers stored once', formatCount(d.teasersStored)],
    ['Teaser occurrences collapsed', formatCount(d.teaserOccurrencesCollapsed)],
    ['Boilerplate removed', `${formatBytes(d.boilerplateBytesRemoved)} of ${formatBytes(d.contentBytes)}`],
    ['Rejected posts', formatCount(d.rejectedPosts)],
  ];
  return html`<table class="dedupe"><tbody>${rows.map(([label, value]) => html`<tr><th>${label}</th><td class="num">${value}</td></tr>`)}</tbody></table>`;
}

/** Recent failures grouped by stage and reason. */
export function renderFailures(failures: Overview['failures'], hours: number, now: Date): SafeHtml {
  if (failures.length === 0) return html`<p class="empty">No errors in the last ${hours} h.</p>`;
  return html`<table><thead><tr><th>Stage</th><th>Reason</th><th class="num">Count</th><th>Kind</th><th>Last seen</th><th>Latest message</th></tr></thead><tbody>
    ${failures.map(
      (f) => html`<tr><td>${f.stage}</td><td class="nowrap">${f.reason}</td><td class="num">${formatCount(f.count)}</td>
      <td>${f.permanent ? 'permanent' : 'transient'}</td><td class="nowrap">${relativeTime(f.lastSeen, now)}</td><td class="message">${f.sample}</td></tr>`,
    )}
  </tbody></table>`;
}
