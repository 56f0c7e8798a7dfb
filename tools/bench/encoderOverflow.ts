// Reproduces a client-state corruption seen by `npm run bench:server`: when one client's view
// patch is larger than @colyseus/schema's Encoder.BUFFER_SIZE (8 KB by default), the client
// receives it cut off. In 3.0.76, Encoder.encodeView() ignores the bigger buffer that encode()
// switches to on overflow and slices its own 8 KB buffer. The client's decoder then prints
// `"refId" not found` and keeps cards whose strings (e.g. NpcCard.responses) end mid-way.
//   tsx tools/bench/encoderOverflow.ts [--kb 64]   (--kb: set Encoder.BUFFER_SIZE first)
// Ten training drills with a trainer and four players run at speed 3600 for 4 s, so several NPC
// cards reach a panel in one patch. Loopback only; it stops by itself.
import { parseArgs } from 'node:util';
import { Encoder } from '@colyseus/schema';
import { Client, type Room } from 'colyseus.js';
import { createApp } from '../../server/app.js';
import { loadScenarios } from '../../server/scenarios/loadScenarios.js';
import { DrillStore } from '../../server/store/DrillStore.js';

const { values } = parseArgs({ options: { kb: { type: 'string', default: '0' } } });
const kb = Number(values.kb);
if (kb > 0) Encoder.BUFFER_SIZE = kb * 1024;

const counts = { overflow: 0, refIdNotFound: 0, badJson: 0, cards: 0 };
const warn = console.warn.bind(console);
const error = console.error.bind(console);
console.warn = (...args: unknown[]) => {
  const first = String(args[0]);
  if (first.includes('buffer overflow')) counts.overflow++;
  else if (!first.includes('report this issue')) warn(...args);
};
console.error = (...args: unknown[]) => {
  if (String(args[0]).startsWith('"refId" not found')) counts.refIdNotFound++;
  else error(...args);
};

const scenario = (await loadScenarios()).get('huarui-upgrade-outage');
if (!scenario) throw new Error('no flagship scenario');
const app = createApp({
  // Loaded directly: this is about the transport, whatever the scenario checks say.
  scenarios: new Map([[scenario.id, { scenario, hash: 'repro' }]]),
  store: await DrillStore.openSqlite(':memory:'),
  reconnectSeconds: 60,
  abandonSeconds: 900,
  limits: { perSecond: 10, burst: 20, maxStrikes: 50 },
  joinLimit: { failures: 1_000_000, windowSeconds: 60 },
  testHooks: false,
  log: { info: () => {}, error: (m) => error(m) },
});
const port = await app.listen(0, '127.0.0.1');
const ws = `ws://127.0.0.1:${port}`;
const rooms: Room[] = [];
for (let d = 0; d < 10; d++) {
  const res = await fetch(`http://127.0.0.1:${port}/api/drills`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'training', scenario: scenario.id, speed: 3600 }),
  });
  const { code, trainerKey } = (await res.json()) as { code: string; trainerKey: string };
  const trainer = await new Client(ws).joinById(code, { trainerKey });
  trainer.onMessage('*', () => {});
  rooms.push(trainer);
  for (const post of scenario.posts) {
    const player = await new Client(ws).joinById(code, { name: `p-${d}`, post: post.id });
    player.onMessage('*', () => {});
    rooms.push(player);
  }
  trainer.send('clock', { action: 'start' });
}
await new Promise((r) => setTimeout(r, 4000));

type Panel = { waiting: { toArray(): { responses?: unknown }[] } };
for (const room of rooms) {
  const panels = (room.state as { panels?: Map<string, Panel> }).panels;
  for (const panel of panels?.values() ?? []) {
    for (const card of panel.waiting.toArray()) {
      counts.cards++;
      try {
        JSON.parse(String(card.responses));
      } catch {
        counts.badJson++;
      }
    }
  }
}
console.log(
  `Encoder.BUFFER_SIZE ${Encoder.BUFFER_SIZE / 1024} KB: ${counts.overflow} buffer-overflow warnings on the server; on the clients ${counts.refIdNotFound} "refId" not found, ${counts.badJson} of ${counts.cards} NPC cards with responses that are not valid JSON`,
);
await Promise.all(rooms.map((room) => Promise.race([room.leave(), new Promise((r) => setTimeout(r, 2000))])));
await app.close();
process.exit(0);
