import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/extract/body/nodeStats.js';
import { findMainContent } from '../../../src/extract/body/findMainContent.js';
import { parseHtml, textOf } from '../../../src/html/index.js';

/**
 * The content scoring on pages whose class names say nothing (hashed, or words of no rule): a keyword line of
 * places and sections in the site header, written as one bold run with dozens of commas, against a short story.
 */
const places = Array.from({ length: 24 }, (_, i) => `Town${i}`).join(', ');
const story = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the report says that the home side, without its coach, lost the derby on Sunday in front of a full stand.</p>`,
).join('');

function mainOf(header: string): Element[] {
  const { root, elements } = parseHtml(`<div class="x7f2a">${header}
<div class="m4d1e"><article class="b09aa"><h1>The home side loses the derby</h1><div class="e5512">${story}</div></article></div>
<div class="f00d1"><a href="/imprint/">Imprint</a> <a href="/privacy/">Privacy</a></div></div>`);
  return findMainContent(root, computeStats(elements), new Set());
}

describe('findMainContent on pages whose class names say nothing', () => {
  it('a bold keyword line in the logo’s link (text for search engines) is no paragraph: an inline element is scored as its container’s text, not as a container of its own', () => {
    const found = mainOf(
      `<div class="q81c0"><h2><a title="Valley News" href="/"><img src="/logo.png" alt="Valley News"><strong>Valley News – ${places}, Politics, Sport, Events</strong></a></h2></div>`,
    );
    const text = found.map((element) => textOf(element)).join(' ');
    expect(text).toContain('Paragraph 1 of the report');
    expect(text).toContain('Paragraph 5 of the report');
  });
});
