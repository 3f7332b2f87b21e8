import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { startFixtureSite, writeTruth } from '../../fixtureSite/index.js';
import { output } from '../output.js';
import { parsePositiveInt } from '../parseArgs.js';

export interface FixtureSiteOptions {
  port: number;
  posts: number;
  seed: string;
  permalinks: 'pretty' | 'plain';
  truth?: string;
  faults?: string;
}

function parsePermalinks(value: string): 'pretty' | 'plain' {
  if (value !== 'pretty' && value !== 'plain') throw new ConfigError(`--permalinks must be pretty or plain, got "${value}"`);
  return value;
}

export function fixtureSiteCommand(program: Command): void {
  program
    .command('fixture-site')
    .description('serve a synthetic WordPress site on 127.0.0.1 whose posts are shaped like the seed')
    .option('--port <P>', 'port (0 picks a free one)', parsePositiveInt('--port', 0, 65535), 8089)
    .option('--posts <N>', 'number of posts', parsePositiveInt('--posts', 1, 10_000_000), 1000)
    .option('--seed <S>', 'seed of the generator', 'wpingest')
    .option('--permalinks <kind>', 'pretty (/wp-json/) or plain (?rest_route= only)', parsePermalinks, 'pretty')
    .option('--truth <FILE>', 'write the ground truth as JSON lines')
    .option('--faults <spec>', 'inject faults, e.g. 500x2,429x1,truncate:p=0.02')
    .action(async (options: FixtureSiteOptions) => {
      const site = await startFixtureSite({
        port: options.port,
        posts: options.posts,
        seed: options.seed,
        permalinks: options.permalinks,
        faults: options.faults,
      });
      if (options.truth) {
        await writeTruth(site.site, options.truth);
        output.note(`truth written to ${options.truth}`);
      }
      output.note(`fixture WordPress site with ${options.posts} posts (${options.permalinks} permalinks) at ${site.url}; Ctrl-C stops it`);
      output.line(site.url);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await site.close();
    });
}
