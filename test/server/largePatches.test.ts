import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import { startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';
import { PanelSchema } from '../../shared/protocol/serverMessages.js';

// At high speed many NPC cards land in one patch. @colyseus/schema 3.0.76 cut view patches off
// at its 8 KB encode buffer, so clients decoded half a card ("refId" not found, responses JSON
// ending mid-string). Found by the server benchmark.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ joinLimit: { failures: 1000, windowSeconds: 60 } }, SCENARIO_DIR);
});
afterAll(async () => server.close());

describe('large state patches', () => {
  it('reach every client whole, even when many NPC cards arrive at once', async () => {
    const decodeErrors: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...args) => decodeErrors.push(args[0]));
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => decodeErrors.push(args[0]));
    const rooms: Room[] = [];
    try {
      for (let d = 0; d < 4; d++) {
        const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'huarui-upgrade-outage', speed: 3600 });
        const trainer = await server.join(code, { trainerKey });
        rooms.push(trainer);
        for (const post of ['branch-manager', 'call-centre-lead', 'pr-officer', 'incident-commander']) rooms.push(await server.join(code, { name: post, post }));
        trainer.send('clock', { action: 'start' });
      }
      let cards = 0;
      const broken: string[] = [];
      const started = Date.now();
      await until(() => {
        for (const room of rooms) {
          panelsOf(room).forEach((panel) => {
            cards += panel.waiting.length;
            if (!PanelSchema.safeParse(panel).success) broken.push(panel.post);
          });
        }
        return Date.now() - started > 3000;
      }, 'the drills to run', 10_000);
      expect(cards).toBeGreaterThan(0);
      expect(broken).toEqual([]);
      expect(decodeErrors.map(String).filter((m) => /refId|overflow/.test(m))).toEqual([]);
    } finally {
      error.mockRestore();
      warn.mockRestore();
      await Promise.all(rooms.map((r) => r.leave().catch(() => {})));
    }
  }, 30_000);
});
