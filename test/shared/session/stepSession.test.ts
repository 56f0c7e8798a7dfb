import { describe, expect, it } from 'vitest';
import { authorize, stepSession } from '../../../shared/session/stepSession.js';
import { harness, miniIndex as index } from '../../helpers/sessionHarness.js';

describe('the session', () => {
  it('welcomes each person with their role and post, and gives a new player the post asked for', () => {
    const h = harness('training');
    const t = h.join('trainer', 'trainer');
    const li = h.join('Li', 'player', 'agent');
    expect(h.of(t, 'welcome')[0]).toMatchObject({ role: 'trainer', post: null, mode: 'training' });
    expect(h.of(t, 'welcome')[0].injects.length).toBeGreaterThan(0);
    expect(h.of(li, 'welcome')[0]).toMatchObject({ role: 'player', post: 'agent', participant: li });
    expect(h.of(li, 'welcome')[0].injects).toBeUndefined();
  });

  it('starts a training drill on the trainer’s word only, and takes a move only from the post’s holder', () => {
    const h = harness('training');
    const t = h.join('trainer', 'trainer');
    const li = h.join('Li', 'player', 'agent');
    h.say(li, 'clock', { ref: 1, action: 'start' });
    expect(h.of(li, 'rejected')[0]).toMatchObject({ code: 'not-allowed', ref: 1, type: 'clock' });
    h.say(t, 'clock', { action: 'start' });
    expect(h.session.phase).toBe('running');
    for (let i = 0; i < 20 && !h.panels(li).at(-1)?.waiting.length; i++) h.tick(100);
    const card = h.panels(li).at(-1)!.waiting[0]!;
    expect(card).toBeDefined();
    h.say(li, 'intent', { ref: 2, intent: { type: 'respond', npc: card.id, response: card.responses.find((r) => r.available)!.id } });
    expect(h.of(li, 'rejected').filter((r) => r.ref === 2)).toEqual([]);
    expect(h.session.driver.log.some((i) => 'intent' in i && i.by === h.session.people.get(li)!.id)).toBe(true);
  });

  it('starts a team drill when every seated player is ready, pauses it when nobody is there, and goes on when someone is back', () => {
    const h = harness('team');
    const a = h.join('A', 'player', 'agent');
    const b = h.join('B', 'player', 'pr');
    h.say(a, 'ready', { ready: true });
    expect(h.session.phase).toBe('lobby');
    h.say(b, 'ready', { ready: true });
    expect(h.session.phase).toBe('running');
    h.step({ type: 'disconnect', now: 0, token: a });
    expect(h.session.phase).toBe('running');
    h.step({ type: 'disconnect', now: 0, token: b });
    expect(h.session.phase).toBe('paused');
    expect(h.all.some((e) => e.type === 'checkpointNow')).toBe(true);
    h.step({ type: 'reconnect', now: 0, token: b });
    expect(h.session.phase).toBe('running');
  });

  it('keeps a solo player on the solo post, pauses rather than let a bot play for them, and refuses a second player', () => {
    const h = harness('solo', 'pr');
    const me = h.join('Me');
    expect(h.of(me, 'welcome')[0].post).toBe('pr');
    expect(authorize(h.session, { name: 'Second' }, 0)).toMatchObject({ ok: false, failure: false });
    h.say(me, 'seat', { ref: 3, action: 'take', post: 'agent' });
    expect(h.of(me, 'rejected').at(-1)).toMatchObject({ code: 'not-allowed', ref: 3 });
    h.say(me, 'ready', { ready: true });
    expect(h.session.phase).toBe('running');
    h.step({ type: 'disconnect', now: 0, token: me });
    expect(h.session.phase).toBe('paused');
    expect(h.session.driver.log.some((i) => 'seat' in i)).toBe(false);
    h.step({ type: 'reconnect', now: 0, token: me });
    expect(h.session.phase).toBe('running');
  });

  it('sends each player only the events and the panel of their own room, and the trainer all of them', () => {
    const h = harness('training');
    const t = h.join('trainer', 'trainer');
    const phone = h.join('Phone', 'player', 'agent');
    h.say(t, 'clock', { action: 'start' });
    for (let i = 0; i < 30; i++) h.tick(10_000);
    const phoneRoom = index.postRoom.get('agent');
    const seen = h.of(phone, 'events').flat();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e: any) => e.room === undefined || e.room === phoneRoom)).toBe(true);
    expect(new Set(h.panels(phone).map((p) => p.post))).toEqual(new Set(['agent']));
    expect(new Set(h.panels(t).map((p) => p.post))).toEqual(new Set(index.scenario.posts.map((p) => p.id)));
    expect(h.of(t, 'events').flat().length).toBeGreaterThan(seen.length);
  });

  it('answers a seat change with `seated` and the new post’s panel', () => {
    const h = harness('training');
    h.join('trainer', 'trainer');
    const li = h.join('Li', 'player', 'agent');
    h.say(li, 'seat', { ref: 9, action: 'take', post: 'pr' });
    expect(h.of(li, 'seated').at(-1)).toEqual({ post: 'pr', ref: 9 });
    expect(h.panels(li).at(-1)!.post).toBe('pr');
  });

  it('refuses what is not a message of ours, and throttled messages, with their codes', () => {
    const h = harness('training');
    const li = h.join('Li');
    h.say(li, 'toString', { ref: 4 });
    h.step({ type: 'message', now: 0, token: li, messageType: 'ready', raw: { ref: 5, ready: true }, throttled: true });
    expect(h.of(li, 'rejected').map((r) => [r.ref, r.code])).toEqual([
      [4, 'unknown-type'],
      [5, 'rate-limited'],
    ]);
  });

  it('closes an empty room after the grace, and winds a started drill up as abandoned', () => {
    const h = harness('training');
    const t = h.join('trainer', 'trainer');
    h.say(t, 'clock', { action: 'start' });
    h.session.speed = 1;
    h.step({ type: 'farewell', now: 0, token: t });
    expect(h.tick(30_000).some((e) => e.type === 'closeRoom')).toBe(false);
    expect(h.tick(31_000).some((e) => e.type === 'closeRoom')).toBe(true);
    expect(stepSession(h.session, { type: 'dispose' })).toEqual([{ type: 'finish', abandoned: true }]);
    expect(h.session.phase).toBe('abandoned');
  });
});
