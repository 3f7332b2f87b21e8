import { MAX_EPOCH_SECONDS, MIN_EPOCH_SECONDS } from './rules.js';

/** Month names and abbreviations (lower case, accents as written and folded) in the newsrooms' main languages. */
const MONTH_NAMES: ReadonlyArray<readonly [month: number, names: string]> = [
  [1, 'jan january januar janvier janv enero ene janeiro gennaio gen januari'],
  [2, 'feb february februar février fevrier févr fevr febrero fevereiro fev febbraio februari'],
  [3, 'mar march märz maerz mars marzo março marco maart mrt'],
  [4, 'apr april avril abril abr aprile avr'],
  [5, 'may mai mayo maio maggio mag mei'],
  [6, 'jun june juni juin junio junho giugno giu'],
  [7, 'jul july juli juillet juil julio julho luglio lug'],
  [8, 'aug august août aout agosto ago augustus'],
  [9, 'sep sept september septembre septiembre setiembre setembro set settembre'],
  [10, 'oct october okt oktober octobre octubre outubro out ottobre ott'],
  [11, 'nov november novembre noviembre novembro'],
  [12, 'dec december dez dezember décembre decembre déc diciembre dic dezembro dicembre'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as const)));

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

/** Finds a date written for readers (`05.05.2026, 18:25`, `May 5, 2026`, `5 May 2026`, `3 de março de 2021`, `2021年3月3日`) in short text. */
export function parseVisibleDate(text: string): string | null {
  const cjk = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:\D{0,12}?(\d{1,2}):(\d{2}))?/.exec(text);
  if (cjk) return fromParts(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]), cjk[4], cjk[5]);
  const yearFirst = /\b(\d{4})[./](\d{1,2})[./](\d{1,2})\.?(?:[,\s]+(\d{1,2}):(\d{2}))?/.exec(text);
  if (yearFirst) return fromParts(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), yearFirst[4], yearFirst[5]);
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[,\s]+(?:um\s+|à\s+|às\s+|alle\s+)?(\d{1,2})[:h](\d{2}))?/.exec(text);
  if (numeric) return fromParts(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[4], numeric[5]);
  const isoLike = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (isoLike) return fromParts(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]));
  const named =
    /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})|(?<![\p{L}\d])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u.exec(
      text,
    );
  if (!named) return null;
  const month = MONTHS.get((named[2] ?? named[4] ?? '').toLowerCase());
  if (!month) return null;
  return fromParts(Number(named[3] ?? named[6]), month, Number(named[1] ?? named[5]));
}

function fromParts(year: number, month: number, day: number, hour?: string, minute?: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return toIso(new Date(Date.UTC(year, month - 1, day, Number(hour ?? 0), Number(minute ?? 0))));
}
