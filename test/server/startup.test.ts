import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/protocol/messages.js';
import { until } from '../helpers/server.js';
import { freePort } from '../../server/net/freePort.js';

describe('the server process', () => {
  it('creates its database on first start, says where to open the game, and shuts down cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-data-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => output.includes('Crisis Drill is running'), 'the start-up line', 20_000);
      expect(output).toContain(`http://localhost:${port}/`);
      expect(existsSync(join(dataDir, 'crisis-drill.sqlite'))).toBe(true);

      const res = await fetch(`http://127.0.0.1:${port}/api/drills`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'training', scenario: 'huarui-upgrade-outage' }),
      });
      const { code, trainerKey } = await res.json();
      const room = await new Client(`ws://127.0.0.1:${port}`).joinById(code, { trainerKey });
      room.onMessage('*', () => {});
      const closes: number[] = [];
      room.onLeave((c) => closes.push(c));
      room.send('clock', { action: 'start' });
      await new Promise((r) => setTimeout(r, 200));

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await until(() => closes.length === 1, 'the drill to be told');
      expect(closes[0]).toBe(CLOSE_CODES.shutdown);
      expect(output).toMatch(/SIGINT: stopping\. Running drills are checkpointed/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
