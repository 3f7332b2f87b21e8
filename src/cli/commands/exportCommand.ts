import { createWriteStream } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { exportArticles } from '../../feed/exportArticles.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../feed/feedWriter.js';
import { output } from '../output.js';
import { parseIsoDate } from '../parseArgs.js';
import { resolveSiteId, withDatabase } from '../withDatabase.js';

interface ExportFlags {
  format: ExportFormat;
  site?: string;
  since?: string;
  until?: string;
  out: string;
  sinceLast?: string;
  includeDeleted?: boolean;
}

function formatOption(value: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new ConfigError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${value}"`);
}

function cursorNameOption(value: string): string {
  if (/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) return value;
  throw new ConfigError(`--since-last name must be 1-100 of A-Z a-z 0-9 _ . : -, got "${value}"`);
}

export function exportCommand(program: Command): void {
  program
    .command('export')
    .description('stream live articles in the public shape (article_feed) as JSON lines, CSV or Parquet')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, formatOption)
    .option('--site <url>', 'only articles from this site')
    .option('--since <iso>', 'only articles published at or after this time', parseIsoDate('--since'))
    .option('--until <iso>', 'only articles published before this time', parseIsoDate('--until'))
    .option('--out <file>', 'output file, - for stdout', '-')
    .option(
      '--since-last <name>',
      'incremental: only articles changed since the export that last used this name, then remember how far this one got',
      cursorNameOption,
    )
    .option('--include-deleted', 'also articles whose posts were all deleted (deleted_at set)')
    .action(async (flags: ExportFlags) => {
      if (flags.format === 'parquet' && flags.out === '-' && process.stdout.isTTY)
        throw new ConfigError('--format parquet is binary: give --out FILE or redirect stdout');
      await withDatabase(async (pool) => {
        const siteId = await resolveSiteId(pool, flags.site);
        const toFile = flags.out !== '-';
        const out = toFile ? createWriteStream(flags.out) : process.stdout;
        const progress = process.stderr.isTTY ? progressBar() : undefined;
        try {
          const result = await exportArticles(pool, {
            format: flags.format,
            filter: { siteId, since: flags.since, until: flags.until, includeDeleted: flags.includeDeleted },
            out,
            endOutput: toFile,
            cursorName: flags.sinceLast,
            onProgress: progress?.update,
          });
          progress?.stop();
          output.note(
            `exported ${result.rows} articles${toFile ? ` to ${flags.out}` : ''}${flags.sinceLast ? ` (cursor ${flags.sinceLast} at ${result.last ? `${result.last.updatedAt} #${result.last.id}` : 'start'})` : ''}`,
          );
        } catch (error) {
          progress?.stop();
          if (toFile) out.destroy();
          throw error;
        }
      });
    });
}

/** A bar on stderr: rows written of rows selected, and the rate. */
function progressBar(): { update: (written: number, total: number) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, hideCursor: true, format: ' export [{bar}] {value}/{total} articles | {rate}/s' },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  return {
    update: (written, total) => {
      const rate = Math.round(written / Math.max((Date.now() - started) / 1000, 0.001));
      if (!begun) bar.start(total, written, { rate });
      else bar.update(written, { rate });
      bar.setTotal(total);
      begun = true;
    },
    stop: () => bar.stop(),
  };
}
