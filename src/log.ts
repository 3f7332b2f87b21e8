import { pino, type Logger } from 'pino';

export type { Logger };

/** The root structured logger (JSON lines on stderr, so stdout stays clean for command output). */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, ...bindings },
      redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'databaseUrl', 'redisUrl'], censor: '***' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ fd: 2, sync: false }),
  );
}
