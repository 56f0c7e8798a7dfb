import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from 'colyseus.js';
import { TEST_CLIENT_DIR } from './clientBuilds.js';
import { panelsOf } from './panels.js';
import { until } from './server.js';
import { freePort } from '../../server/net/freePort.js';
export { freePort };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process printed so far, stdout and stderr together. */
  output(): string;
  exited: Promise<number | null>;
  createDrill(body: object): Promise<{ code: string; trainerKey?: string }>;
  /** Joins by code through this process (the drill may live on another one). */
  join(code: string, options: object): Promise<Room>;
  /** SIGKILL, as a crash: nothing in the process runs. */
  kill(): Promise<void>;
  /** SIGINT, as Ctrl-C. */
  stop(): Promise<number | null>;
}

/**
 * `server/main.ts` as a child process (the product as `npm run serve` starts it) with the given
 * environment, once it has printed its start-up line. Throws with its output if it does not.
 */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, CLIENT_DIR: TEST_CLIENT_DIR, ...env, PORT: String(p) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${p}`;
  try {
    await until(() => out.includes('Crisis Drill is running') || child.exitCode !== null, 'the start-up line', 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${String(err)}; the server printed:\n${out}`);
  }
  if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
  return {
    child,
    port: p,
    url,
    output: () => out,
    exited,
    async createDrill(body) {
      const res = await fetch(`${url}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async join(code, options) {
      const room = await new Client(url.replace('http', 'ws')).joinById(code, options);
      room.onMessage('*', () => {});
      panelsOf(room);
      return room;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
