import { loadReadabilitySet } from './eval/loadSets.js';
import { extractArticle } from '../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../src/wpPost.js';
import { decodeHtmlText } from '../src/extract/decodeHtmlText.js';
import { parseDocument } from 'htmlparser2';
import { textOf, findElements } from '../src/extract/domNodes.js';
import { squash } from './eval/scoreText.js';
let wpOk = 0, oursOk = 0, h1Ok = 0, anyH = 0;
for (const c of loadReadabilitySet(Infinity)) {
  const wp = decodeHtmlText((c.post.title as { rendered: string }).rendered);
  const a = extractArticle(c.post, { site: 'x', terms: EMPTY_TERM_NAMES });
  const doc = parseDocument((c.post.content as { rendered: string }).rendered);
  const hs = findElements(doc, (e) => /^h[1-3]$/.test(e.name)).slice(0, 6).map((e) => `${e.name}:${textOf(e).slice(0, 70)}`);
  const og = findElements(doc, (e) => e.name === 'meta' && /title/i.test(e.attribs.property ?? e.attribs.name ?? '')).map(e => e.attribs.content);
  const eq = (x: string) => squash(x) === squash(c.expectedTitle);
  if (eq(wp)) wpOk++; if (eq(a.title)) oursOk++;
  const h1 = hs.find(h => eq(h.slice(3))); if (h1) anyH++;
  console.log(`${eq(a.title) ? 'OK ' : 'BAD'} ${c.name}\n   want=${JSON.stringify(c.expectedTitle)}\n   wp  =${eq(wp)?'*':' '}${JSON.stringify(wp)}\n   ours=${JSON.stringify(a.title)}\n   hs  =${JSON.stringify(hs)}${og.length ? '\n   og=' + JSON.stringify(og) : ''}`);
}
console.log({ wpOk, oursOk, anyH });
