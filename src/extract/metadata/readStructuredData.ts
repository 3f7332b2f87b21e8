import type { Element } from 'domhandler';
import { attr, type PageIndex, rawText, textOf } from '../../html/index.js';
import { articleItemprops } from './articleItemprops.js';
import { MAX_JSON_LD_CHARS, MAX_JSON_LD_NODES } from './rules.js';

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|WebPage|SocialMediaPosting)$/;

/** What a page says about itself in JSON-LD, microdata and meta tags (all optional). */
export interface StructuredData {
  headline: string | null;
  description: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  articleBody: string | null;
  image: string | null;
  url: string | null;
  keywords: string[];
  section: string[];
  language: string | null;
  /** property/name -> content of `<meta>` tags found in the markup. */
  meta: Map<string, string>;
  canonical: string | null;
  /** Whether the page says it is an article: a JSON-LD article type (not a bare WebPage), or a microdata `articleBody`. */
  declaresArticle: boolean;
}

type Json = Record<string, unknown>;

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') return asText((value as Json).name ?? (value as Json).url ?? (value as Json)['@id']);
  return null;
}

function asList(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? [item.trim()] : asText(item) ? [asText(item) as string] : []));
  const single = asText(value);
  return single ? [single] : [];
}

function typesOf(node: Json): string[] {
  const type = node['@type'];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

/** All objects in JSON-LD documents, flattening arrays and @graph (iteratively, bounded). */
function jsonLdNodes(index: PageIndex): Json[] {
  const out: Json[] = [];
  for (const script of (index.byTag.get('script') ?? []).filter((element) => /ld\+json/i.test(attr(element, 'type')))) {
    const source = rawText(script.children[0] ?? script);
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    while (queue.length > 0 && out.length < MAX_JSON_LD_NODES) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        out.push(item as Json);
        if (Array.isArray((item as Json)['@graph'])) queue.push(...((item as Json)['@graph'] as unknown[]));
      }
    }
  }
  return out;
}

function readMeta(index: PageIndex): { meta: Map<string, string>; canonical: string | null } {
  const meta = new Map<string, string>();
  let canonical: string | null = null;
  for (const element of [...(index.byTag.get('meta') ?? []), ...(index.byTag.get('link') ?? [])]) {
    if (element.name === 'link') {
      if (/\bcanonical\b/i.test(attr(element, 'rel')) && !canonical) canonical = attr(element, 'href') || null;
      continue;
    }
    const key = (attr(element, 'property') || attr(element, 'name') || attr(element, 'itemprop')).toLowerCase();
    const content = attr(element, 'content');
    if (key && content && !meta.has(key)) meta.set(key, content.trim());
  }
  return { meta, canonical };
}

/** Reads JSON-LD (the first article-typed object), microdata and meta tags from the page markup. */
export function readStructuredData(index: PageIndex): StructuredData {
  const nodes = jsonLdNodes(index);
  const props = articleItemprops(index);
  const itemprop = (name: string): Element | undefined => props.get(name);
  const declared = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type) && type !== 'WebPage'));
  const article = declared ?? nodes.find((node) => typesOf(node).includes('WebPage')) ?? {};
  const crumbs = nodes.find((node) => typesOf(node).includes('BreadcrumbList'));
  const { meta, canonical } = readMeta(index);
  const microBody = itemprop('articleBody');
  const microAuthor = itemprop('author');
  return {
    headline: asText(article.headline) ?? asText(article.name) ?? (itemprop('headline') ? textOf(itemprop('headline') as Element) : null),
    description: asText(article.description),
    authors: asList(article.author).length > 0 ? asList(article.author) : microAuthor ? [attr(microAuthor, 'content') || textOf(microAuthor)] : [],
    datePublished: asText(article.datePublished) ?? attrOf(itemprop('datePublished')),
    dateModified: asText(article.dateModified) ?? attrOf(itemprop('dateModified')),
    articleBody: asText(article.articleBody) ?? (microBody ? textOf(microBody) : null),
    image: asText(article.image),
    url: asText(article.url) ?? asText(article.mainEntityOfPage),
    keywords: asList(article.keywords),
    section: crumbs ? breadcrumbNames(crumbs) : [],
    language: asText(article.inLanguage),
    meta,
    canonical,
    declaresArticle: declared !== undefined || microBody !== undefined,
  };
}

function attrOf(element: Element | undefined): string | null {
  if (!element) return null;
  return attr(element, 'datetime') || attr(element, 'content') || textOf(element) || null;
}

function breadcrumbNames(list: Json): string[] {
  const items = Array.isArray(list.itemListElement) ? (list.itemListElement as Json[]) : [];
  return items
    .slice()
    .sort((a, b) => Number(a?.position ?? 0) - Number(b?.position ?? 0))
    .map((item) => asText(item?.name) ?? asText(item?.item))
    .filter((name): name is string => !!name);
}
