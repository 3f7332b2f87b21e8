import { MAX_EPOCH_SECONDS, MIN_EPOCH_SECONDS } from './rules.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  januar: 1,
  janvier: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};

/** ISO 8601 UTC from a Date, or null when invalid or implausible. */
function toIso(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms / 1000 < MIN_EPOCH_SECONDS || ms / 1000 > MAX_EPOCH_SECONDS) return null;
  return date.toISOString();
}

/** Parses `2026-05-05 18:25:43 +02:00`, ISO forms, RFC 2822, and epoch seconds/milliseconds. */
export function parseDate(value: unknown): string | null {
  if (typeof value === 'number') return parseEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d{9,13}$/.test(text)) return parseEpoch(Number(text));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i.exec(text);
  if (iso) return parseIsoParts(iso);
  if (/^[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{4}/.test(text)) return toIso(new Date(text));
  return null;
}

function parseIsoParts(match: RegExpExecArray): string | null {
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = match;
  let offset = 'Z';
  if (zone && /^[+-]/.test(zone)) offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  // A time without a zone is read as UTC: the page gave nothing better and UTC is stable across hosts.
  return toIso(new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`));
}

function parseEpoch(value: number): string | null {
  const seconds = value > MAX_EPOCH_SECONDS ? value / 1000 : value;
  return toIso(new Date(seconds * 1000));
}

/** Finds a date written for readers (`05.05.2026, 18:25`, `May 5, 2026`, `5 May 2026`) in short text. */
export function parseVisibleDate(text: string): string | null {
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[,\s]+(?:um\s+)?(\d{1,2}):(\d{2}))?/.exec(text);
  if (numeric) return fromParts(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[4], numeric[5]);
  const isoLike = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (isoLike) return fromParts(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]));
  const named = /\b(\d{1,2})\.?\s+([A-Za-zä]{3,9})\.?\s+(\d{4})|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  if (!named) return null;
  const month = MONTHS[(named[2] ?? named[4] ?? '').toLowerCase()];
  if (!month) return null;
  return fromParts(Number(named[3] ?? named[6]), month, Number(named[1] ?? named[5]));
}

function fromParts(year: number, month: number, day: number, hour?: string, minute?: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return toIso(new Date(Date.UTC(year, month - 1, day, Number(hour ?? 0), Number(minute ?? 0))));
}
