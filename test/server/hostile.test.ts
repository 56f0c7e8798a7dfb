import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../shared/replay/replay.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

// Generous limits here: this test is about what the server does with bad input, not with floods.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { perSecond: 100_000, burst: 100_000, maxStrikes: 1_000 } });
});
afterAll(async () => server.close());

/** A deterministic stream of junk: the same test run always sends the same messages. */
function* junk(seed: number): Generator<[string, unknown]> {
  let x = seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
  // Long, but under the 4 KB frame limit (an oversized frame closes the connection: tested apart).
  const huge = 'x'.repeat(1500);
  for (;;) {
    yield pick<[string, unknown]>([
      ['intent', { intent: { type: 'respond', npc: pick(['n1', 'n2', 'n9999', 'nope', huge, 7]), response: pick(['empathise', 'rollback', huge, '']) } }],
      ['intent', { intent: { type: 'shareFact', fact: pick(['root-cause', 'hotline', 'x']), to: pick([[], ['vault'], ['lobby', 'lobby'], 'all']) } }],
      ['intent', { intent: { type: 'teleport' } }],
      ['intent', pick([null, 42, 'string', [], { intent: null }, { intent: { type: 'respond' } }])],
      ['seat', { action: pick(['take', 'steal']), post: pick(['manager', 'agent', 'ceo', huge]) }],
      ['clock', { action: pick(['start', 'pause', 'stop', 'speed']), speed: pick([-1, 0, 1e9, 'fast', undefined]) }],
      ['control', { control: { type: pick(['inject', 'end', 'extendDeadline']), inject: 'power-cut', expected: 'statement', minutes: 5 } }],
      ['hint', { post: 'pr', text: pick(['', huge, 'psst']) }],
      [pick(['nonsense', '', 'welcome', 'events', huge.slice(0, 200)]), { anything: true }],
      ['ready', { ready: pick(['yes', 1, null]) }],
    ]);
  }
}

describe('hostile input', () => {
  it('survives 10,000 malformed and forbidden messages, answers each with an error, and keeps only valid intents', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 300 });
    const trainer = await server.join(code, { trainerKey });
    const players: Room[] = await Promise.all(['manager', 'agent', 'pr'].map((post) => server.join(code, { name: post, post })));
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.phase === 'running', 'the start');
    await until(() => (panelsOf(players[1]!).get('agent')?.waiting.length ?? 0) > 0, 'callers to wait in the phone queue');

    const refusals = players.map((p) => collect<{ ref: number | null; code: string }>(p, 'rejected'));
    // A seat message that happens to be valid (taking the post one already holds) is acknowledged instead.
    const acks = players.map((p) => collect<{ ref: number | null }>(p, 'seated'));
    const sent = players.map(() => ({ withRef: new Set<number>(), withoutRef: 0, valid: new Set<number>() }));
    let ref = 0;
    const streams = players.map((_, i) => junk(1000 + i));
    for (let round = 0; round < 10_000 / players.length; round++) {
      players.forEach((player, i) => {
        const [type, payload] = streams[i]!.next().value!;
        const hasRef = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
        if (hasRef) {
          const r = ++ref;
          sent[i]!.withRef.add(r);
          player.send(type, { ...(payload as object), ref: r });
        } else {
          sent[i]!.withoutRef++;
          player.send(type, payload);
        }
      });
      // Interleave genuine moves: answer an NPC waiting in the player's own room.
      if (round % 50 === 0) {
        players.forEach((player, i) => {
          const card = panelsOf(player).values().next().value?.waiting.at(0);
          if (!card) return;
          const option = (card.responses as { id: string; available: boolean }[]).find((o) => o.available);
          if (!option) return;
          const r = ++ref;
          sent[i]!.valid.add(r);
          player.send('intent', { ref: r, intent: { type: 'respond', npc: card.id, response: option.id } });
        });
      }
      if (round % 100 === 0) await new Promise((r) => setTimeout(r, 5));
    }

    // Every junk message is answered; genuine moves may be refused too (the NPC may have just left).
    await until(
      () => sent.every((s, i) => [...refusals[i]!, ...acks[i]!].filter((r) => r.ref !== null && s.withRef.has(r.ref)).length === s.withRef.size),
      'an answer to every junk message',
      30_000,
    );
    sent.forEach((s, i) => expect(refusals[i]!.filter((r) => r.ref === null).length).toBeGreaterThanOrEqual(s.withoutRef));
    expect(sent.reduce((a, s) => a + s.withRef.size + s.withoutRef, 0)).toBeGreaterThanOrEqual(10_000);

    // The server is up, and the drill's state is exactly a clean replay of the inputs it accepted.
    const ended = collect(trainer, 'ended');
    trainer.send('control', { control: { type: 'end' } });
    await until(() => ended.length === 1, 'the end');
    const record = (await server.services.store.getDrill(ended[0].record))!;
    const accepted = record.inputs.filter((i) => 'post' in i && i.post !== 'commander');
    const genuineAccepted = sent.reduce((a, s, i) => a + [...s.valid].filter((r) => !refusals[i]!.some((x) => x.ref === r)).length, 0);
    expect(genuineAccepted).toBeGreaterThan(0);
    expect(accepted.length).toBe(genuineAccepted);
    const scenario = server.services.scenarios.get('mini-outage')!.scenario;
    const clean = replay(scenario, { seed: record.seed, roster: record.roster }, record.inputs, record.untilClock);
    expect(clean.rejected).toEqual([]);
    expect(clean.state.scores).toEqual(record.scores);
    await until(() => Object.entries(record.scores).every(([d, v]) => trainer.state.scores[d] === v), 'the final scores to reach the trainer');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(server.errors).toEqual([]);
    await Promise.all([trainer, ...players].map((r) => r.leave()));
  }, 90_000);
});
