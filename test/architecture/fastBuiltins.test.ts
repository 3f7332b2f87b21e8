import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Built-ins whose prototype a dependency must not turn into a dictionary. */
const BUILTINS = ['String', 'Object', 'Array', 'Function', 'Number', 'RegExp', 'Map', 'Set', 'Error', 'Promise'];

/**
 * The names of the built-in prototypes that are no longer in V8's fast mode after the modules are loaded, in a
 * fresh node process with V8's test intrinsics (`%HasFastProperties`) allowed.
 */
function slowPrototypesAfterLoading(modules: readonly string[]): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules)}) await import(m);
    const check = new Function('name', 'return %HasFastProperties(globalThis[name].prototype)');
    console.log(JSON.stringify(${JSON.stringify(BUILTINS)}.filter((name) => !check(name))));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

describe('the modules a worker loads keep the built-in prototypes fast', () => {
  // ioredis 6 defines `class VerbatimString extends String` (its RESP3 decoder): on Node 20's V8 that leaves
  // String.prototype a dictionary, and every string method call of the process (the HTML tokenizer's charCodeAt
  // loops, extraction's string work) looks its method up the slow way: a charCodeAt loop ran 3.4x slower, and
  // extraction inside a worker took 6.3-8.0 CPU ms per post instead of 4.8-5.3. ioredis 5 has no such class.
  it('String.prototype and the other built-in prototypes stay in fast mode with the whole worker graph loaded', () => {
    expect(
      slowPrototypesAfterLoading(['ioredis', 'bullmq', 'pg', 'undici', 'pino', './dist/workers/startWorkers.js', './dist/src/jobs/createContext.js']),
    ).toEqual([]);
  });

  it('can tell: a class extending String loaded the same way is reported', () => {
    const dataUrl = `data:text/javascript,${encodeURIComponent('export class Tagged extends String {}')}`;
    expect(slowPrototypesAfterLoading([dataUrl])).toContain('String');
  });
});
