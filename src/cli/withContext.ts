import { loadConfig } from '../config.js';
import { createCliLogger } from '../log.js';
import { createContext } from '../jobs/createContext.js';
import type { AppContext } from '../jobs/context.js';

/**
 * Runs a command body with an open context and always closes it. Logs are human lines, warnings and worse
 * unless WPINGEST_LOG_LEVEL asks for more: the command's own messages say what happened.
 */
export async function withContext<T>(body: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await createContext(config, createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}
