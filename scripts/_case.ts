import { loadTrafilaturaSet, loadReadabilitySet } from './eval/loadSets.js';
import { extractArticle } from '../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../src/wpPost.js';
const [name, grep] = process.argv.slice(2);
const cases = [...loadTrafilaturaSet(Infinity), ...loadReadabilitySet(Infinity)].filter((c) => c.name.startsWith(name));
for (const c of cases) {
  const a = extractArticle(c.post, { site: 'x', terms: EMPTY_TERM_NAMES });
  console.log(c.name, a.title, a.blocks.length);
  a.blocks.forEach((b, i) => { if (!grep || b.text.includes(grep) || process.argv[4]) console.log(i, b.tag, JSON.stringify(b.text.slice(0, 110))); });
}
