import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../server/net/freePort.js';

/**
 * A throwaway PostgreSQL server for one test file: initdb into a temp dir, start on a free
 * loopback port (its unix socket in the same dir), stop and delete it afterwards. Debian's
 * `postgresql` package provides the binaries (.ci/run installs it); where they are missing the
 * PostgreSQL tests skip, loudly (see warnNoPostgres). PostgreSQL refuses to run as root, so as
 * root it runs as the `postgres` user, which owns the temp dir.
 */
export const PG_BIN = findPgBin();
export const HAS_POSTGRES = PG_BIN !== null;

export interface TestPostgres {
  /** postgres://… of the cluster's `postgres` database, trust auth on loopback. */
  url: string;
  /** A fresh empty database on the same cluster, for one test. */
  createDatabase(name: string): string;
  stop(): void;
}

function findPgBin(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')) && existsSync(join(root, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Says why the PostgreSQL tests are not running, where nobody can miss it. */
export function warnNoPostgres(suite: string): void {
  if (HAS_POSTGRES) return;
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED: ${suite}\n!! No PostgreSQL server binaries under /usr/lib/postgresql/*/bin. Install Debian's "postgresql"\n!! as .ci/run does, or set PG_BIN. The PostgreSQL storage tests did NOT run.\n${'!'.repeat(78)}\n`,
  );
}

export async function startPostgres(): Promise<TestPostgres> {
  if (!PG_BIN) throw new Error('no PostgreSQL binaries (check HAS_POSTGRES first)');
  const dir = mkdtempSync(join(tmpdir(), 'crisis-drill-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) => {
    const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN!, bin), ...args]] : [join(PG_BIN!, bin), args];
    return execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir }).toString();
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`could not start a test PostgreSQL: ${e.stderr?.toString() || e.message}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return {
    url,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}
