import { loadConfig } from '../config.js';
import { createContext } from '../../workers/createContext.js';
import type { AppContext } from '../../workers/context.js';

/** Runs a command body with an open context and always closes it. */
export async function withContext<T>(body: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(loadConfig());
  try {
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}
