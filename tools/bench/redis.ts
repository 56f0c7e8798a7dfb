// The Redis of the two-process run of `npm run bench:server`: Debian's redis-server on a free
// loopback port, in a temporary folder, keeping nothing on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../server/net/freePort.js';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export interface BenchRedis {
  url: string;
  /** CPU time redis-server has used so far (ms), from /proc; NaN where /proc is missing. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Undefined when redis-server is not installed (the caller says so and skips the run). */
export async function startBenchRedis(): Promise<BenchRedis | undefined> {
  if (!existsSync(REDIS_SERVER)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // However the bench ends (its watchdog calls process.exit), no redis-server is left behind.
  const reap = () => child.kill('SIGKILL');
  process.on('exit', reap);
  const deadline = Date.now() + 15_000;
  while (!out.includes('Ready to accept connections')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start: ${out.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ticks = 100; // USER_HZ on Linux
  return {
    url: `redis://127.0.0.1:${port}`,
    cpuMs() {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
      } catch {
        return NaN;
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      process.off('exit', reap);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
