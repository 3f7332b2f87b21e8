import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `docker compose` (v2) or `docker-compose` (v1), whichever can validate a file here; none needs an engine. */
function composeCommand(): string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return undefined;
}
const compose = composeCommand();

describe('docker-compose.yml', () => {
  it.skipIf(!compose)('is valid for the compose client, with every role as a service', () => {
    const result = spawnSync(compose![0]!, [...compose!.slice(1), '-f', 'docker-compose.yml', 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DASHBOARD_TOKEN: 'a-test-token-of-some-length' },
    });
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.status).toBe(0);
    for (const service of ['redis:', 'postgres:', 'migrate:', 'scheduler:', 'fetch:', 'process:', 'dashboard:']) expect(result.stdout).toContain(service);
  });

  it.skipIf(!compose)('refuses to serve the dashboard without a token', () => {
    const env = { ...process.env };
    delete env.DASHBOARD_TOKEN;
    const result = spawnSync(compose![0]!, [...compose!.slice(1), '-f', 'docker-compose.yml', 'config'], { cwd: ROOT, encoding: 'utf8', env });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/DASHBOARD_TOKEN/);
  });

  it('keeps Redis from evicting job keys and persists it', () => {
    const text = readFileSync(`${ROOT}docker-compose.yml`, 'utf8');
    expect(text).toMatch(/--maxmemory-policy", "noeviction"/);
    expect(text).toMatch(/--appendonly", "yes"/);
  });
});
