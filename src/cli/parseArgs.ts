import { ConfigError } from '../errors.js';

/** Parses a positive integer option, or stops with a one-line error naming it. */
export function parsePositiveInt(name: string, min = 1, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
    const parsed = Number(value);
    if (parsed < min || parsed > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${parsed}`);
    return parsed;
  };
}

/** Parses `A-B` (or `A`) as an inclusive page range. */
export function parsePageRange(value: string): { first: number; last: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) throw new ConfigError(`--pages must look like 3 or 1-20, got "${value}"`);
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first < 1 || last < first) throw new ConfigError(`--pages range must be 1 or more and ascending, got "${value}"`);
  return { first, last };
}

/** Parses an ISO 8601 date or date-time, returned as a UTC ISO string. */
export function parseIsoDate(name: string) {
  return (value: string): string => {
    const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) throw new ConfigError(`${name} must be an ISO date like 2026-05-01 or 2026-05-01T12:00:00Z, got "${value}"`);
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
}

/** Parses an http(s) URL; a URL typed without its scheme gets a suggestion. */
export function parseSiteUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the error below
  }
  // `example.com/blog` or `127.0.0.1:8080`: a host with no scheme (URL parses `example.com:8080` as scheme "example.com:").
  if (!value.includes('://') && /^[\w.-]+(:\d+)?(\/\S*)?$/.test(value) && /[.:]|^localhost/.test(value)) {
    throw new ConfigError(`site URL needs http:// or https://, got "${value}": did you mean http://${value}?`);
  }
  throw new ConfigError(`site URL must be an http(s) URL, got "${value}"`);
}

/** Parses `--types post,page,<custom>`: WordPress post type slugs or REST bases, comma-separated. */
export function parseTypes(value: string): string[] {
  const types = value
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const bad = types.find((type) => !/^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/i.test(type));
  if (types.length === 0 || bad !== undefined) throw new ConfigError(`--types must be post type names separated by commas, e.g. post,page, got "${value}"`);
  return types;
}
