import type { Element } from 'domhandler';
import { attr } from '../../html/index.js';

/** Cloudflare's e-mail obfuscation: the address XOR-ed with the first byte, hex-encoded, in `data-cfemail`. */
const CLOUDFLARE_EMAIL = /^(?:[0-9a-f]{2}){2,}$/i;

/** The address Cloudflare hid in `hex`, or null when it is not such a value. */
export function decodeCloudflareEmail(hex: string): string | null {
  if (!CLOUDFLARE_EMAIL.test(hex)) return null;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  const bytes: number[] = [];
  for (let i = 2; i < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16) ^ key);
  const text = Buffer.from(bytes).toString('utf8');
  return text.includes('\ufffd') ? null : text;
}

/**
 * Puts back the addresses a CDN replaced by "[email protected]" (`<span class="__cf_email__" data-cfemail="…">`): the
 * page's text, as its author wrote it, for the body and its fingerprints. Changes the parsed tree (extraction's
 * own), before any text is measured; elements without the attribute are not touched.
 */
export function revealProtectedEmails(elements: readonly Element[]): void {
  for (const element of elements) {
    const hex = element.attribs?.['data-cfemail'];
    if (hex === undefined) continue;
    const email = decodeCloudflareEmail(hex);
    const texts = element.children.filter((child) => child.type === 'text') as unknown as Array<{ data: string }>;
    if (!email || texts.length === 0 || attr(element, 'data-cfemail') !== hex) continue;
    texts.forEach((text, i) => (text.data = i === 0 ? email : ''));
  }
}
