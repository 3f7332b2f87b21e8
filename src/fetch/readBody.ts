import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PermanentError, TransientError } from '../errors.js';

/** Content-Encodings decoded (the size cap applies to the decoded bytes); anything else is refused with its name. */
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};

/** What `readBody` needs to know about the response. */
export interface BodySource {
  url: string;
  body: Readable;
  headers: Record<string, string | string[] | undefined>;
  /** Largest body accepted, in decoded bytes. */
  maxBytes: number;
  /** Called with the count of raw bytes received so far (for the transfer-rate check). */
  onBytes?: (received: number) => void;
}

/**
 * Reads a response body into one Buffer: decoded when the server compressed it (whether asked to or not), cut
 * off as soon as it exceeds `maxBytes`, and copied once: a declared length is read straight into a buffer of
 * that size, so a page near the cap is held once, not as chunks plus their concatenation.
 */
export async function readBody(source: BodySource): Promise<Buffer> {
  // Destroying the body below emits an abort error of its own; the error thrown here is the one that counts.
  source.body.on('error', () => undefined);
  const encoding = String(source.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const declared = Number(source.headers['content-length'] ?? 0);
  const identity = encoding === 'identity' || encoding === '';
  if (!identity && !DECODERS[encoding]) {
    source.body.destroy();
    throw new PermanentError(`GET ${source.url}: unsupported Content-Encoding "${encoding.slice(0, 40)}"`, 'unsupported-encoding');
  }
  if (identity && declared > source.maxBytes) {
    source.body.destroy();
    throw new PermanentError(`GET ${source.url}: body of ${declared} bytes exceeds ${source.maxBytes}`, 'body-too-large');
  }
  let received = 0;
  let decoded = source.body;
  if (!identity) {
    // The raw bytes are counted as they arrive, for the transfer-rate check; the size cap counts decoded bytes.
    source.body.on('data', (chunk: Buffer) => source.onBytes?.((received += chunk.length)));
    decoded = source.body.pipe(DECODERS[encoding]!() as unknown as NodeJS.WritableStream) as unknown as Readable;
    source.body.once('error', (error) => decoded.destroy(error));
  }
  const sink = identity && declared > 0 ? fixedSink(declared) : chunkSink();
  try {
    for await (const chunk of decoded) {
      if (sink.size() + (chunk as Buffer).length > source.maxBytes) {
        throw new PermanentError(`GET ${source.url}: body exceeds ${source.maxBytes} bytes${identity ? '' : ` once decoded (${encoding})`}`, 'body-too-large');
      }
      sink.push(chunk as Buffer);
      if (identity) source.onBytes?.(sink.size());
    }
  } catch (error) {
    source.body.destroy();
    decoded.destroy();
    if (error instanceof PermanentError || error instanceof TransientError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (!identity && code.startsWith('Z_')) {
      throw new PermanentError(`GET ${source.url}: body is not valid ${encoding}: ${(error as Error).message}`, 'bad-encoding', { cause: error });
    }
    throw new TransientError(`GET ${source.url}: body cut off: ${(error as Error).message}`, 'body-cut-off', { cause: error });
  }
  return sink.done();
}

interface Sink {
  push(chunk: Buffer): void;
  size(): number;
  done(): Buffer;
}

/** Chunks copied into one buffer of the declared length (a longer body grows it; a shorter one is sliced). */
function fixedSink(length: number): Sink {
  let buffer = Buffer.allocUnsafe(length);
  let size = 0;
  return {
    push(chunk) {
      if (size + chunk.length > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, size + chunk.length));
        buffer.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size += chunk.length;
    },
    size: () => size,
    done: () => buffer.subarray(0, size),
  };
}

function chunkSink(): Sink {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
    size: () => size,
    done: () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)),
  };
}
