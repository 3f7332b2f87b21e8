import { describe, expect, it } from 'vitest';
import { emptyBodyReason, extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * A cookie notice printed at the end of every page by a consent plugin (CookieLawInfo's `<div id="cookie-law-info-bar">`:
 * no class, an id of four words ending in "bar"). A four-word id is not read as a heading's slug when it ends in a
 * component word (bar, banner, popup, notice): the notice is furniture, and never the body of a page that has
 * none of its own (a password-protected post shows only its form).
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const NOTICE = `<div id="cookie-law-info-bar" data-nosnippet="true"><span>This website uses cookies to improve your experience while you navigate through the website. We will assume you are ok with this, but you can opt out if you wish. <a role="button" class="cli_settings_button">Cookie settings</a><a role="button" id="cookie_action_close_header" class="cli_action_button">ACCEPT</a></span></div>`;

function wrapped(content: string): WpPost {
  const page = `<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Garden Notes</a></p></header>
<main id="main" class="site-main"><article id="post-9" class="post-9 page type-page status-publish post-password-required hentry"><header class="entry-header"><h1 class="entry-title">Protected: Members notes</h1></header><div class="entry-content">${content}</div></article></main>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer>${NOTICE}`;
  return {
    id: 9,
    link: 'https://agg.example/?page_id=9',
    title: { rendered: 'Protected: Members notes &#8211; Garden Notes' },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://garden.example/?page_id=9&#8221;]</p>` },
  };
}

describe('a cookie notice at the end of the page', () => {
  it('is not the body of a password-protected post', () => {
    const form = `<form action="/wp-login.php?action=postpass" class="post-password-form" method="post"><p>This content is password protected. To view it please enter your password below:</p><p><label for="pwbox-9">Password: <input name="post_password" id="pwbox-9" type="password" size="20" /></label> <input type="submit" name="Submit" value="Enter" /></p></form>`;
    const post = wrapped(form);
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toBe('');
    expect(emptyBodyReason(post, article)).toBe('password-protected');
  });

  it("is not part of a short post's body", () => {
    const article = extractArticle(wrapped('<p>The reading room is open from nine to five on weekdays, and on Saturday mornings.</p>'), CONTEXT);
    expect(article.body_text).toBe('The reading room is open from nine to five on weekdays, and on Saturday mornings.');
  });
});
