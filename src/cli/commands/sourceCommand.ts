import type { Command } from 'commander';
import { execute, queryAll, queryOne } from '../../db/query.js';
import { ConfigError } from '../../errors.js';
import { formatInterval, parseInterval } from '../../scheduler/parseInterval.js';
import { formatRate, parseRate } from '../../scheduler/parseRate.js';
import { activeBackfill } from '../../scheduler/runQueries.js';
import { configureSource, disableSource, listSources, sourceSchedule, storeCredentials, type SourceRow } from '../../scheduler/sourceQueries.js';
import { parseAuth, siteCollections, useCredentials } from '../../jobs/site/siteAccess.js';
import { withTransaction } from '../../db/withTransaction.js';
import { purgeSite, readPurgeFigures } from '../../load/purgeSite.js';
import { findSite, registerSite } from '../../jobs/site/registerSite.js';
import { confirm } from '../confirm.js';
import { output } from '../output.js';
import { parsePositiveInt, parseSiteUrl, parseTypes } from '../parseArgs.js';
import { withContext } from '../withContext.js';

/** Sync period of a source added without `--every`. */
const DEFAULT_EVERY = '5m';

function everyOption(value: string): number {
  const parsed = parseInterval(value);
  if ('error' in parsed) throw new ConfigError(`--every ${parsed.error}`);
  return parsed.ms;
}

function rateOption(value: string): number {
  const parsed = parseRate(value);
  if ('error' in parsed) throw new ConfigError(`--rate ${parsed.error}`);
  return parsed.perSecond;
}

/** A source row as `source list` and `status` show it. */
export function describeSource(s: SourceRow): string {
  const every = s.everyMs === null ? 'no schedule' : `every ${formatInterval(s.everyMs)}`;
  const rate = s.ratePerS === null ? 'no rate limit' : `rate ${formatRate(s.ratePerS)}`;
  const cursor = s.syncCursor ? new Date(s.syncCursor).toISOString() : 'none';
  return `${s.id}  ${s.url}  ${s.enabled ? 'enabled' : 'removed'}  ${every}  ${rate}  per-page ${s.perPage}  cursor ${cursor}  ${s.livePosts} live / ${s.deletedPosts} deleted posts`;
}

export function sourceCommand(program: Command): void {
  const source = program.command('source').description('the sites `wpingest run` keeps in sync: add, list, remove, purge');
  source
    .command('add')
    .description('register a site (discovers its API) and sync it on a schedule; re-adding updates its settings')
    .argument('<url>', 'the WordPress site', parseSiteUrl)
    .option('--every <period>', `sync period, e.g. 30s, 5m, 1h (default ${DEFAULT_EVERY})`, everyOption)
    .option('--per-page <n>', 'posts per listing request, 1-100 (default 100)', parsePositiveInt('--per-page', 1, 100))
    .option('--rate <rate>', 'politeness: requests to this host, e.g. 2/s, 30/m (default unlimited)', rateOption)
    .option('--types <list>', 'post types to read, e.g. post,page,<custom type or rest_base> (default post)', parseTypes)
    .option('--auth <user:password>', "a private site's WordPress application password; stored encrypted (needs WPINGEST_SECRET_KEY)", parseAuth)
    .action(async (url: string, options: { every?: number; perPage?: number; rate?: number; types?: string[]; auth?: { user: string; password: string } }) => {
      await withContext(async (ctx) => {
        if (options.auth) useCredentials(ctx, url, options.auth);
        const { siteId, apiRoot } = await registerSite(ctx, url, options.perPage);
        if (options.auth) await execute(ctx.pool, storeCredentials(siteId, options.auth, ctx.config.secretKey!));
        if (options.types) await siteCollections(ctx, siteId, apiRoot, options.types);
        const known = await queryOne<{ everyMs: number | null }>(ctx.pool, sourceSchedule(siteId));
        const everyMs = options.every ?? (known?.everyMs ? undefined : everyOption(DEFAULT_EVERY));
        await execute(ctx.pool, configureSource(siteId, { everyMs, perPage: options.perPage, ratePerS: options.rate }));
        const row = (await queryAll<SourceRow>(ctx.pool, listSources())).find((r) => r.id === siteId)!;
        output.note(`source ${siteId} added; \`wpingest run\` (scheduler role) picks it up within seconds`);
        output.line(describeSource(row));
      });
    });
  source
    .command('list')
    .description('every source with its schedule, rate limit and sync cursor')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const rows = await queryAll<SourceRow>(ctx.pool, listSources());
        if (options.json) return output.json(rows, true);
        for (const row of rows) output.line(describeSource(row));
      });
    });
  source
    .command('remove')
    .description('stop syncing a site; its stored posts and articles are kept')
    .argument('<url>', 'the WordPress site', parseSiteUrl)
    .action(async (url: string) => {
      await withContext(async (ctx) => {
        const site = await findSite(ctx.pool, url);
        if (!site) throw new ConfigError(`no source ${url}; see \`wpingest source list\``);
        await execute(ctx.pool, disableSource(site.url));
        output.note(`source ${site.url} removed; its schedule ends within seconds, its data stays`);
      });
    });
  source
    .command('purge')
    .description('delete a site with its stored posts and the articles only it provided, after a confirmation')
    .argument('<url>', 'the WordPress site (or any URL of it)', parseSiteUrl)
    .option('--yes', 'do not ask (for scripts)')
    .action(async (url: string, options: { yes?: boolean }) => {
      await withContext(async (ctx) => {
        const site = await findSite(ctx.pool, url);
        if (!site) throw new ConfigError(`no source ${url}; see \`wpingest source list\``);
        const active = await queryOne<{ id: number }>(ctx.pool, activeBackfill(site.id));
        if (active) throw new ConfigError(`a backfill of ${site.url} is running (run ${active.id}): \`wpingest backfill --cancel ${active.id}\` first`);
        const figures = await readPurgeFigures(ctx.pool, site.id);
        const what = `${site.url}: ${figures.posts} posts and ${figures.articles} articles`;
        if (!options.yes) {
          const yes = await confirm(`Delete ${what}? This cannot be undone.`, `source purge would delete ${what}; no terminal to confirm on: pass --yes`);
          if (!yes) return output.note('nothing deleted');
        }
        const purged = await withTransaction(ctx.pool, (tx) => purgeSite(tx, site.id));
        output.note(`purged ${site.url}: ${purged.posts} posts and ${purged.articles} articles deleted`);
      });
    });
}
