import { describe, expect, it } from 'vitest';
import { GamePage, HAS_CHROMIUM, joinByCode, openPage, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/trainerConsole.test.ts (the trainer console and the presenter view)');

/** Waits until the page has shown a notice that contains this text. */
async function noticeContaining(game: GamePage, text: string, timeout = 15_000): Promise<string> {
  const handle = await game.page.waitForFunction((t) => (window.__crisisDrill?.notices() ?? []).find((n) => n.includes(t)) ?? null, text, { timeout, polling: 50 });
  const found = (await handle.jsonValue()) as string;
  await handle.dispose();
  return found;
}

describe.skipIf(!HAS_CHROMIUM)('the trainer console in the browser', () => {
  const env = useGameServer();
  let trainer: GamePage;
  let wang: GamePage;
  let sam: GamePage;
  let presenter: GamePage;

  it('lands the trainer on the console after Start; two trainees play, bots hold the other posts', async () => {
    trainer = await openPage(env.browser, `${env.server.url}/?speed=30`, 'zh-CN');
    await trainer.click('menu.training');
    await trainer.waitForScene('Lobby');
    await trainer.waitForView('view.code.length === 8 && view.me.isTrainer');
    const code = (await trainer.view())!.codeLabel;

    // A trainee opens the game, joins by the code and takes a post.
    const join = (name: string, locale: 'zh-CN' | 'en', post: string) => joinByCode(env.browser, env.server.url, code, name, post, locale);
    wang = await join('王芳', 'zh-CN', 'incident-commander');
    sam = await join('Sam', 'en', 'pr-officer');
    await trainer.waitForView("view.seats.filter((s) => s.kind === 'human').length === 2");

    await trainer.click('lobby.start');
    expect(await trainer.waitForScene('TrainerConsole')).toBe('TrainerConsole');
    expect(await wang.waitForScene('OpsRoom')).toBe('OpsRoom');
    expect(await sam.waitForScene('Newsroom')).toBe('Newsroom');
    // Every room has its card, every post a row, and the controls are there.
    const ids = (await trainer.buttons()).map((b) => b.id);
    for (const room of ['lobby', 'phone', 'newsroom', 'ops']) expect(ids).toContain(`console.look.${room}`);
    expect(ids).toEqual(expect.arrayContaining(['console.pause', 'console.end', 'console.free.pr-officer', 'console.takeOver.branch-manager', 'console.inject.opt-celebrity-repost']));
    // The flagship's morning has more optional events than fit (the alternatives not drawn among them): the rest are a page away.
    const injectIds = async () => (await trainer.buttons()).map((b) => b.id).filter((id) => id.startsWith('console.inject.'));
    const first = await injectIds();
    expect(first).toHaveLength(3);
    await trainer.click('console.injects.next');
    await trainer.page.waitForFunction(() => !window.__crisisDrill!.buttons().some((b) => b.id === 'console.inject.opt-celebrity-repost'));
    const second = await injectIds();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await trainer.click('console.injects.previous');
    await trainer.findButton('console.inject.opt-celebrity-repost');
  }, 180_000);

  it('pauses: both trainees’ pages stop and say so', async () => {
    await trainer.click('console.pause');
    for (const game of [trainer, wang, sam]) await game.waitForView("view.phase === 'paused'");
    const clocks = await Promise.all([trainer, wang, sam].map(async (g) => (await g.view())!.clock));
    expect(new Set(clocks).size).toBe(1);
    await trainer.findButton('console.resume');
  }, 60_000);

  it('injects an optional event: it reaches the newsroom trainee', async () => {
    await trainer.click('console.inject.opt-celebrity-repost');
    expect(await noticeContaining(sam, 'A celebrity reposts')).toMatch(/^A celebrity reposts — /);
    // The console lists it as fired and shows it on the newsroom's card.
    await trainer.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'console.inject.opt-celebrity-repost' && b.label.includes('已触发 1 次')));
  }, 60_000);

  it('extends a deadline: both trainees see the new time on their duties', async () => {
    const before = (await wang.view())!.duties.find((d) => d.id === 'activate-emergency')!;
    expect(before.status).toBe('pending');
    await trainer.click('console.deadline.activate-emergency');
    await trainer.click('console.extend.10');
    const later = before.deadline! + 600;
    for (const game of [wang, sam]) await game.waitForView(`view.duties.find((d) => d.id === 'activate-emergency').deadline === ${later}`);
    expect((await sam.view())!.duties.find((d) => d.id === 'activate-emergency')!.deadlineLabel).toBe('09:40');
  }, 60_000);

  it('sends a hint to one post: that trainee reads it, the other does not', async () => {
    await trainer.click('console.hintTo.pr-officer');
    await trainer.page.fill('input[name=hintText]', 'Check with ops before you post');
    await trainer.click('console.hintSend');
    expect(await noticeContaining(sam, 'Check with ops before you post')).toBe("Trainer's hint — Check with ops before you post");
    await trainer.click('console.hintTo.incident-commander');
    await trainer.page.fill('input[name=hintText]', '先启动应急响应');
    await trainer.page.press('input[name=hintText]', 'Enter');
    expect(await noticeContaining(wang, '先启动应急响应')).toBe('培训师提示 — 先启动应急响应');
    expect((await sam.notices()).some((n) => n.includes('先启动应急响应'))).toBe(false);
    await trainer.screenshot('trainer-console');
    const overflowing = async () => (await trainer.buttons()).filter((b) => b.overflows).map((b) => `${b.id}: ${b.label}`);
    expect(await overflowing()).toEqual([]);
    // English labels run longer than Chinese ones in the same buttons: each must still fit.
    await trainer.click('lang.toggle');
    await trainer.findButton('console.hintSend');
    await trainer.page.waitForTimeout(300);
    await trainer.screenshot('trainer-console-en');
    expect(await overflowing()).toEqual([]);
    await trainer.click('lang.toggle');
  }, 60_000);

  it('a trainee’s page has none of the controls, and the server refuses them when forged', async () => {
    for (const game of [wang, sam]) {
      const ids = (await game.buttons()).map((b) => b.id);
      expect(ids.filter((id) => /^(console\.|hud\.(pause|speed|end|console))/.test(id))).toEqual([]);
    }
    const before = await trainer.view();
    const forged = await sam.page.evaluate(() => {
      const s = window.__crisisDrill!;
      return [
        s.forge('clock', { action: 'resume' }),
        s.forge('control', { control: { type: 'inject', inject: 'opt-branch-power-cut' } }),
        s.forge('control', { control: { type: 'extendDeadline', expected: 'activate-emergency', minutes: 30 } }),
        s.forge('hint', { post: 'incident-commander', text: 'cheat' }),
        s.forge('post', { action: 'free', post: 'incident-commander' }),
        s.forge('control', { control: { type: 'end' } }),
      ];
    });
    await sam.page.waitForFunction((n) => window.__crisisDrill!.refusals().length >= n, forged.length);
    const refusals = await sam.page.evaluate(() => window.__crisisDrill!.refusals());
    expect(refusals.map((r) => [r.ref, r.code])).toEqual(forged.map((ref) => [ref, 'not-allowed']));
    await new Promise((r) => setTimeout(r, 300));
    const after = await trainer.view();
    expect(after!.phase).toBe('paused');
    expect(after!.duties).toEqual(before!.duties);
    expect(after!.seats).toEqual(before!.seats);
    expect((await wang.notices()).some((n) => n.includes('cheat'))).toBe(false);
  }, 60_000);

  it('opens the presenter view in a second window: large lines, no controls', async () => {
    const [popup] = await Promise.all([trainer.page.context().waitForEvent('page'), trainer.click('console.presenter')]);
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    presenter = new GamePage(popup, errors);
    expect(await presenter.waitForScene('Presenter')).toBe('Presenter');
    await presenter.waitForView("view.me.role === 'spectator' && view.phase === 'paused'");
    // The key is not left in the address bar, and there is nothing to operate.
    expect(popup.url()).not.toContain('#');
    expect((await presenter.buttons()).map((b) => b.id)).toEqual(['lang.toggle']);
    await popup.waitForTimeout(300);
    await presenter.screenshot('presenter');
  }, 60_000);

  it('frees a trainee’s post and takes another over; the trainee is told and may pick again', async () => {
    await trainer.clickUntil('console.free.pr-officer', "view.seats.find((s) => s.post === 'pr-officer').kind === 'bot'");
    expect(await noticeContaining(sam, 'The trainer moved you off your post')).toContain('a bot holds it now');
    expect(await sam.waitForScene('Lobby')).toBe('Lobby');
    await trainer.waitForView("view.seats.find((s) => s.post === 'pr-officer').kind === 'bot'");
    // The posts panel redraws when a seat changes; a click during that redraw is tried again.
    await trainer.clickUntil('console.takeOver.branch-manager', "view.seats.find((s) => s.post === 'branch-manager').kind === 'trainer'");
    await trainer.waitForView("view.seats.find((s) => s.post === 'branch-manager').kind === 'trainer' && view.me.post === 'branch-manager'");
    await sam.waitForView("view.seats.find((s) => s.post === 'branch-manager').kind === 'trainer'");
    expect((await sam.buttons()).some((b) => b.id === 'lobby.take.branch-manager')).toBe(false);
    // The trainer looks closer at the lobby, which it now plays, and comes back.
    await trainer.click('console.look.lobby');
    expect(await trainer.waitForScene('BranchLobby')).toBe('BranchLobby');
    await trainer.waitForView('view.me.canAct');
    await trainer.page.waitForTimeout(300);
    await trainer.screenshot('trainer-plays-lobby');
    await trainer.click('hud.console');
    expect(await trainer.waitForScene('TrainerConsole')).toBe('TrainerConsole');
    await trainer.clickUntil('console.release.branch-manager', "view.seats.find((s) => s.post === 'branch-manager').kind === 'bot'");
  }, 60_000);

  it('resumes and ends the drill (after a confirming click); every page shows the end', async () => {
    await trainer.click('console.resume');
    await wang.waitForView("view.phase === 'running'");
    // The first click only arms the button (a click lost to a redraw is tried again).
    const armed = () => trainer.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'console.end' && b.label === '确认结束？再点一次'), null, { timeout: 3000 });
    await trainer.click('console.end');
    await armed().catch(async () => (await trainer.click('console.end'), armed()));
    expect(await trainer.scene()).toBe('TrainerConsole');
    await trainer.click('console.end');
    for (const game of [trainer, wang, sam]) expect(await game.waitForScene('Results', 30_000)).toBe('Results');
    await presenter.waitForView("view.phase === 'ended'");
    await presenter.page.waitForTimeout(300);
    await presenter.screenshot('presenter-ended');
    for (const game of [trainer, wang, sam, presenter]) expect(game.errors).toEqual([]);
  }, 90_000);
});
