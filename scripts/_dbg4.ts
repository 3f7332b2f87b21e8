import { loadTrafilaturaSet, loadReadabilitySet } from './eval/loadSets.js';
import { parseHtml } from '../src/extract/parseHtml.js';
import { computeStats } from '../src/extract/nodeStats.js';
import { indexPage } from '../src/extract/pageIndex.js';
import { collectTeasers } from '../src/extract/collectTeasers.js';
import { markFurniture } from '../src/extract/markFurniture.js';
import { findMainContent } from '../src/extract/findMainContent.js';
import { parseShortcodes } from '../src/extract/parseShortcodes.js';
import { closest } from '../src/extract/domNodes.js';
const c = [...loadTrafilaturaSet(Infinity), ...loadReadabilitySet(Infinity)].find((x) => x.name.startsWith(process.argv[2] ?? ''))!;
const { document, root } = parseHtml(parseShortcodes((c.post.content as { rendered: string }).rendered).markup);
const stats = computeStats(document);
const pageProse = stats.get(root)?.paragraph ?? 0;
const teasers = collectTeasers(root, { stats, pageProse, base: null });
const drops = new Map(teasers.drops);
for (const [e, r] of markFurniture(root, stats, pageProse, drops)) drops.set(e, r);
const found = findMainContent(root, stats, new Set(drops.keys()));
for (const f of found) console.log('chosen', f.name, f.attribs.class, f.attribs.id, stats.get(f));
const target = indexPage(document).all.find((e) => (e.attribs.class ?? '').includes(process.argv[3] ?? 'zzz') || (e.name === 'p' && process.argv[4] !== undefined && (e.children[0] as any)?.data?.includes(process.argv[4])));
if (target) { const d = closest(target, (a) => drops.has(a)); console.log('target dropped by', d?.name, d?.attribs.class, drops.get(d!)); }
if (target) { let e: any = target; const chain: string[] = []; while (e && e.name) { chain.push(`${e.name}.${e.attribs.class ?? ''}#${e.attribs.id ?? ''} ${JSON.stringify(stats.get(e))}`); e = e.parent; } console.log(chain.slice(0, 8).join('\n')); }
