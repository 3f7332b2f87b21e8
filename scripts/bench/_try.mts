import { startFixtureSiteProcess } from '/work/main/scripts/bench/startFixtureSiteProcess.js';
import { runCrawleeBaseline } from '/work/main/scripts/bench/runCrawleeBaseline.js';
const site = await startFixtureSiteProcess('/work/main', 1000, 'bench');
console.log(site.url);
try { console.log(await runCrawleeBaseline(site.url)); } finally { await site.child.stop(); }
