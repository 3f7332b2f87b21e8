import { invalidParams, wpList } from './restErrors.js';
import type { InvalidParam, RestError } from './restErrors.js';

/** Query parameters in request order; `value` is null for a bare key (`&_embed`). */
export type QueryParams = Array<[key: string, value: string | null]>;

export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 100;
const POST_ORDERBY = ['author', 'date', 'id', 'include', 'modified', 'parent', 'relevance', 'slug', 'include_slugs', 'title'];
const TERM_ORDERBY = ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count'];
const DATE_PARAMS = ['after', 'before', 'modified_after', 'modified_before'] as const;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Validated collection parameters. */
export interface CollectionQuery {
  perPage: number;
  page: number;
  orderby: string;
  order: 'asc' | 'desc';
  /** date filters in epoch ms (strict comparisons) */
  after?: number;
  before?: number;
  modifiedAfter?: number;
  modifiedBefore?: number;
  include?: number[];
  /** `_fields` paths, or null for all fields */
  fields: string[] | null;
  /** `_embed` relations, `['*']` for all, or null */
  embed: string[] | null;
  context: string;
}

/** Splits a raw query string, keeping order and bare keys; `+` means space as in PHP. */
export function parseQueryParams(raw: string): QueryParams {
  const out: QueryParams = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    out.push(eq < 0 ? [decode(part), null] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return out;
}

/** Parses a REST date-time; values without an offset are site-local time (`utcOffsetMs` east of UTC). */
export function parseRestDate(value: string, utcOffsetMs = 0): number | null {
  const m = DATE_PATTERN.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return null;
  if (!zone) ms -= utcOffsetMs;
  else if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
  }
  return ms;
}

const isInteger = (v: string): boolean => /^-?\d+$/.test(v.trim());

function paging(get: (k: string) => string | undefined, errors: InvalidParam[]): { perPage: number; page: number } {
  let perPage = DEFAULT_PER_PAGE;
  let page = 1;
  const rawPerPage = get('per_page');
  if (rawPerPage !== undefined) {
    if (!isInteger(rawPerPage)) errors.push({ param: 'per_page', code: 'rest_invalid_type', message: 'per_page is not of type integer.' });
    else if (Number(rawPerPage) < 1 || Number(rawPerPage) > MAX_PER_PAGE) {
      errors.push({ param: 'per_page', code: 'rest_out_of_bounds', message: `per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)` });
    } else perPage = Number(rawPerPage);
  }
  const rawPage = get('page');
  if (rawPage !== undefined) {
    if (!isInteger(rawPage)) errors.push({ param: 'page', code: 'rest_invalid_type', message: 'page is not of type integer.' });
    else if (Number(rawPage) < 1) errors.push({ param: 'page', code: 'rest_out_of_bounds', message: 'page must be greater than or equal to 1' });
    else page = Number(rawPage);
  }
  return { perPage, page };
}

function enumParam(get: (k: string) => string | undefined, name: string, allowed: string[], fallback: string, errors: InvalidParam[]): string {
  const v = get(name);
  if (v === undefined) return fallback;
  if (!allowed.includes(v)) {
    errors.push({ param: name, code: 'rest_not_in_enum', message: `${name} is not one of ${wpList(allowed)}.` });
    return fallback;
  }
  return v;
}

const listParam = (v: string | undefined): string[] | null =>
  v === undefined
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** Validates the parameters of a posts (`terms = false`) or terms collection request; dates without an offset are site-local. */
export function parseCollectionQuery(params: QueryParams, terms = false, utcOffsetMs = 0): CollectionQuery | RestError {
  const map = new Map<string, string | null>();
  for (const [k, v] of params) {
    const name = k.replace(/\[\]$/, '');
    // repeated list parameters (`include[]=1&include[]=2`) accumulate, as PHP arrays do
    map.set(name, k.endsWith('[]') && map.has(name) ? `${map.get(name) ?? ''},${v ?? ''}` : v);
  }
  const get = (k: string): string | undefined => (map.has(k) ? (map.get(k) ?? '') : undefined);
  const errors: InvalidParam[] = [];
  const { perPage, page } = paging(get, errors);
  const orderby = enumParam(get, 'orderby', terms ? TERM_ORDERBY : POST_ORDERBY, terms ? 'name' : 'date', errors);
  const order = enumParam(get, 'order', ['asc', 'desc'], terms ? 'asc' : 'desc', errors) as 'asc' | 'desc';
  const dates: Partial<Record<(typeof DATE_PARAMS)[number], number>> = {};
  for (const name of terms ? [] : DATE_PARAMS) {
    const v = get(name);
    if (v === undefined) continue;
    const ms = parseRestDate(v, utcOffsetMs);
    if (ms === null) errors.push({ param: name, code: 'rest_invalid_date', message: 'Invalid date.' });
    else dates[name] = ms;
  }
  const include = listParam(get('include'));
  if (include && include.some((x) => !isInteger(x))) {
    errors.push({ param: 'include', code: 'rest_invalid_type', message: 'include[0] is not of type integer.' });
  }
  if (errors.length > 0) return invalidParams(errors);
  const embed = map.has('_embed') ? (listParam(get('_embed') || undefined) ?? ['*']) : null;
  return {
    perPage,
    page,
    orderby,
    order,
    after: dates.after,
    before: dates.before,
    modifiedAfter: dates.modified_after,
    modifiedBefore: dates.modified_before,
    include: include?.map(Number),
    fields: listParam(get('_fields')),
    embed: embed && (embed.includes('1') || embed.includes('true')) ? ['*'] : embed,
    context: get('context') ?? 'view',
  };
}
