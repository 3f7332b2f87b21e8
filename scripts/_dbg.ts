import { extractArticle } from '../src/extract/index.js';
import { generateSite } from '../src/fixtureSite/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../src/wpPost.js';
const site = generateSite({ posts: 200, seed: 'x' });
for (const i of [4, 43]) {
  const p = site.post(i); const t = site.truth(i);
  const a = extractArticle({ id: p.id, link: site.link(i), title: { rendered: p.titleRendered }, content: { rendered: p.content } } as WpPost, { site: 'x', terms: EMPTY_TERM_NAMES });
  const got = a.blocks.filter(b => b.tag === 'p').map(b => b.text);
  console.log(i, t.kind, a.profile, 'extra:', got.filter(x => !t.paragraphs.includes(x)).map(x=>x.slice(0,80)), 'missing:', t.paragraphs.filter(x => !got.includes(x)).map(x=>x.slice(0,80)), 'tmpl', t.template_blocks.map(x=>x.slice(0,50)));
}
