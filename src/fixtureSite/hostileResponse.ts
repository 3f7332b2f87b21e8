import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { FaultInjector, HostileSpec } from './createFaultInjector.js';
import { bodyBytes, type RestResponse } from './restResponse.js';

const CONTENT_FIELD = '"content":{"rendered":"';

/** The page of `/wp/v2/posts` a request asks for. */
export function requestedPage(params: ReadonlyArray<readonly [string, string | null | undefined]>): number {
  return Number(params.find(([k]) => k === 'page')?.[1] ?? 1) || 1;
}

/** A listing answer made hostile by the modes that concern its page: deep nesting, a lying total, a huge body. */
export function hostileListing(
  response: RestResponse,
  page: number,
  faults: FaultInjector,
  cache: Map<string, RestResponse>,
  requestKey: string,
): RestResponse {
  if (response.status !== 200) return response;
  let result = response;
  for (const spec of faults.hostile) {
    if (!('page' in spec) || spec.page !== page) continue;
    faults.count(spec.type);
    if (spec.type === 'liar') {
      result = { ...result, headers: { ...result.headers, 'X-WP-TotalPages': String(spec.pages), 'X-WP-Total': String(spec.pages * 10) } };
    } else if (spec.type === 'deep') {
      // The page's first post gains a field nested `depth` deep: valid JSON, hostile to every recursive walk.
      const text = bodyBytes(result.body).toString('utf8');
      result = { ...result, body: text.replace(/^\[\{/, `[{"deep":${'['.repeat(spec.depth)}${']'.repeat(spec.depth)},`) };
    } else if (spec.type === 'huge') {
      const key = `huge:${spec.mb}:${requestKey}`;
      const cached = cache.get(key) ?? padListing(result, spec.mb);
      cache.set(key, cached);
      result = { ...result, body: cached.body };
    }
  }
  return result;
}

/** Pads every post's content with distinct paragraphs until the page is about `mb` megabytes. */
function padListing(response: RestResponse, mb: number): RestResponse {
  const text = bodyBytes(response.body).toString('utf8');
  const posts = text.split(CONTENT_FIELD).length - 1;
  const perPost = Math.max(0, Math.floor((mb * 1_000_000 - text.length) / Math.max(1, posts)));
  let index = 0;
  const chunks = text.split(CONTENT_FIELD).map((part, i) => {
    if (i === 0) return Buffer.from(part);
    index++;
    const filler: string[] = [];
    for (let size = 0, n = 0; size < perPost; n++) {
      const paragraph = `<p>Paragraph ${n} of post ${index}, padding a page to test memory: ordinary words, one after another, in plain sentences.</p>`;
      filler.push(paragraph);
      size += paragraph.length;
    }
    return Buffer.from(CONTENT_FIELD + filler.join('') + part);
  });
  return { ...response, body: chunks };
}

/**
 * Sends a listing answer compressed and/or trickled, as the hostile modes say; false when none applies. Only full
 * listings trickle (`trickle: false` for the `_fields=id` probes a backfill plans with).
 */
export function sendHostile(res: ServerResponse, response: RestResponse, key: string, faults: FaultInjector, options: { trickle: boolean }): boolean {
  const encode = faults.hostile.find((spec): spec is Extract<HostileSpec, { type: 'encode' }> => spec.type === 'encode');
  const trickle = faults.hostile.find((spec): spec is Extract<HostileSpec, { type: 'trickle' }> => spec.type === 'trickle');
  const trickling = options.trickle && trickle !== undefined && faults.attempts(key) <= trickle.times;
  if (!encode && !trickling) return false;
  let body = bodyBytes(response.body);
  const headers: Record<string, string> = { ...response.headers };
  if (encode) {
    faults.count(`encode-${encode.encoding}`);
    body =
      encode.encoding === 'gzip'
        ? gzipSync(body)
        : encode.encoding === 'deflate'
          ? deflateSync(body)
          : encode.encoding === 'br'
            ? brotliCompressSync(body)
            : body;
    headers['Content-Encoding'] = encode.encoding;
  }
  res.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
  if (!trickling) {
    res.end(body);
    return true;
  }
  faults.count('trickle');
  let sent = 0;
  const timer = setInterval(
    () => {
      if (res.destroyed || sent >= body.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body.subarray(sent, sent + 1));
      sent++;
    },
    Math.max(1, Math.round(1000 / trickle!.bps)),
  );
  res.once('close', () => clearInterval(timer));
  return true;
}
