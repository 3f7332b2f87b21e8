import { selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { compileSelector, indexPage, parseHtml, selectElements, selectFirst, type PageIndex } from '../../src/html/index.js';

const PAGE = `
  <header class="site-header"><a rel="Author" href="/a">Ann</a></header>
  <article class="post entry" id="main" lang="en">
    <h1 class="entry-title">Title</h1>
    <div class="meta"><time datetime="2024-01-02">Jan 2</time><span class="byline-name">Bob</span><span class="displayDate">Jan 3</span></div>
    <p class="lead intro">First</p>
    <ul class="tags-list"><li><a rel="tag" href="/t/x">x</a></li><li><a rel="nofollow tag">y</a></li></ul>
    <div class="box"><p>Inside</p><p data-x="1">Data</p></div>
  </article>
  <footer><p class="intro">Footer</p></footer>`;

function page(): PageIndex {
  return indexPage(parseHtml(PAGE).elements);
}

/** What css-select finds walking the whole tree, for comparison with the index-narrowed query. */
function byWalking(selector: string): string[] {
  return selectAll<AnyNode, Element>(selector, parseHtml(PAGE).document).map((element) => `${element.name}@${element.startIndex}`);
}

const names = (elements: ReturnType<typeof selectElements>): string[] => elements.map((element) => `${element.name}@${element.startIndex}`);

describe('selectElements', () => {
  // prettier-ignore
  const selectors = [
    'p', '.intro', 'article p.intro', '#main > h1', 'p:not(.intro)', '[class*="byline"]', '[class*="tag"], time[datetime]',
    'a[rel~="tag"]', '[rel="author"]', 'li:first-child a', '.box p + p', '[data-x]', 'article[lang], footer p', 'h1, .intro, h1',
    '*', 'div:has(> time)', '[class*="ta g"]', '[CLASS*="intro" i]', '[class*="date" i]', '[class*="DATE" i], [class*="name"]', 'span[class*="Byline" i]',
  ];

  it('finds what css-select finds walking the tree, in document order, each element once', () => {
    const index = page();
    for (const selector of selectors) expect(names(selectElements(index, selector)), selector).toEqual(byWalking(selector));
  });

  it('selectFirst is the first element selectElements finds', () => {
    const index = page();
    for (const selector of selectors) expect(selectFirst(index, selector), selector).toBe(selectElements(index, selector)[0]);
  });

  it('keeps HTML semantics: rel values compare case-insensitively, class names do not', () => {
    const index = page();
    expect(names(selectElements(index, '[rel="author"]'))).toHaveLength(1);
    expect(selectElements(index, '.Intro')).toEqual([]);
  });

  it('throws a one-line error naming a selector that does not compile, instead of matching nothing', () => {
    for (const bad of ['div[', 'p:nonsense', 'a >> b', '.']) {
      expect(() => compileSelector(bad)).toThrow(`invalid CSS selector ${JSON.stringify(bad)}`);
      expect(() => selectElements(page(), bad)).toThrow(/invalid CSS selector/);
    }
  });
});
