import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

// Generous limits: this is about what one message can do to a drill, not about floods.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { perSecond: 100_000, burst: 100_000, maxStrikes: 1_000 } });
});
afterAll(async () => server.close());

/** Every name an object or a function inherits, the names that trip `in` checks. */
const inherited = [...new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype), '__proto__', 'prototype', '*', '__no_message_handler'])];

describe('message dispatch', () => {
  it('refuses every inherited or random message name as unknown-type, from anyone, and the drill goes on', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const seated = await server.join(code, { name: 'Seated', post: 'pr' });
    // A player without a post: every seat is then taken by people, so the last one waits.
    const others = await Promise.all(['agent', 'manager', 'commander'].map((post) => server.join(code, { name: post, post })));
    const unseated = await server.join(code, { name: 'Waiting' });
    await until(() => trainer.state.unseated?.length === 1, 'the player without a post');
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.phase === 'running', 'the start');

    const senders = [trainer, seated, unseated];
    const refusals = senders.map((room) => collect<{ ref: number | null; code: string; type: string }>(room, 'rejected'));
    let ref = 0;
    const expected = senders.map(() => new Set<number>());
    const send = (i: number, type: string) => {
      const r = ++ref;
      expected[i]!.add(r);
      senders[i]!.send(type, { ref: r });
    };
    for (const name of inherited) senders.forEach((_, i) => send(i, name));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(2), (name, who) => {
        if (['intent', 'seat', 'ready', 'clock', 'control', 'hint', 'post'].includes(name)) return;
        send(who, name);
      }),
      { numRuns: 300, seed: 1313 },
    );
    await until(() => expected.every((set, i) => refusals[i]!.filter((r) => r.ref !== null && set.has(r.ref)).length === set.size), 'an answer to every message', 20_000);
    for (const [i, set] of expected.entries()) {
      const answers = refusals[i]!.filter((r) => r.ref !== null && set.has(r.ref));
      expect(new Set(answers.map((a) => a.code))).toEqual(new Set(['unknown-type']));
    }
    // The drill is alive and its clock moves; nobody was closed.
    const clock = trainer.state.clock;
    await until(() => trainer.state.clock > clock, 'the clock to move on');
    expect(trainer.state.phase).toBe('running');
    for (const room of [trainer, seated, unseated, ...others]) expect(room.connection.isOpen).toBe(true);
    expect(server.errors).toEqual([]);
    await Promise.all([trainer, seated, unseated, ...others].map((r) => r.leave()));
  }, 60_000);
});
