import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { findLead } from '../../../src/extract/body/findLead.js';
import { parseHtml, textOf } from '../../../src/html/index.js';

const STANDFIRST = 'Heat pumps are booming, partly because heating with gas and oil has become expensive this winter.';

function byClass(elements: readonly Element[], name: string): Element {
  return elements.find((element) => (element.attribs?.class ?? '').split(' ').includes(name)) as Element;
}

describe('findLead', () => {
  it('passes over a picture’s description on its way up to the article’s lead', () => {
    const { elements } = parseHtml(`<article class="row"><div class="col"><h1>Heat pump market grows</h1><p class="lead">${STANDFIRST}</p></div>
<div class="col"><img src="/p.jpg" alt=""><div class="image-description">A heat pump outside a terraced house in the north of the city / Photo agency</div>
<div class="inner"><div class="field-body"><p>The report.</p></div></div></div></article>`);
    const lead = findLead([byClass(elements, 'field-body')], new Map());
    expect(lead && textOf(lead)).toBe(STANDFIRST);
  });

  it('finds a lead between two sibling containers (the featured picture, then the text)', () => {
    const { elements } = parseHtml(
      `<article><div class="picture"><p>The plant seen from the road.</p></div><div class="excerpt">${STANDFIRST}</div><div class="text"><p>The report.</p></div></article>`,
    );
    const lead = findLead([byClass(elements, 'picture'), byClass(elements, 'text')], new Map());
    expect(lead && textOf(lead)).toBe(STANDFIRST);
  });

  it('takes a standfirst dropped for its "teaser" name, but not a teaser card with a linked headline', () => {
    const page = (teaser: string) =>
      parseHtml(`<article><header><h1>Heat pump market grows</h1>${teaser}</header><div class="text"><p>The report.</p></div></article>`);
    const standfirst = page(`<p class="article-teaser">${STANDFIRST}</p>`).elements;
    const lead = findLead([byClass(standfirst, 'text')], new Map([[byClass(standfirst, 'article-teaser'), 'teaser' as const]]));
    expect(lead && textOf(lead)).toBe(STANDFIRST);
    const card = page(`<div class="teaser-text"><h3><a href="/other/">Another story about the heating market this winter</a></h3></div>`).elements;
    expect(findLead([byClass(card, 'text')], new Map([[byClass(card, 'teaser-text'), 'teaser' as const]]))).toBeNull();
  });

  it('passes over a WordPress post’s excerpt (hAtom entry-summary) above its entry-content: a summary, not the lead', () => {
    const { elements } = parseHtml(
      `<article class="post hentry"><header class="entry-header"><h1 class="entry-title">Heat pump market grows</h1></header><div class="entry-summary"><p>${STANDFIRST}</p></div><div class="entry-content"><p>The report.</p></div></article>`,
    );
    expect(findLead([byClass(elements, 'entry-content')], new Map())).toBeNull();
  });

  it('still takes a news page’s standfirst heading that carries hAtom’s summary class', () => {
    const { elements } = parseHtml(
      `<div class="heading-wrapper"><h1 class="article-heading entry-title">Heat pump market grows</h1><h2 class="article-lead entry-summary"><span>${STANDFIRST}</span></h2></div><div class="article-wrapper"><div class="article-content entry-content"><p>The report.</p></div></div>`,
    );
    const lead = findLead([byClass(elements, 'entry-content')], new Map());
    expect(lead && textOf(lead)).toBe(STANDFIRST);
  });
});
