import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

/** Paragraphs long enough to be the story the extractor must find. */
const STORY = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1} of the story tells, in plain words, what happened at the market and why people came.</p>`,
).join('');

/** A scraped page wrapped as the aggregator stores it. */
function scrapedPost(body: string) {
  const content = `${body}<p>[analyse_source url=&#8221;https://blog.example/2011/09/post/&#8221;]</p>`;
  return { id: 7, link: 'https://agg.example/?p=7', title: { rendered: 'Post | Blog' }, content: { rendered: content } };
}

/** Shapes of failures seen on held-out pages of the public evaluation set (not in the development sets). */
describe('held-out page shapes', () => {
  it('drops a blog post footer of comment-feed, "comments closed" and trackback links', () => {
    const footer =
      '<div class="entryfooter"><p><a href="/feed/">Kommentarfeed</a> | Kommentare geschlossen | <a href="/trackback/">Trackback-URL</a></p></div>';
    const article = extractArticle(scrapedPost(`<div id="content"><div class="entry">${STORY}${footer}</div></div>`), CONTEXT);
    expect(article.blocks).toHaveLength(4);
    expect(article.body_text).not.toContain('Kommentare geschlossen');
  });

  it('keeps a paragraph that is only a web address the author points to, and still drops a link paragraph', () => {
    const links =
      '<p><a href="https://petition.example/sign/now">https://petition.example/sign/now</a></p><p><a href="/older/">Older post: the market last year</a></p>';
    const article = extractArticle(scrapedPost(`<div class="entry">${STORY}${links}</div>`), CONTEXT);
    expect(article.body_text).toContain('https://petition.example/sign/now');
    expect(article.body_text).not.toContain('Older post');
  });

  it('drops a dateline of date, time of day and author above the story, and keeps a sentence holding a date', () => {
    const dated = '<p>24. März 2004, 19:49 | Genesis</p>' + STORY + '<p>Am 24. März 2004, 19:49 kam der letzte Händler an.</p>';
    const article = extractArticle(scrapedPost(`<div class="entry">${dated}</div>`), CONTEXT);
    expect(article.body_text).not.toContain('Genesis');
    expect(article.body_text).toContain('kam der letzte Händler an');
  });

  it('drops a short lead-in ending in a colon with the link box it introduces, and keeps a colon sentence before prose', () => {
    const embed =
      '<p>Das Thema könnte dich auch interessieren:</p><blockquote class="wp-embedded-content"><p><a href="/naturpeelings/">Natur Peelings selber machen: für Gesicht und Körper</a></p></blockquote>';
    const article = extractArticle(scrapedPost(`<div class="entry"><p>So geht es:</p>${STORY}${embed}</div>`), CONTEXT);
    expect(article.body_text).toContain('So geht es:');
    expect(article.body_text).not.toContain('könnte dich auch interessieren');
  });

  it('ends the body at a plain "Kommentare" heading after the story, but not at one above it', () => {
    const comments =
      '<div class="titlebar">Kommentare</div><div><h3>#1 Kommentar von Naru</h3><p>Danke für dieses Kapitel, ich habe mich sehr darüber gefreut und warte schon auf das nächste.</p></div>';
    const article = extractArticle(scrapedPost(`<div id="content"><div class="meta">3 Kommentare</div>${STORY}${comments}</div>`), CONTEXT);
    expect(article.blocks).toHaveLength(4);
    expect(article.body_text).not.toContain('Danke für dieses Kapitel');
    expect(article.removed.map((entry) => entry.reason)).toContain('comments');
  });
  /** An old table-layout blog (uCoz): a sidebar column beside a column holding the post's own table. */
  function tableLayoutPage(): string {
    const box = (title: string, body: string) => `<table><tr><td><b>${title}</b></td></tr><tr><td>${body}</td></tr></table>`;
    const sidebar =
      box('Freunde', '<li><a href="https://friend.example/">Free Load Software, Gamez, Musik und vieles mehr, jeden Tag neu</a></li>') +
      box('Statistik', '<div>Insgesamt online: 1, Gäste: 1, Benutzer: 0, Besucher heute: 17, Besucher gestern: 23</div>') +
      box('Umfrage', '<div><b>Wie sind Sie hier angekommen?</b></div><div>Nach dem Link in anderem Blog, Suche, Keine Ahnung, Direkt</div>');
    const text = 'Es war gesagt, falls du zornig bist, sollst du einen Brief schreiben, einen Brief für jenen, der dich gekränkt hat.<br>';
    const post =
      `<table class="eBlock"><tr><td><div class="eTitle"><div style="float:right">3:59 PM</div>Briefe</div></td></tr>` +
      `<tr><td class="eMessage"><div id="player"></div>${text.repeat(6)}</td></tr>` +
      '<tr><td class="eDetails">Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken, Bilder, ich und.. | Rating: 0.0/0</td></tr></table>';
    const crumbs =
      '<a href="/blog/">Hauptseite</a> &raquo; <a href="/blog/2010-00">2010</a> &raquo; <a href="/blog/2010-10">Oktober</a> &raquo; 26 &raquo; Briefe';
    const main = `${crumbs}<hr>${post}<table><tr><td>Kommentare insgesamt: <b>0</b></td></tr></table>`;
    return `<table><tr><td>${sidebar}</td><td><table><tr><td>${main}</td></tr></table></td></tr></table>`;
  }

  it('does not score a table cell that holds tables and divs as one paragraph (a layout column is not prose)', () => {
    const article = extractArticle(scrapedPost(tableLayoutPage()), CONTEXT);
    expect(article.body_text).toContain('Es war gesagt');
    expect(article.body_text).not.toContain('Insgesamt online');
    expect(article.body_text).not.toContain('Free Load Software');
  });

  it("keeps a winning table cell apart from its table's title and details rows", () => {
    const article = extractArticle(scrapedPost(tableLayoutPage()), CONTEXT);
    expect(article.body_text).toContain('Es war gesagt');
    expect(article.body_text).not.toContain('3:59 PM');
    expect(article.body_text).not.toContain('Aufrufe:');
    expect(article.body_text).not.toContain('Kommentare insgesamt');
  });

  it('keeps a page builder\'s paragraphs wrapped one by one in "widget" blocks, and still drops the sidebar widgets', () => {
    const block = (text: string) => `<div class="pb-element pb-widget pb-widget-text-editor"><div class="pb-widget-container"><p>${text}</p></div></div>`;
    const texts = [
      'Der Sommer ist da und die kurzen Kleider werden wieder herausgeholt, die Haare hochgesteckt.',
      'Lui Lu hat ein ganz tolles Konzept entworfen, mit dem ihr jeden Ohrring selbst gestalten könnt.',
      'Wer kein Ohrloch hat und trotzdem nicht auf Ohrringe verzichten möchte, dem empfehlen wir einen Ear cuff.',
      'Super dezent und nicht aufdringlich sind die kleinen Kreolen mit einem etwas auffälligeren Ear cuff.',
      'Rosegold lässt sich wunderbar mit längeren Ohrringen kombinieren, wie unser letztes Bild hier zeigt.',
    ];
    const builder = `<div class="pb-widget-wrap">${texts.map(block).join('')}</div>`;
    const sidebar =
      '<div id="sidebar"><div class="widget widget_text"><p>Ich bin Nina, schreibe hier über Mode und Reisen und freue mich über jede Nachricht von euch.</p></div></div>';
    const article = extractArticle(scrapedPost(`<div class="entry">${builder}</div>${sidebar}`), CONTEXT);
    expect(article.body_text).toContain('Der Sommer ist da');
    expect(article.body_text).toContain('Rosegold lässt sich');
    expect(article.body_text).not.toContain('Ich bin Nina');
  });

  it('drops a teaser card inside the story: a linked headline, its picture or "read more" linking to the same page, a short summary', () => {
    const card =
      '<div class="snippet"><h3><a href="/stars/bella-im-urlaub.html">Bella zeigt sich im Urlaub</a></h3>' +
      '<div><a href="/stars/bella-im-urlaub.html"><img src="/bella.jpg" alt=""></a><div>Sommerzeit ist Urlaubszeit, seht selbst! <a href="/stars/bella-im-urlaub.html">Weiterlesen</a></div></div></div>';
    const section =
      '<h3><a href="https://market.example/">Der Markt</a></h3><p>Mehr über den Markt steht auf <a href="https://market.example/">seiner Seite</a>, die jeden Tag neu ist und viel erzählt.</p>';
    const article = extractArticle(scrapedPost(`<div class="entry">${STORY}${card}${section}</div>`), CONTEXT);
    expect(article.body_text).not.toContain('Sommerzeit ist Urlaubszeit');
    expect(article.body_text).toContain('Mehr über den Markt');
    expect(article.teasers.map((teaser) => teaser.title)).toContain('Bella zeigt sich im Urlaub');
  });

  it('drops teaser cards drawn as a title with an empty overlay link stretched over it, and keeps an empty anchor in the story', () => {
    const panel = (n: number, title: string) =>
      `<div class="center-panel"><a class="overlay-link" href="/story-${n}/">&nbsp;</a><div class="number">${n}</div><div class="article-title">${title}</div></div>`;
    const popular = `<div class="top-ten">${panel(1, 'VR-Spiele Highlights: Ballern, Tanzen, Erforschen, Rätseln')}${panel(2, 'Katzenschreck: So reagieren Katzen auf Gesichtsfilter')}</div>`;
    const anchored = '<p><a href="/market/" id="more"></a>The market stays open on Sundays, the council said, and the stalls may stay until dark.</p>';
    const article = extractArticle(scrapedPost(`<div class="entry">${STORY}${anchored}${popular}</div>`), CONTEXT);
    expect(article.body_text).not.toContain('Katzenschreck');
    expect(article.body_text).not.toContain('Ballern, Tanzen');
    expect(article.body_text).toContain('The market stays open on Sundays');
  });
});
