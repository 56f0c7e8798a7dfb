import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillInput } from '../../shared/protocol/intents.js';
import { CLOSE_CODES } from '../../shared/protocol/messages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 5 });
});
afterAll(async () => server.close());

const board = async (post: string) => ((await (await fetch(`${server.url}/api/leaderboard?scenario=mini-outage&mode=solo&post=${post}`)).json()) as { rows: { name: string; total: number }[] }).rows;

/** Answers the first open response of whatever waits at the player's post, until stopped. */
function answer(room: Room, post: string): () => void {
  const timer = setInterval(() => {
    const card = panelsOf(room).get(post)?.waiting.at(0);
    const option = card && (card.responses as { id: string; available: boolean }[]).find((o) => o.available);
    if (card && option) room.send('intent', { intent: { type: 'respond', npc: card.id, response: option.id } });
  }, 40);
  return () => clearInterval(timer);
}

describe('solo practice', () => {
  it('keeps the player on the solo post: hops and a second player are refused, and the result is ranked on that post', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'novice', speed: 1200 });
    const me = await server.join(code, { name: 'Hopper' });
    const refusals = collect<{ code: string; type: string }>(me, 'rejected');
    await until(() => me.state.seats?.get('pr')?.kind === 'human', 'the solo seat');
    await expect(server.client().joinById(code, { name: 'Second', post: 'agent' })).rejects.toThrow(/already has its player/);
    me.send('ready', { ready: true });
    await until(() => me.state.phase === 'running', 'the start');
    for (const post of ['agent', 'manager', 'commander']) me.send('seat', { action: 'take', post });
    me.send('seat', { action: 'release', post: 'pr' });
    await until(() => refusals.filter((r) => r.type === 'seat').length === 4, 'four refusals');
    expect(new Set(refusals.filter((r) => r.type === 'seat').map((r) => r.code))).toEqual(new Set(['not-allowed']));
    expect(me.state.seats.get('pr')!.holder).toBe('Hopper');
    const stop = answer(me, 'pr');
    const ended = collect<{ record: string; total: number }>(me, 'ended');
    await until(() => ended.length === 1, 'the end', 60_000);
    stop();
    const record = (await server.services.store.getDrill(ended[0]!.record))!;
    // Every move at a bot's post was the bot's; every move at the solo post was the player's.
    const moves = record.inputs.filter((i): i is Extract<DrillInput, { intent: unknown }> => 'intent' in i);
    expect(moves.filter((m) => m.post !== 'pr').every((m) => m.by === 'bot')).toBe(true);
    expect(moves.filter((m) => m.post === 'pr').every((m) => m.by !== 'bot')).toBe(true);
    expect((await board('pr')).map((r) => r.name)).toContain('Hopper');
    for (const post of ['agent', 'manager', 'commander']) expect((await board(post)).map((r) => r.name)).not.toContain('Hopper');
    await me.leave();
  }, 90_000);

  it('pauses while its player is away, instead of letting a bot play for them, and goes on when they are back', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'agent', skill: 'expert', speed: 120 });
    const me = await server.join(code, { name: 'Dropped' });
    const welcome = collect<{ participant: string }>(me, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');
    me.send('ready', { ready: true });
    await until(() => me.state.phase === 'running', 'the start');
    me.connection.close();
    const back = await (async () => {
      for (;;) {
        try {
          return await server.join(code, { name: 'Dropped', participant: welcome[0]!.participant });
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })();
    await until(() => back.state.phase !== undefined, 'the state');
    // While it was away the drill stood still and no bot answered at the player's post.
    await until(() => back.state.phase === 'running', 'the drill to go on');
    expect(back.state.seats.get('agent')).toMatchObject({ holder: 'Dropped', kind: 'human', connected: true });
    back.send('clock', { action: 'pause' });
    await until(() => back.state.phase === 'paused', 'the pause');
    const ended = collect<{ record: string }>(back, 'ended');
    back.send('clock', { action: 'resume' });
    await until(() => back.state.phase === 'running', 'the resume');
    back.send('clock', { action: 'speed', speed: 3600 });
    await until(() => ended.length === 1, 'the end', 60_000);
    const record = (await server.services.store.getDrill(ended[0]!.record))!;
    expect(record.inputs.some((i) => 'intent' in i && i.post === 'agent' && i.by === 'bot')).toBe(false);
    expect(record.inputs.some((i) => 'seat' in i)).toBe(false);
    await back.leave();
  }, 90_000);
});

describe('verification of a stored solo result', () => {
  it('refuses a result whose bot-post moves were edited, or whose solo moves were credited to a bot', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'manager', skill: 'novice', speed: 2400 });
    const me = await server.join(code, { name: 'Editor' });
    await until(() => me.state.seats?.get('manager')?.kind === 'human', 'the seat');
    const ended = collect<{ record: string }>(me, 'ended');
    me.send('ready', { ready: true });
    const stop = answer(me, 'manager');
    await until(() => ended.length === 1, 'the end', 60_000);
    stop();
    await me.leave();
    expect((await board('manager')).map((r) => r.name)).toContain('Editor');
    const id = ended[0]!.record;
    const record = (await server.services.store.getDrill(id))!;
    const db = server.services.store.unsafeKysely();

    // A novice bot's move at another post swapped for a different answer to the same card.
    const scenario = server.services.scenarios.get('mini-outage')!.scenario;
    const inputs = structuredClone(record.inputs);
    const at = inputs.findIndex((i) => 'intent' in i && i.by === 'bot' && i.intent.type === 'respond');
    expect(at).toBeGreaterThan(0);
    const move = inputs[at] as { intent: { type: 'respond'; response: string } };
    const card = scenario.interactions.find((x) => x.responses.some((r) => r.id === move.intent.response))!;
    move.intent.response = card.responses.find((r) => r.id !== move.intent.response)!.id;
    await db.updateTable('drills').set({ inputs: JSON.stringify(inputs) }).where('id', '=', id).execute();
    server.errors.length = 0;
    expect((await board('manager')).map((r) => r.name)).not.toContain('Editor');
    expect(server.errors.join('\n')).toMatch(new RegExp(`drill ${id}.*refused`));

    // The player's own moves passed off as a bot's (or the other way round): refused too.
    const relabelled = record.inputs.map((i) => ('intent' in i && i.post === 'manager' ? { ...i, by: 'bot' } : i));
    await db.updateTable('drills').set({ inputs: JSON.stringify(relabelled) }).where('id', '=', id).execute();
    expect((await board('manager')).map((r) => r.name)).not.toContain('Editor');
  }, 90_000);
});

describe('a participant token used by two connections', () => {
  it('gives the seat to the newer connection and closes the older with a reason', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const first = await server.join(code, { name: 'Twin', post: 'pr' });
    const welcome = collect<{ participant: string }>(first, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');
    const closes: number[] = [];
    first.onLeave((c) => closes.push(c));
    const second = await server.join(code, { name: 'Someone else', participant: welcome[0]!.participant });
    await until(() => closes.length === 1, 'the older connection to close');
    expect(closes[0]).toBe(CLOSE_CODES.replaced);
    await until(() => trainer.state.seats.get('pr')?.connected === true, 'the seat held by the newer connection');
    expect(trainer.state.seats.get('pr')!.holder).toBe('Twin');
    const refusals = collect(second, 'rejected');
    second.send('ready', { ref: 1, ready: true });
    await until(() => trainer.state.seats.get('pr')?.ready === true, 'the newer connection acting for the seat');
    expect(refusals).toEqual([]);
    await Promise.all([trainer.leave(), second.leave()]);
  });
});
