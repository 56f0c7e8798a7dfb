import { describe, expect, it } from 'vitest';
import { replay } from '../../../shared/replay/replay.js';
import { CHAT_HISTORY_PER_CHANNEL, CHAT_MAX_LINES, CHAT_RATE } from '../../../shared/protocol/chat.js';
import type { DrillInput } from '../../../shared/protocol/intents.js';
import { SERVER_MESSAGE_SCHEMAS } from '../../../shared/protocol/serverMessages.js';
import { chatLinesOf, historyFor } from '../../../shared/session/chat.js';
import { regenerateLog } from '../../../shared/session/regenerateLog.js';
import { botRoster, restoreSession } from '../../../shared/session/session.js';
import { harness, miniIndex as index, newSession } from '../../helpers/sessionHarness.js';

/** A running training drill: the trainer, Li at the phone (agent), Wang in the newsroom (pr), a spectator. */
function classroom() {
  const h = harness('training');
  const trainer = h.join('trainer', 'trainer');
  const li = h.join('Li', 'player', 'agent');
  const wang = h.join('Wang', 'player', 'pr');
  const watcher = h.join('watcher', 'spectator');
  h.say(trainer, 'clock', { action: 'start' });
  h.tick(100);
  return { h, trainer, li, wang, watcher, everyone: [trainer, li, wang, watcher] };
}

describe('team chat in a session', () => {
  it('sends a team line to everyone, a pair line to its two posts and the trainer, and logs both outside the drill', () => {
    const { h, trainer, li, wang, watcher } = classroom();
    h.say(li, 'chat', { channel: 'team', text: '  Calls are piling up  ' });
    h.say(li, 'chat', { channel: 'pr', text: 'Do we have a line for callers?' });
    for (const who of [trainer, li, wang, watcher]) expect(h.of(who, 'chat')[0]).toMatchObject({ seq: 1, channel: 'team', from: { post: 'agent', name: 'Li' }, text: 'Calls are piling up', at: h.clock() });
    for (const who of [trainer, li, wang]) expect(h.of(who, 'chat')[1]).toMatchObject({ seq: 2, channel: 'agent~pr', text: 'Do we have a line for callers?' });
    expect(h.of(watcher, 'chat')).toHaveLength(1);
    for (const who of [trainer, li, wang, watcher]) for (const line of h.of(who, 'chat')) expect(SERVER_MESSAGE_SCHEMAS.chat.safeParse(line).success).toBe(true);
    const logged = h.session.driver.log.filter((i) => 'chat' in i);
    expect(logged).toEqual([
      { at: h.clock(), chat: { channel: 'team', text: 'Calls are piling up', from: { post: 'agent', name: 'Li' } }, by: h.session.people.get(li)!.id },
      { at: h.clock(), chat: { channel: 'agent~pr', text: 'Do we have a line for callers?', from: { post: 'agent', name: 'Li' } }, by: h.session.people.get(li)!.id },
    ]);
    expect(h.of(li, 'rejected')).toEqual([]);
  });

  it('lets the trainer write to any channel as the trainer, and a pair with a bot-held post reaches only the trainer', () => {
    const { h, trainer, li, wang, watcher } = classroom();
    h.say(trainer, 'chat', { channel: 'agent~pr', text: 'Agree one line first' });
    h.say(trainer, 'chat', { channel: 'team', text: 'Ten minutes to the regulator' });
    h.say(li, 'chat', { channel: 'commander', text: 'Anyone in ops?' });
    expect(h.of(trainer, 'rejected')).toEqual([]);
    expect(h.of(li, 'chat').map((l) => l.text)).toEqual(['Agree one line first', 'Ten minutes to the regulator', 'Anyone in ops?']);
    expect(h.of(wang, 'chat').map((l) => l.text)).toEqual(['Agree one line first', 'Ten minutes to the regulator']);
    expect(h.of(watcher, 'chat').map((l) => l.text)).toEqual(['Ten minutes to the regulator']);
    expect(h.of(trainer, 'chat').map((l) => l.channel)).toEqual(['agent~pr', 'team', 'agent~commander']);
    expect(h.of(trainer, 'chat')[0].from).toEqual({ trainer: true, name: 'trainer' });
    // A bare post id names a pair with one's own post: the trainer holds none.
    h.say(trainer, 'chat', { ref: 9, channel: 'pr', text: 'hello' });
    expect(h.of(trainer, 'rejected')).toMatchObject([{ code: 'unknown-channel', ref: 9, type: 'chat' }]);
  });

  it('refuses hostile lines with a clear code, and a refusal changes nothing', () => {
    const { h, li, wang, watcher, everyone } = classroom();
    const cases: [string, object, string][] = [
      [watcher, { channel: 'team', text: 'hi' }, 'not-allowed'],
      [li, { channel: 'team', text: 42 }, 'bad-message'],
      [li, { channel: ['team'], text: 'hi' }, 'bad-message'],
      [li, { channel: 'team' }, 'bad-message'],
      [li, { channel: 'team', text: 'hi', extra: 1 }, 'bad-message'],
      [li, { channel: 'team', text: 'x'.repeat(5000) }, 'bad-message'],
      [li, { channel: 'team', text: '   ' }, 'chat-empty'],
      [li, { channel: 'team', text: 'y'.repeat(281) }, 'chat-too-long'],
      [li, { channel: 'team', text: 'bell\u0007' + 'x' }, 'chat-bad-text'],
      [li, { channel: 'team', text: 'two\nlines' }, 'chat-bad-text'],
      [li, { channel: 'vault', text: 'hi' }, 'unknown-channel'],
      [li, { channel: 'toString', text: 'hi' }, 'unknown-channel'],
      [li, { channel: 'agent', text: 'hi' }, 'own-channel'],
      [li, { channel: 'commander~pr', text: 'hi' }, 'not-your-channel'],
      [wang, { channel: 'pr~vault', text: 'hi' }, 'unknown-channel'],
    ];
    const logBefore = JSON.stringify(h.session.driver.log);
    const stateBefore = JSON.stringify(h.session.driver.state);
    cases.forEach(([who, raw, expected], ref) => h.say(who, 'chat', { ...raw, ref }));
    const refusals = [...new Set(cases.map(([who]) => who))].flatMap((who) => h.of(who, 'rejected'));
    for (const [ref, [, , expected]] of cases.entries()) expect(refusals.find((r) => r.ref === ref)?.code, JSON.stringify(cases[ref]![1]).slice(0, 60)).toBe(expected);
    expect(JSON.stringify(h.session.driver.log)).toBe(logBefore);
    expect(JSON.stringify(h.session.driver.state)).toBe(stateBefore);
    expect(h.session.chatLines).toEqual([]);
    for (const who of everyone) expect(h.of(who, 'chat')).toEqual([]);
    // The drill goes on.
    h.tick(1000);
    expect(h.session.phase).toBe('running');
    h.say(li, 'chat', { channel: 'team', text: 'still here' });
    expect(h.of(wang, 'chat')).toHaveLength(1);
  });

  it('holds each writer to 5 lines in 10 s of real time, refusals not counting', () => {
    const { h, li, wang } = classroom();
    for (let i = 0; i < CHAT_RATE.messages; i++) h.say(li, 'chat', { channel: 'team', text: `line ${i}` });
    h.say(li, 'chat', { ref: 1, channel: 'team', text: 'one too many' });
    expect(h.of(li, 'rejected')).toMatchObject([{ code: 'chat-too-fast', ref: 1 }]);
    // Someone else is not held back by Li.
    h.say(wang, 'chat', { channel: 'team', text: 'mine' });
    expect(h.of(wang, 'rejected')).toEqual([]);
    h.wait(CHAT_RATE.windowMs - 1);
    h.say(li, 'chat', { ref: 2, channel: 'team', text: 'still too soon' });
    expect(h.of(li, 'rejected').map((r) => r.ref)).toEqual([1, 2]);
    h.wait(1);
    h.say(li, 'chat', { ref: 3, channel: 'team', text: 'now' });
    expect(h.of(li, 'rejected').map((r) => r.ref)).toEqual([1, 2]);
    expect(h.session.chatLines.map((l) => l.text)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'mine', 'now']);
  });

  it('opens with the clock, stays open while paused, and closes with the drill', () => {
    const h = harness('training');
    const trainer = h.join('trainer', 'trainer');
    const li = h.join('Li', 'player', 'agent');
    const nobody = h.join('Zhao', 'player');
    h.say(trainer, 'post', { action: 'free', post: h.session.people.get(nobody)!.post ?? 'manager' });
    h.say(li, 'chat', { ref: 1, channel: 'team', text: 'early' });
    h.say(trainer, 'clock', { action: 'start' });
    h.say(nobody, 'chat', { ref: 2, channel: 'team', text: 'no post' });
    h.say(trainer, 'clock', { action: 'pause' });
    h.say(li, 'chat', { ref: 3, channel: 'team', text: 'paused' });
    h.say(trainer, 'control', { control: { type: 'end' } });
    h.say(li, 'chat', { ref: 4, channel: 'team', text: 'late' });
    expect(h.of(li, 'rejected').map((r) => [r.ref, r.code])).toEqual([
      [1, 'wrong-phase'],
      [4, 'drill-ended'],
    ]);
    expect(h.of(nobody, 'rejected').map((r) => [r.ref, r.code])).toEqual([[2, 'no-post']]);
    expect(h.session.chatLines.map((l) => l.text)).toEqual(['paused']);
  });

  it('keeps at most 5000 lines in a drill, so that its log stays small enough to replay', () => {
    const { h, li } = classroom();
    // As if the drill had had its lines already (writing them for real would take hours of the rate).
    const line = { seq: 1, channel: 'team', from: { post: 'pr', name: 'Wang' }, text: 'x', at: h.clock() };
    h.session.chatLines.push(...Array.from({ length: CHAT_MAX_LINES }, (_, i) => ({ ...line, seq: i + 1 })));
    h.say(li, 'chat', { ref: 1, channel: 'team', text: 'one more' });
    expect(h.of(li, 'rejected')).toMatchObject([{ code: 'chat-full', ref: 1 }]);
    expect(h.session.driver.log.some((i) => 'chat' in i)).toBe(false);
  });

  it('has no chat in solo practice', () => {
    const h = harness('solo', 'agent');
    const me = h.join('Me', 'player');
    h.say(me, 'ready', { ready: true });
    expect(h.session.phase).toBe('running');
    h.say(me, 'chat', { channel: 'team', text: 'hello bots' });
    expect(h.of(me, 'rejected')).toMatchObject([{ code: 'chat-unavailable' }]);
    expect(h.session.driver.log.some((i) => 'chat' in i)).toBe(false);
  });

  it('gives whoever joins, comes back or changes post the chat they may read now', () => {
    const { h, trainer, li, wang } = classroom();
    h.say(li, 'chat', { channel: 'team', text: 'team line' });
    h.say(li, 'chat', { channel: 'pr', text: 'pair line' });
    const late = h.join('late', 'spectator');
    expect(h.of(late, 'chatHistory')).toEqual([{ lines: [expect.objectContaining({ seq: 1, text: 'team line' })] }]);
    h.step({ type: 'disconnect', now: 0, token: wang });
    h.say(li, 'chat', { channel: 'pr', text: 'while you were away' });
    h.step({ type: 'reconnect', now: 0, token: wang });
    expect(h.of(wang, 'chatHistory').at(-1).lines.map((l: { text: string }) => l.text)).toEqual(['team line', 'pair line', 'while you were away']);
    // Freed from the newsroom, Wang reads the team channel only.
    h.say(trainer, 'post', { action: 'free', post: 'pr' });
    expect(h.of(wang, 'chatHistory').at(-1).lines.map((l: { text: string }) => l.text)).toEqual(['team line']);
    for (const m of h.of(wang, 'chatHistory')) expect(SERVER_MESSAGE_SCHEMAS.chatHistory.safeParse(m).success).toBe(true);
  });

  it('keeps at most 50 lines of each channel in a history', () => {
    const { h, trainer, li } = classroom();
    for (let i = 0; i < 60; i++) {
      if (i % CHAT_RATE.messages === 0) h.wait(CHAT_RATE.windowMs);
      h.say(li, 'chat', { channel: 'team', text: `team ${i}` });
      h.say(trainer, 'chat', { channel: 'agent~pr', text: `pair ${i}` });
    }
    const shown = historyFor(h.session.chatLines, { role: 'player', post: 'agent' });
    expect(shown).toHaveLength(2 * CHAT_HISTORY_PER_CHANNEL);
    expect(shown.filter((l) => l.channel === 'team').map((l) => l.text)).toEqual(Array.from({ length: 50 }, (_, i) => `team ${i + 10}`));
    expect(shown.map((l) => l.seq)).toEqual([...shown.map((l) => l.seq)].sort((a, b) => a - b));
    expect(historyFor(h.session.chatLines, { role: 'spectator' })).toHaveLength(CHAT_HISTORY_PER_CHANNEL);
  });
});

describe('chat in the input log', () => {
  /** A classroom drill with chat among the moves, played on a while. */
  function playedWithChat() {
    const { h, trainer, li, wang } = classroom();
    h.say(li, 'chat', { channel: 'team', text: 'first' });
    for (let i = 0; i < 3; i++) h.tick(100);
    h.say(wang, 'chat', { channel: 'agent', text: 'second' });
    h.say(trainer, 'chat', { channel: 'commander~manager', text: 'third' });
    for (let i = 0; i < 3; i++) h.tick(100);
    return h;
  }

  it('re-runs to itself from the seed (the verifier and a restart), chat entries included', () => {
    const h = playedWithChat();
    const log = h.session.driver.log;
    expect(log.filter((i) => 'chat' in i)).toHaveLength(3);
    const again = regenerateLog(index, { seed: 7, roster: botRoster(index, 'competent') }, log, h.clock());
    expect(again.ok).toBe(true);
  });

  it('changes nothing in the drill: a replay with chat gives the same state and events as without', () => {
    const h = playedWithChat();
    const log = h.session.driver.log;
    const without = log.filter((i) => !('chat' in i));
    const setup = { seed: 7, roster: botRoster(index, 'competent') };
    const a = replay(index.scenario, setup, log, h.clock());
    const b = replay(index.scenario, setup, without, h.clock());
    expect(a.rejected).toEqual([]);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });

  it('refuses a chat line edited in the log, like any other entry', () => {
    const h = playedWithChat();
    const forged: DrillInput[] = h.session.driver.log.map((i) => ('chat' in i && i.chat.text === 'second' ? { ...i, at: i.at + 1 } : i));
    expect(regenerateLog(index, { seed: 7, roster: botRoster(index, 'competent') }, forged, h.clock())).toMatchObject({ ok: false });
  });

  it('brings a restored drill back with the same history', () => {
    const h = playedWithChat();
    const s = h.session;
    const restored = restoreSession(index, 7, s.terms, s.times, s.speed, s.driver.log, s.driver.state.clock, 0);
    expect(restored.chatLines).toEqual(s.chatLines);
    expect(chatLinesOf(restored.driver.log)).toEqual(s.chatLines);
    expect(restored.chatLines.map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('is not in a drill nobody chatted in', () => {
    expect(newSession('team').chatLines).toEqual([]);
  });
});
