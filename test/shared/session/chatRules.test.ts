import { describe, expect, it } from 'vitest';
import { CHAT_MAX_CHARS, CHAT_RATE, ChatChannelSchema, pairChannel, pairPosts } from '../../../shared/protocol/chat.js';
import { canReadChannel, channelFor, channelsFor, chatSent, chatTextOf, chatTooFast, senderOf } from '../../../shared/session/chatRules.js';
import type { Role } from '../../../shared/session/session.js';

const POSTS = ['manager', 'agent', 'pr', 'commander'];
const ROLES: Role[] = ['trainer', 'player', 'spectator'];
const HOLDINGS = [undefined, ...POSTS];
const CHANNELS = ['team', ...POSTS.flatMap((a, i) => POSTS.slice(i + 1).map((b) => pairChannel(a, b)))];
const code = (outcome: { ok: boolean; rejection?: { code: string } }) => (outcome.ok ? undefined : outcome.rejection!.code);

describe('chat channels', () => {
  it('writes a pair one way whatever the order, and reads it back', () => {
    expect(pairChannel('pr', 'agent')).toBe('agent~pr');
    expect(pairChannel('agent', 'pr')).toBe('agent~pr');
    expect(pairPosts('agent~pr')).toEqual(['agent', 'pr']);
    for (const bad of ['team', 'pr~agent', 'agent~agent', 'agent', 'a~b~c', 'Agent~pr', '~pr', 'agent~']) expect(pairPosts(bad), bad).toBeNull();
    for (const channel of CHANNELS) expect(ChatChannelSchema.safeParse(channel).success, channel).toBe(true);
    expect(ChatChannelSchema.safeParse('pr~agent').success).toBe(false);
  });

  it('lets the trainer read every channel, a player the team and their post’s pairs, spectators and players without a post the team only', () => {
    for (const role of ROLES)
      for (const post of HOLDINGS)
        for (const channel of CHANNELS) {
          const expected = role === 'trainer' || channel === 'team' || (role === 'player' && post !== undefined && pairPosts(channel)!.includes(post));
          expect(canReadChannel({ role, post }, channel), `${role} at ${post ?? 'no post'} reads ${channel}`).toBe(expected);
        }
  });

  it('lists every channel a person reads, team first, the pairs in the posts\' order, and nothing it may not read', () => {
    for (const role of ROLES)
      for (const post of HOLDINGS) expect(channelsFor({ role, post }, POSTS)).toEqual(CHANNELS.filter((c) => canReadChannel({ role, post }, c)));
    expect(channelsFor({ role: 'player', post: 'pr' }, POSTS)).toEqual(['team', 'manager~pr', 'agent~pr', 'commander~pr']);
  });

  it('resolves what each writer asks for: team, a post (a pair with one’s own), a pair written out', () => {
    for (const role of ['trainer', 'player'] as const)
      for (const post of HOLDINGS)
        for (const asked of [...CHANNELS, ...POSTS, 'lobby', 'nobody', 'pr~nobody', 'pr~agent', '', 'toString', 'x'.repeat(200)]) {
          const got = channelFor(POSTS, { role, post }, asked);
          let expected: string | undefined;
          let channel: string | undefined;
          const pair = pairPosts(asked);
          if (asked === 'team') channel = 'team';
          else if (pair) {
            if (role === 'player' && !pair.includes(post!)) expected = 'not-your-channel';
            else channel = asked;
          } else if (!POSTS.includes(asked)) expected = 'unknown-channel';
          else if (post === undefined) expected = 'unknown-channel';
          else if (asked === post) expected = 'own-channel';
          else channel = pairChannel(post, asked);
          const what = `${role} at ${post ?? 'no post'} asks for ${JSON.stringify(asked.slice(0, 20))}`;
          expect(code(got), what).toBe(expected);
          if (got.ok) expect(got.value, what).toBe(channel);
          else expect(got.rejection.reason.length, what).toBeLessThan(200);
        }
  });
});

describe('chat text', () => {
  it('trims, and takes 1 to 280 characters counted as a reader counts them', () => {
    expect(chatTextOf('  hello team  ')).toEqual({ ok: true, value: 'hello team' });
    expect(code(chatTextOf(''))).toBe('chat-empty');
    expect(code(chatTextOf(' \t \n '))).toBe('chat-empty');
    expect(chatTextOf('a'.repeat(CHAT_MAX_CHARS))).toEqual({ ok: true, value: 'a'.repeat(CHAT_MAX_CHARS) });
    expect(code(chatTextOf('a'.repeat(CHAT_MAX_CHARS + 1)))).toBe('chat-too-long');
    // 280 Chinese characters and 280 emoji (two UTF-16 units each) are 280 characters.
    expect(chatTextOf('核'.repeat(CHAT_MAX_CHARS)).ok).toBe(true);
    expect(chatTextOf('😀'.repeat(CHAT_MAX_CHARS)).ok).toBe(true);
    expect(code(chatTextOf('😀'.repeat(CHAT_MAX_CHARS + 1)))).toBe('chat-too-long');
  });

  it('refuses control characters, line breaks inside a line and direction overrides', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\rb', 'a\tb', 'a\u0007b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u202eb', 'a\u2066b']) expect(code(chatTextOf(bad)), JSON.stringify(bad)).toBe('chat-bad-text');
  });

  it('keeps markup as it was written: escaping is for whoever shows it', () => {
    expect(chatTextOf('<script>alert(1)</script> & "x"')).toEqual({ ok: true, value: '<script>alert(1)</script> & "x"' });
  });
});

describe('chat rate', () => {
  it('allows 5 lines in any 10 seconds of real time, and one more as soon as the oldest is 10 s old', () => {
    let sent: number[] = [];
    for (let i = 0; i < CHAT_RATE.messages; i++) {
      expect(chatTooFast(sent, 1000 + i * 100)).toBe(false);
      sent = chatSent(sent, 1000 + i * 100);
    }
    expect(chatTooFast(sent, 1500)).toBe(true);
    expect(chatTooFast(sent, 1000 + CHAT_RATE.windowMs - 1)).toBe(true);
    expect(chatTooFast(sent, 1000 + CHAT_RATE.windowMs)).toBe(false);
    sent = chatSent(sent, 1000 + CHAT_RATE.windowMs);
    // Only what can still count is kept.
    expect(sent.length).toBe(CHAT_RATE.messages);
    expect(chatTooFast(sent, 1000 + CHAT_RATE.windowMs)).toBe(true);
  });
});

describe('chat senders', () => {
  it('shows the trainer as the trainer even at a post, a player by name and post', () => {
    expect(senderOf({ role: 'trainer', name: 'trainer', post: 'pr' })).toEqual({ trainer: true, name: 'trainer' });
    expect(senderOf({ role: 'player', name: 'Li', post: 'pr' })).toEqual({ post: 'pr', name: 'Li' });
    expect(() => senderOf({ role: 'player', name: 'Li' })).toThrow();
  });
});
