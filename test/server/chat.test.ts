import { parse } from 'csv-parse/sync';
import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

// Team chat over real WebSockets: who receives which line, refusals, history on rejoining, and a
// drill with chat stored, verified and shown in its report (a restart: chatRestart.test.ts).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(server.errors).toEqual([]);
  await server.close();
});

const texts = (lines: ChatLine[]) => lines.map((l) => l.text);
const seatOf = (room: Room, post: string) => room.state.seats?.get(post)?.toJSON() as { holder: string; connected: boolean } | undefined;

/** A running training drill at a slow clock: the trainer, Li at the phone (agent), Wang in the newsroom (pr), a spectator. */
async function classroom() {
  const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 30 });
  const trainer = await server.join(code, { trainerKey: trainerKey! });
  const li = await server.join(code, { name: 'Li', post: 'agent' });
  const wang = await server.join(code, { name: 'Wang', post: 'pr' });
  const wangWelcome = collect<{ participant: string }>(wang, 'welcome');
  const watcher = await server.join(code, { spectate: true, trainerKey: trainerKey! });
  const chat = { trainer: collect<ChatLine>(trainer, 'chat'), li: collect<ChatLine>(li, 'chat'), wang: collect<ChatLine>(wang, 'chat'), watcher: collect<ChatLine>(watcher, 'chat') };
  await until(() => seatOf(trainer, 'agent')?.holder === 'Li' && seatOf(trainer, 'pr')?.holder === 'Wang', 'the trainees to sit');
  trainer.send('clock', { action: 'start' });
  await until(() => trainer.state.phase === 'running', 'the start');
  const leave = () => Promise.all([trainer, li, wang, watcher].map((r) => r.leave().catch(() => {})));
  await until(() => wangWelcome.length === 1, 'Wang’s welcome');
  return { code, trainerKey: trainerKey!, trainer, li, wang, wangToken: wangWelcome[0]!.participant, watcher, chat, leave };
}

describe('team chat between posts', () => {
  it('gives each person exactly the lines they may read: the trainer all, trainees their pairs, the spectator the team channel', async () => {
    const c = await classroom();
    c.li.send('chat', { channel: 'team', text: 'Calls are piling up' });
    await until(() => c.chat.trainer.length === 1, 'the first line');
    c.li.send('chat', { channel: 'pr', text: 'Do we have a line for callers?' });
    await until(() => c.chat.wang.length === 2, 'the pair line');
    c.wang.send('chat', { channel: 'agent', text: 'Not yet: say we are checking' });
    await until(() => c.chat.li.length === 3, 'the answer');
    c.trainer.send('chat', { channel: 'agent~pr', text: 'Agree one line first' });
    c.trainer.send('chat', { channel: 'commander~manager', text: 'For the bots only' });
    await until(() => c.chat.trainer.length === 5, 'the trainer’s lines');
    // The last line goes to everyone: once the spectator has it, nothing else is on its way to them.
    c.li.send('chat', { channel: 'team', text: 'Thanks' });
    await until(() => c.chat.watcher.length >= 2 && c.chat.wang.length >= 5 && c.chat.li.length >= 5 && c.chat.trainer.length >= 6, 'the last line');

    expect(texts(c.chat.trainer)).toEqual(['Calls are piling up', 'Do we have a line for callers?', 'Not yet: say we are checking', 'Agree one line first', 'For the bots only', 'Thanks']);
    expect(texts(c.chat.li)).toEqual(['Calls are piling up', 'Do we have a line for callers?', 'Not yet: say we are checking', 'Agree one line first', 'Thanks']);
    expect(texts(c.chat.wang)).toEqual(texts(c.chat.li));
    expect(texts(c.chat.watcher)).toEqual(['Calls are piling up', 'Thanks']);
    expect(c.chat.trainer.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.chat.trainer.map((l) => l.channel)).toEqual(['team', 'agent~pr', 'agent~pr', 'agent~pr', 'commander~manager', 'team']);
    expect(c.chat.li[2]!.from).toEqual({ post: 'pr', name: 'Wang' });
    expect(c.chat.li[3]!.from).toEqual({ trainer: true, name: 'trainer' });
    for (const line of c.chat.trainer) expect(line.at).toBeGreaterThanOrEqual(9 * 3600);
    await c.leave();
  });

  it('refuses hostile lines with clear codes, changes nothing, and the drill goes on', async () => {
    const c = await classroom();
    const refused = { li: collect(c.li, 'rejected'), watcher: collect(c.watcher, 'rejected') };
    c.watcher.send('chat', { ref: 1, channel: 'team', text: 'let me in' });
    const hostile: [object, string][] = [
      [{ channel: 'team', text: 42 }, 'bad-message'],
      [{ channel: { team: true }, text: 'hi' }, 'bad-message'],
      [{ channel: 'team', text: 'hi', html: '<b>' }, 'bad-message'],
      [{ channel: 'team', text: '   ' }, 'chat-empty'],
      [{ channel: 'team', text: '长'.repeat(281) }, 'chat-too-long'],
      [{ channel: 'team', text: 'ring\u0007the bell' }, 'chat-bad-text'],
      [{ channel: 'team', text: 'evil\u202Etxt.exe' }, 'chat-bad-text'],
      [{ channel: 'vault', text: 'hi' }, 'unknown-channel'],
      [{ channel: '__proto__', text: 'hi' }, 'unknown-channel'],
      [{ channel: 'agent', text: 'talking to myself' }, 'own-channel'],
      [{ channel: 'commander~pr', text: 'eavesdrop' }, 'not-your-channel'],
    ];
    hostile.forEach(([raw], i) => c.li.send('chat', { ...raw, ref: 10 + i }));
    await until(() => refused.li.length === hostile.length && refused.watcher.length === 1, 'every refusal');
    expect(refused.watcher[0]).toMatchObject({ ref: 1, code: 'not-allowed', type: 'chat' });
    expect(refused.li.map((r) => [r.ref, r.code])).toEqual(hostile.map(([, code], i) => [10 + i, code]));
    // Flooding: five lines in ten seconds, then a clear refusal.
    for (let i = 0; i < 6; i++) c.li.send('chat', { ref: 100 + i, channel: 'team', text: `line ${i}` });
    await until(() => refused.li.length === hostile.length + 1, 'the flood refused');
    expect(refused.li.at(-1)).toMatchObject({ ref: 105, code: 'chat-too-fast' });
    await until(() => c.chat.wang.length === 5, 'the five lines');
    expect(texts(c.chat.wang)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    // Nobody else is held back, and the drill goes on.
    const clock = c.trainer.state.clock;
    c.wang.send('chat', { channel: 'team', text: 'still here' });
    await until(() => c.chat.li.length === 6 && c.trainer.state.clock > clock, 'the drill going on');
    expect(c.trainer.state.phase).toBe('running');
    await c.leave();
  });

  it('gives a page that comes back, or a newcomer, the history it may read', async () => {
    const c = await classroom();
    c.li.send('chat', { channel: 'team', text: 'team line' });
    c.li.send('chat', { channel: 'pr', text: 'pair line' });
    c.trainer.send('chat', { channel: 'commander~manager', text: 'not yours' });
    await until(() => c.chat.trainer.length === 3, 'the lines');
    // Wang's page reloads: a new connection with the seat token.
    c.wang.connection.close(4999, 'page reloaded');
    await until(() => seatOf(c.trainer, 'pr')?.connected === false, 'Wang away');
    c.li.send('chat', { channel: 'pr', text: 'while you were away' });
    await until(() => c.chat.trainer.length === 4, 'the line while away');
    const back = await server.client().joinById(c.code, { name: 'Wang', participant: c.wangToken });
    const history = collect<{ lines: ChatLine[] }>(back, 'chatHistory');
    back.onMessage('*', () => {});
    await until(() => history.length === 1, 'the history');
    expect(texts(history[0]!.lines)).toEqual(['team line', 'pair line', 'while you were away']);
    expect(history[0]!.lines.map((l) => l.seq)).toEqual([1, 2, 4]);
    // A spectator who comes late reads the team channel only.
    const late = await server.client().joinById(c.code, { spectate: true, trainerKey: c.trainerKey });
    const lateHistory = collect<{ lines: ChatLine[] }>(late, 'chatHistory');
    late.onMessage('*', () => {});
    await until(() => lateHistory.length === 1, 'the spectator’s history');
    expect(texts(lateHistory[0]!.lines)).toEqual(['team line']);
    // Wang's first connection is closed already: leaving through it would wait for ever.
    await Promise.all([back, late, c.trainer, c.li, c.watcher].map((r) => r.leave()));
  });
});

describe('a team drill with chat, stored', () => {
  const TEAM = 'Chat Team';
  const SCRIPT = '<script>alert("chat")</script>';
  const FORMULA = '=HYPERLINK("http://evil.example","click")';
  let ended: { record: string; reportToken: string };

  beforeAll(async () => {
    const { code } = await server.createDrill({ mode: 'team', scenario: 'mini-outage', team: TEAM, speed: 600 });
    const a = await server.join(code, { name: 'A', post: 'pr' });
    const b = await server.join(code, { name: 'B', post: 'agent' });
    const refusedA = collect(a, 'rejected');
    const heardB = collect<ChatLine>(b, 'chat');
    const ends = collect(a, 'ended');
    await until(() => seatOf(a, 'pr')?.holder === 'A' && seatOf(a, 'agent')?.holder === 'B', 'both seated');
    a.send('chat', { ref: 1, channel: 'team', text: 'in the lobby' });
    await until(() => refusedA.length === 1, 'the lobby refusal');
    expect(refusedA[0]).toMatchObject({ ref: 1, code: 'wrong-phase' });
    a.send('ready', { ready: true });
    b.send('ready', { ready: true });
    await until(() => a.state.phase === 'running', 'the start');
    // One at a time: lines from two connections may otherwise land in either order.
    a.send('chat', { channel: 'team', text: SCRIPT });
    await until(() => heardB.length === 1, 'the first line');
    b.send('chat', { channel: 'pr', text: FORMULA });
    await until(() => heardB.length === 2, 'the second line');
    a.send('chat', { channel: 'agent', text: '核实后再发声' });
    await until(() => heardB.length === 3, 'the third line');
    await until(() => ends.length === 1, 'the end of the drill', 30_000);
    ended = ends[0];
    await Promise.all([a.leave(), b.leave()]);
  }, 60_000);

  it('is stored with its chat and verified on the team board', async () => {
    const stored = (await server.services.store.getDrill(ended.record))!;
    expect(stored.inputs.filter((i) => 'chat' in i).map((i) => ('chat' in i ? i.chat.text : ''))).toEqual([SCRIPT, FORMULA, '核实后再发声']);
    const board = await (await fetch(`${server.url}/api/leaderboard?scenario=mini-outage&mode=team`)).json();
    expect(board.rows).toEqual(expect.arrayContaining([expect.objectContaining({ name: TEAM, total: stored.total })]));
    const json = await (await fetch(`${server.url}/api/drills/${ended.record}/report.json?token=${ended.reportToken}`)).json();
    expect(json.verified).toBe(true);
  });

  it('shows the chat in the report’s timeline, escaped, with pairs named by their posts', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const html = await (await fetch(`${server.url}/api/drills/${ended.record}/report?token=${ended.reportToken}&lang=${lang}`)).text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(&quot;chat&quot;)&lt;/script&gt;');
      expect(html).toContain('核实后再发声');
      expect(html).toContain(lang === 'en' ? 'Call-centre lead ↔ PR officer' : '坐席 ↔ 公关');
      expect(html).toContain(lang === 'en' ? 'Team channel' : '全队频道');
      expect(html).toContain(lang === 'en' ? 'PR officer (A)' : '公关（A）');
    }
  });

  it('puts the chat in the CSV export, a formula kept as text', async () => {
    const csv = await (await fetch(`${server.url}/api/drills/${ended.record}/report.csv?token=${ended.reportToken}&lang=en`)).text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const chat = rows.filter((r) => r.kind === 'chat');
    expect(chat.map((r) => [r.post, r.who, r.situation, r.choice])).toEqual([
      ['pr', 'PR officer (A)', 'Team channel', SCRIPT],
      ['agent', 'Call-centre lead (B)', 'Call-centre lead ↔ PR officer', `'${FORMULA}`],
      ['pr', 'PR officer (A)', 'Call-centre lead ↔ PR officer', '核实后再发声'],
    ]);
    for (const r of chat) expect([r.seq, r.time!.length > 0, r.by!.startsWith('p')]).toEqual(['', true, true]);
    // Decisions and chat in clock order.
    const times = rows.map((r) => r.time);
    expect(times).toEqual([...times].sort());
  });
});
