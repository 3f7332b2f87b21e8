/**
 * The benchmark's fixture WordPress site, in its own process so that generating responses neither shares an
 * event loop with the crawler under test nor counts in its CPU or memory.
 * Usage: node --import tsx scripts/bench/serveFixtureSite.ts POSTS SEED; prints `{"url":…}` once listening.
 */
import { startFixtureSite } from '../../src/fixtureSite/index.js';

const [posts, seed] = process.argv.slice(2);
const site = await startFixtureSite({ port: 0, posts: Number(posts), seed: seed ?? 'bench', permalinks: 'pretty' });
process.stdout.write(`${JSON.stringify({ url: site.url })}\n`);

const stop = () => void site.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
