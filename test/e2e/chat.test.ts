import { describe, expect, it } from 'vitest';
import type { ChatShown } from '../../client/game/testHooks.js';
import { GamePage, HAS_CHROMIUM, joinByCode, openPage, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/chat.test.ts (team chat in the rooms and in the trainer console)');

/** A laptop's screen: the game letterboxed in it, as many trainees will see it. */
const LAPTOP = { width: 1280, height: 800 };
const PAIR = 'incident-commander~pr-officer';

function shown(game: GamePage): Promise<ChatShown | null> {
  return game.page.evaluate(() => window.__crisisDrill?.chat() ?? null);
}

/** Waits until the chat panel shows what the check (run in the page, on `chat`) asks for. */
async function waitForChat(game: GamePage, check: string, timeout = 15_000): Promise<ChatShown> {
  const handle = await game.page.waitForFunction(`(() => { const chat = window.__crisisDrill?.chat(); return !!chat && (${check}); })()`, null, { timeout, polling: 50 });
  await handle.dispose();
  return (await shown(game))!;
}

/** Types a line into the open panel's field and presses Enter, as a person does. */
async function say(game: GamePage, text: string): Promise<void> {
  await game.page.fill('input[name=chatText]', text);
  await game.page.press('input[name=chatText]', 'Enter');
}

describe.skipIf(!HAS_CHROMIUM)('team chat in the browser', () => {
  const env = useGameServer();
  let trainer: GamePage;
  let wang: GamePage;
  let sam: GamePage;

  it('offers the chat to both trainees and the trainer once the drill runs', async () => {
    trainer = await openPage(env.browser, `${env.server.url}/?speed=12`, 'zh-CN', LAPTOP);
    await trainer.click('menu.training');
    await trainer.waitForScene('Lobby');
    await trainer.waitForView('view.code.length === 8 && view.me.isTrainer');
    const code = (await trainer.view())!.codeLabel;
    wang = await joinByCode(env.browser, env.server.url, code, '王芳', 'incident-commander', 'zh-CN', LAPTOP);
    sam = await joinByCode(env.browser, env.server.url, code, 'Sam', 'pr-officer', 'en', LAPTOP);
    await trainer.waitForView("view.seats.filter((s) => s.kind === 'human').length === 2");
    // No chat before the drill starts: the lobby has no toggle.
    expect((await sam.buttons()).some((b) => b.id === 'chat.toggle')).toBe(false);
    await trainer.click('lobby.start');
    await trainer.waitForScene('TrainerConsole');
    await wang.waitForScene('OpsRoom');
    await sam.waitForScene('Newsroom');
    for (const game of [trainer, wang, sam]) await game.findButton('chat.toggle');
    // Closed, the chat is a button in the top bar: nothing of it over the room's work.
    expect(await shown(sam)).toMatchObject({ open: false, unread: 0 });
    expect(await sam.page.isVisible('input[name=chatText]')).toBe(false);
    await sam.screenshot('chat-closed-en');
  }, 180_000);

  it('a line in a pair channel reaches the other room of the pair, and the trainer', async () => {
    await sam.click('chat.toggle');
    await waitForChat(sam, "chat.open && chat.channel === 'team'");
    // The player's tabs: the team, and a pair with each other post.
    const tabs = (await sam.buttons()).filter((b) => b.id.startsWith('chat.tab.')).map((b) => b.id);
    expect(tabs).toEqual(['chat.tab.team', 'chat.tab.branch-manager~pr-officer', 'chat.tab.call-centre-lead~pr-officer', 'chat.tab.incident-commander~pr-officer', 'chat.tab.legal-officer~pr-officer']);
    await sam.click(`chat.tab.${PAIR}`);
    await say(sam, 'Ops, is the cause confirmed? I have reporters asking.');
    await waitForChat(sam, "chat.lines.some((l) => l.endsWith('Ops, is the cause confirmed? I have reporters asking.'))");

    // The ops room is told on its closed toggle, then reads it in the pair's tab.
    await wang.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'chat.toggle' && b.label.includes('1 条新')));
    await wang.screenshot('chat-unread-zh');
    await wang.click('chat.toggle');
    await wang.click(`chat.tab.${PAIR}`);
    const seen = await waitForChat(wang, 'chat.lines.length === 1');
    expect(seen.lines[0]).toMatch(/^\d\d:\d\d · 公关·舆情（Sam）: Ops, is the cause confirmed\?/);
    expect(seen.unread).toBe(0);
    await say(wang, '还在排查，确认后我用通报发给你');
    await waitForChat(sam, "chat.lines.some((l) => l.includes('PR and public-opinion officer') === false && l.endsWith('还在排查，确认后我用通报发给你'))");
    expect((await shown(sam))!.lines.at(-1)).toMatch(/^\d\d:\d\d · Incident commander and ops \(王芳\): /);

    // The trainer reads every channel at once, each line with its channel.
    await trainer.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'chat.toggle' && b.label.includes('2 条新')));
    await trainer.click('chat.toggle');
    const all = await waitForChat(trainer, "chat.open && chat.channel === '*' && chat.lines.length === 2");
    // The ops room holds two posts (command and legal), so the pair names the post, not the room.
    expect(all.lines[0]).toMatch(/^\d\d:\d\d · 应急指挥·技术 ↔ 舆情 · 公关·舆情（Sam）: Ops, is the cause/);
    await trainer.screenshot('chat-console-zh');
    await wang.screenshot('chat-ops-zh');
  }, 90_000);

  it('the trainer posts into a channel; both rooms of it read the trainer’s line', async () => {
    await trainer.click(`chat.tab.${PAIR}`);
    expect(await trainer.page.getAttribute('input[name=chatText]', 'placeholder')).toBe('发往应急指挥·技术 ↔ 舆情，回车发送');
    await say(trainer, '原因确认之前，不要对外说原因');
    for (const game of [sam, wang]) await waitForChat(game, "chat.lines.some((l) => l.endsWith('原因确认之前，不要对外说原因'))");
    expect((await shown(sam))!.lines.at(-1)).toMatch(/^\d\d:\d\d · Trainer: /);
    expect((await shown(wang))!.lines.at(-1)).toMatch(/^\d\d:\d\d · 培训师: /);
    // And into the team channel, which every post reads.
    await trainer.click('chat.tab.team');
    await say(trainer, 'Ten minutes to the press briefing');
    await sam.click('chat.tab.team');
    await waitForChat(sam, "chat.channel === 'team' && chat.lines.some((l) => l.endsWith('Ten minutes to the press briefing'))");
    await sam.screenshot('chat-newsroom-en');
    await trainer.click('lang.toggle');
    await trainer.findButton('chat.tab.all');
    await trainer.screenshot('chat-console-en');
    const overflowing = async (game: GamePage) => (await game.buttons()).filter((b) => b.overflows && b.id.startsWith('chat.')).map((b) => `${b.id}: ${b.label}`);
    for (const game of [trainer, wang, sam]) expect(await overflowing(game)).toEqual([]);
    await trainer.click('lang.toggle');
  }, 90_000);

  it('a line too long is refused and said so in the player’s language; the text comes back to be cut', async () => {
    const long = 'x'.repeat(281);
    await say(sam, long);
    const refused = await waitForChat(sam, "chat.refusal !== ''");
    expect(refused.refusal).toBe('Not sent: Too long: at most 280 characters');
    expect(await sam.page.inputValue('input[name=chatText]')).toBe(long);
    await sam.screenshot('chat-refused-en');
    // Typing again clears the refusal; a line of the right length goes.
    await say(sam, 'x'.repeat(280));
    await waitForChat(sam, "chat.refusal === '' && chat.lines.at(-1).endsWith('x'.repeat(280))");

    await say(wang, '一'.repeat(281));
    expect((await waitForChat(wang, "chat.refusal !== ''")).refusal).toBe('没有发出：消息太长，最多 280 个字');
    await wang.screenshot('chat-refused-zh');
  }, 60_000);

  it('keys typed in the chat do not answer a caller; a work panel over the room hides the chat; Escape closes it', async () => {
    // The ops room has someone waiting for an answer: keys 1–4 would answer them outside the field.
    await wang.waitForView('view.panel.npcs.length > 0');
    const waiting = (await wang.view())!.panel!.npcs[0]!;
    await wang.page.fill('input[name=chatText]', '');
    await wang.page.type('input[name=chatText]', '1234');
    await wang.page.press('input[name=chatText]', 'Enter');
    await waitForChat(wang, "chat.lines.at(-1).endsWith(': 1234')");
    const still = (await wang.view())!.panel!.npcs.find((n) => n.id === waiting.id);
    expect(still?.interaction).toBe(waiting.interaction);

    // The memo opens over the room: the chat's field (HTML over the canvas) goes with the rest of the panel.
    await wang.click('memo.open');
    await wang.page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name=chatText]')?.checkVisibility() === false);
    // Escape is not the chat's while the memo is over it; closing the memo brings the chat back.
    await wang.page.keyboard.press('Escape');
    await wang.click('memo.close');
    await wang.page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name=chatText]')?.checkVisibility() === true);
    expect((await shown(wang))!.open).toBe(true);
    await wang.page.press('input[name=chatText]', 'Escape');
    await waitForChat(wang, '!chat.open');
    expect(await wang.page.isVisible('input[name=chatText]')).toBe(false);
    // Escape also closes it when the field does not have the focus.
    await wang.click('chat.toggle');
    await waitForChat(wang, 'chat.open');
    await wang.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await wang.page.keyboard.press('Escape');
    await waitForChat(wang, '!chat.open');
  }, 60_000);

  // Last, so that no other test has to wait for the rate limit to pass.
  it('lines sent too fast are refused and said so', async () => {
    await wang.click('chat.toggle');
    await waitForChat(wang, 'chat.open');
    // Too fast: at most five lines in ten seconds.
    await wang.page.fill('input[name=chatText]', '');
    for (let i = 1; i <= 6; i++) await say(wang, `第 ${i} 条`);
    expect((await waitForChat(wang, "chat.refusal.includes('太快')")).refusal).toBe('没有发出：发得太快了，请过几秒再发');
    for (const game of [trainer, wang, sam]) expect(game.errors).toEqual([]);
  }, 60_000);
});
