import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './serverProcess.js';
import { until } from './server.js';

/** Debian's redis-server, installed by .ci/run; the Redis tests skip (loudly) without it. */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
export const HAS_REDIS = existsSync(REDIS_SERVER);

/** Says why the Redis tests are not running, where nobody can miss it. */
export function warnNoRedis(suite: string): void {
  if (HAS_REDIS) return;
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED: ${suite}\n!! No redis-server at ${REDIS_SERVER}. Install Debian's "redis-server" as .ci/run does,\n!! or set REDIS_SERVER_PATH. The scale-out tests over Redis did NOT run.\n${'!'.repeat(78)}\n`,
  );
}

export interface TestRedis {
  url: string;
  port: number;
  /** One command through redis-cli, for tests that look at what Colyseus keeps there. */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server on a free loopback port, in a temporary folder, keeping nothing on
 * disk (`--save '' --appendonly no`), ready when it answers PING.
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const cli = (...args: string[]) => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).trim();
  try {
    await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 'redis-server to start', 15_000);
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${String(err)}; it printed:\n${out}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    cli,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
