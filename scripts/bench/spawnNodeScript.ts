import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Lines of a child's output kept to explain a failure. */
const KEPT_LINES = 40;
/** How long a child may take to say it is ready. */
const READY_TIMEOUT_MS = 60_000;
/** How long a child may take to drain after SIGTERM before it is killed. */
const STOP_GRACE_MS = 25_000;

/** A Node child process running a TypeScript entry point through tsx. */
export interface NodeChild {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines it wrote (stdout and stderr), for failure messages. */
  lastLines(): string[];
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
}

export interface SpawnOptions {
  name: string;
  /** Path of the entry point, relative to `cwd`: TypeScript run through tsx, or compiled JavaScript (`compiled`). */
  script: string;
  /** The script is plain JavaScript: run it without the tsx loader. @defaultValue false */
  compiled?: boolean;
  /** Flags for node itself (e.g. `--max-old-space-size=192`). */
  nodeArgs?: readonly string[];
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Resolves the spawn once a line of output satisfies it. */
  ready: (line: string) => boolean;
  /** Called with every line of output (e.g. to read a URL the child prints). */
  onLine?: (line: string) => void;
  /** How long it may take to become ready. @defaultValue 60_000 */
  readyTimeoutMs?: number;
}

/** Starts `node [flags] [--import tsx] script args` and waits until it reports ready; a child that exits early fails the spawn. */
export async function spawnNodeScript(options: SpawnOptions): Promise<NodeChild> {
  const loader = options.compiled ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, options.script, ...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kept: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      kept.push(line);
      if (kept.length > KEPT_LINES) kept.shift();
      options.onLine?.(line);
      if (options.ready(line)) markReady();
    });
  }
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const handle: NodeChild = {
    name: options.name,
    pid: child.pid ?? -1,
    process: child,
    lastLines: () => [...kept],
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.readyTimeoutMs ?? READY_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await handle.stop();
    throw new Error(
      `${options.name} ${outcome === 'exited' ? `exited with ${child.exitCode ?? child.signalCode}` : 'did not become ready'} before it was ready:\n  ${kept.slice(-10).join('\n  ')}`,
    );
  }
  return handle;
}
