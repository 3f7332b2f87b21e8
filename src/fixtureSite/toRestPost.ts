import type { SitePost } from './buildSitePost.js';
import type { FixtureSite } from './generateSite.js';
import { asciiBytes, phpJson } from './phpJson.js';
import type { RestUrls } from './restUrls.js';
import { ADMIN_USER, termById } from './siteTerms.js';
import type { SiteTerm } from './siteTerms.js';
import { formatWpDate } from './wpDates.js';

/** A JSON object as the REST layer builds it. */
export type JsonObject = Record<string, unknown>;

const AVATAR = 'https://secure.gravatar.com/avatar/?s=';
/** Stands in for `content.rendered` until serialization splices in the pre-escaped content. */
const CONTENT_PLACEHOLDER = '@@fixture-content-rendered@@';
const CONTENT_PLACEHOLDER_JSON = JSON.stringify(CONTENT_PLACEHOLDER);

/** Serializes a REST object PHP-style into byte chunks, splicing in the post's pre-escaped content. */
export function serializeRestObject(obj: JsonObject, post: SitePost | null): Buffer[] {
  const json = phpJson(obj);
  const at = post ? json.indexOf(CONTENT_PLACEHOLDER_JSON) : -1;
  if (!post || at < 0) return [asciiBytes(json)];
  return [asciiBytes(json.slice(0, at)), ...post.contentJson, asciiBytes(json.slice(at + CONTENT_PLACEHOLDER_JSON.length))];
}

/** Post object with the seed's keys, in the seed's order. */
export function toRestPost(site: FixtureSite, post: SitePost, urls: RestUrls): JsonObject {
  const id = post.id;
  const dateGmt = site.dateGmtMs(post.index);
  const [date, dateGmtText] = [formatWpDate(dateGmt + site.utcOffsetMs), formatWpDate(dateGmt)];
  const [modified, modifiedGmt] = [formatWpDate(post.modifiedMs + site.utcOffsetMs), formatWpDate(post.modifiedMs)];
  const categorySlugs = post.categories.map((c) => `category-${termById(c).slug}`);
  const tagSlugs = post.tags.map((t) => `tag-${termById(t).slug}`);
  return {
    id,
    date,
    date_gmt: dateGmtText,
    guid: { rendered: `${site.baseUrl}/?p=${id}` },
    modified,
    modified_gmt: modifiedGmt,
    slug: post.slug,
    status: 'publish',
    type: 'post',
    link: site.link(post.index),
    title: { rendered: post.titleRendered },
    content: { rendered: CONTENT_PLACEHOLDER, protected: false },
    excerpt: { rendered: post.excerpt, protected: false },
    author: ADMIN_USER.id,
    featured_media: 0,
    comment_status: 'open',
    ping_status: '',
    sticky: false,
    template: '',
    format: 'standard',
    meta: { footnotes: '' },
    categories: post.categories,
    tags: post.tags,
    class_list: [`post-${id}`, 'post', 'type-post', 'status-publish', 'format-standard', 'hentry', ...categorySlugs, ...tagSlugs],
    _links: {
      self: [{ href: urls.route(`/wp/v2/posts/${id}`), targetHints: { allow: ['GET'] } }],
      collection: [{ href: urls.route('/wp/v2/posts') }],
      about: [{ href: urls.route('/wp/v2/types/post') }],
      author: [{ embeddable: true, href: urls.route(`/wp/v2/users/${ADMIN_USER.id}`) }],
      replies: [{ embeddable: true, href: urls.routeWithQuery('/wp/v2/comments', `post=${id}`) }],
      'version-history': [{ count: 0, href: urls.route(`/wp/v2/posts/${id}/revisions`) }],
      'wp:attachment': [{ href: urls.routeWithQuery('/wp/v2/media', `parent=${id}`) }],
      'wp:term': [
        { taxonomy: 'category', embeddable: true, href: urls.routeWithQuery('/wp/v2/categories', `post=${id}`) },
        { taxonomy: 'post_tag', embeddable: true, href: urls.routeWithQuery('/wp/v2/tags', `post=${id}`) },
      ],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  };
}

const termBase = (term: SiteTerm): string => (term.taxonomy === 'category' ? 'categories' : 'tags');

/** Term link on the site (`?cat=2` / `?tag=slug`, or pretty archive paths). */
export function termLink(site: FixtureSite, term: SiteTerm): string {
  if (site.permalinks === 'pretty') return `${site.baseUrl}/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug}/`;
  return term.taxonomy === 'category' ? `${site.baseUrl}/?cat=${term.id}` : `${site.baseUrl}/?tag=${term.slug}`;
}

/** Embedded form of a term (`_embedded['wp:term']`). */
export function embeddedTerm(site: FixtureSite, term: SiteTerm, urls: RestUrls): JsonObject {
  return {
    id: term.id,
    link: termLink(site, term),
    name: term.name,
    slug: term.slug,
    taxonomy: term.taxonomy,
    _links: { self: [{ href: urls.route(`/wp/v2/${termBase(term)}/${term.id}`) }] },
  };
}

/** Full term object of `/wp/v2/categories` and `/wp/v2/tags`. */
export function toRestTerm(site: FixtureSite, term: SiteTerm & { count: number }, urls: RestUrls): JsonObject {
  const base = termBase(term);
  return {
    id: term.id,
    count: term.count,
    description: '',
    link: termLink(site, term),
    name: term.name,
    slug: term.slug,
    taxonomy: term.taxonomy,
    ...(term.taxonomy === 'category' ? { parent: 0 } : {}),
    meta: [],
    _links: {
      self: [{ href: urls.route(`/wp/v2/${base}/${term.id}`) }],
      collection: [{ href: urls.route(`/wp/v2/${base}`) }],
      about: [{ href: urls.route(`/wp/v2/taxonomies/${term.taxonomy}`) }],
      'wp:post_type': [{ href: urls.routeWithQuery('/wp/v2/posts', `${base}=${term.id}`) }],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  };
}

/** User object of `/wp/v2/users` (and `_embedded.author`). */
export function toRestUser(site: FixtureSite, urls: RestUrls): JsonObject {
  return {
    id: ADMIN_USER.id,
    name: ADMIN_USER.name,
    url: '',
    description: '',
    link: site.permalinks === 'pretty' ? `${site.baseUrl}/author/${ADMIN_USER.slug}/` : `${site.baseUrl}/?author=${ADMIN_USER.id}`,
    slug: ADMIN_USER.slug,
    avatar_urls: { 24: `${AVATAR}24&d=mm&r=g`, 48: `${AVATAR}48&d=mm&r=g`, 96: `${AVATAR}96&d=mm&r=g` },
    meta: [],
    _links: {
      self: [{ href: urls.route(`/wp/v2/users/${ADMIN_USER.id}`) }],
      collection: [{ href: urls.route('/wp/v2/users') }],
    },
  };
}

/** Adds `_embedded` for `_embed` (`['*']` = everything embeddable, else named relations). */
export function embedPost(site: FixtureSite, post: SitePost, obj: JsonObject, embed: readonly string[], urls: RestUrls): JsonObject {
  const all = embed.includes('*');
  const embedded: JsonObject = {};
  if (all || embed.includes('author')) {
    const { meta: _meta, ...user } = toRestUser(site, urls);
    embedded.author = [user];
  }
  if (all || embed.includes('wp:term')) {
    embedded['wp:term'] = [post.categories, post.tags].map((ids) => ids.map((id) => embeddedTerm(site, termById(id), urls)));
  }
  return { ...obj, _embedded: embedded };
}
