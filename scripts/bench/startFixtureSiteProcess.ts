import { spawnNodeScript, type NodeChild } from './spawnNodeScript.js';

/** A fixture site running in a child process. */
export interface FixtureSiteProcess {
  url: string;
  child: NodeChild;
}

/** Starts `serveFixtureSite.ts` for `posts` seed-shaped posts and waits for its URL. */
export async function startFixtureSiteProcess(root: string, posts: number, seed: string): Promise<FixtureSiteProcess> {
  let url = '';
  const child = await spawnNodeScript({
    name: 'fixture site',
    script: 'scripts/bench/serveFixtureSite.ts',
    args: [String(posts), seed],
    cwd: root,
    env: process.env,
    onLine: (line) => {
      if (line.startsWith('{"url"')) url = (JSON.parse(line) as { url: string }).url;
    },
    ready: (line) => line.startsWith('{"url"'),
  });
  return { url, child };
}
