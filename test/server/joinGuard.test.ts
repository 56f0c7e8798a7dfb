import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

// Its own file: Colyseus' matchmaker is one per process, so one server per test file.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ joinLimit: { failures: 10, windowSeconds: 60 } });
});
afterAll(async () => server.close());

const outcome = (a: PromiseSettledResult<unknown>) => (a.status === 'rejected' ? String((a.reason as Error).message) : 'joined');

describe('join codes', () => {
  it('cannot be found by trying codes, while the class behind the same address keeps its way in', async () => {
    // A class is in a drill: the trainer and a trainee, all behind one address (a branch's NAT).
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const trainee = await server.join(code, { name: '小王', post: 'agent' });
    const welcome = collect<{ participant: string }>(trainee, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');

    // Someone at the same address tries codes: after 10 failures every guess is refused unseen.
    const messages: string[] = [];
    for (let i = 0; i < 15; i++) messages.push(outcome((await Promise.allSettled([server.client().joinById('ZZZZZZZZ', { name: 'Guess' })]))[0]!));
    expect(messages.filter((m) => /not found/.test(m)).length).toBe(10);
    expect(messages.filter((m) => /too many failed join attempts/.test(m)).length).toBe(5);
    // A made-up key or token is no way round it, and does not tell whether a code exists.
    await expect(server.client().joinById(code, { name: 'New', participant: 'x'.repeat(22) })).rejects.toThrow(/too many failed join attempts/);
    await expect(server.client().joinById(code, { trainerKey: 'y'.repeat(22) })).rejects.toThrow(/too many failed join attempts/);
    // A newcomer without a secret waits too; that is the price of the guesser's tries.
    await expect(server.client().joinById(code, { name: 'New' })).rejects.toThrow(/too many failed join attempts/);

    // The real trainer key and the trainee's seat token still open the drill.
    await trainer.leave();
    const back = await server.join(code, { trainerKey: trainerKey! });
    await trainee.leave(false);
    const again = await server.join(code, { name: '小王', participant: welcome[0]!.participant });
    await until(() => back.state.seats?.get('agent')?.connected === true, 'the trainee back at the post');
    expect(back.state.seats.get('agent')!.holder).toBe('小王');
    await Promise.all([back.leave(), again.leave()]);
  });
});
