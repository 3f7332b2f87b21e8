import { pino, stdSerializers, type Logger } from 'pino';
import { redactUrl } from './redactUrl.js';

export type { Logger };

/** Secrets masked by key wherever they appear in a log object. */
const REDACT_PATHS = ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'databaseUrl', 'redisUrl'];

/** An error as logged: the standard fields, with credentials in URLs of its message and stack removed. */
function errorSerializer(error: Error): ReturnType<typeof stdSerializers.err> {
  const serialized = stdSerializers.err(error);
  return { ...serialized, message: redactUrl(serialized.message ?? ''), stack: redactUrl(serialized.stack ?? '') };
}

/** Top-level string fields and messages have credentials in URLs removed: a site URL may carry a password. */
const redactingOptions = {
  redact: { paths: REDACT_PATHS, censor: '***' },
  serializers: { err: errorSerializer },
  formatters: {
    log: (object: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(object).map(([key, value]) => [key, typeof value === 'string' ? redactUrl(value) : value])),
  },
  hooks: {
    logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
      method.apply(
        this,
        args.map((arg) => (typeof arg === 'string' ? redactUrl(arg) : arg)),
      );
    },
  },
};

/** The root structured logger (JSON lines on stderr, so stdout stays clean for command output). */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, ...bindings },
      timestamp: pino.stdTimeFunctions.isoTime,
      ...redactingOptions,
    },
    pino.destination({ fd: 2, sync: false }),
  );
}

/** Control characters a log line from a site's data could carry to the terminal (tab and newline excepted). */
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The logger of one-shot commands (`backfill`, `sync`, `source` ...): the person at the terminal reads
 * `wpingest: warning: <message>` lines among the command's own output, not JSON.
 */
export function createCliLogger(level: string): Logger {
  const write = (line: string) => {
    const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
    const label = pino.levels.labels[entry.level] ?? 'log';
    const text = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.replace(CONTROL_CHARS, '');
    process.stderr.write(`wpingest: ${label}: ${text}\n`);
  };
  return pino({ level, base: null, timestamp: false, ...redactingOptions }, { write });
}
