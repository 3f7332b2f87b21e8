import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

/** The one-line message loadConfig stops with, or undefined when the environment is valid. */
function problem(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('configuration from the environment', () => {
  it('refuses a Redis URL with no host (redis:/host:port) instead of crashing on SELECT NaN', () => {
    expect(problem({ REDIS_URL: 'redis:/127.0.0.1:6379' })).toBe(
      'invalid configuration: REDIS_URL must be a URL like redis://127.0.0.1:6379 or redis://host:6379/0, got "redis:/127.0.0.1:6379"',
    );
  });

  it('refuses a Redis database index a default server does not have, or one that is not a number', () => {
    expect(problem({ REDIS_URL: 'redis://127.0.0.1:6379/99' })).toMatch(/^invalid configuration: REDIS_URL database must be a number from 0 to 15/);
    expect(problem({ REDIS_URL: 'redis://127.0.0.1:6379/abc' })).toMatch(/REDIS_URL database must be a number/);
    expect(problem({ REDIS_URL: 'redis://127.0.0.1:6379/3' })).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/' }).redisUrl).toBe('redis://127.0.0.1:6379/');
  });

  it('names the variable and the value of a port that is not a number', () => {
    expect(problem({ DASHBOARD_PORT: 'abc' })).toBe('invalid configuration: DASHBOARD_PORT must be a whole number from 1 to 65535, got "abc"');
    expect(problem({ DASHBOARD_PORT: '70000' })).toMatch(/DASHBOARD_PORT must be a whole number from 1 to 65535, got 70000/);
    expect(loadConfig({ DASHBOARD_PORT: '3111' }).dashboardPort).toBe(3111);
  });

  it('lists every problem at once, on one line, and never echoes a password', () => {
    const message = problem({ REDIS_URL: 'redis://user:hunter2@127.0.0.1:6379/99', WPINGEST_FETCH_CONCURRENCY: '2.5' })!;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/REDIS_URL .*WPINGEST_FETCH_CONCURRENCY/);
    expect(message).not.toContain('hunter2');
  });
});
