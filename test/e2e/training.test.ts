import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, typeName, warnNoChromium, type GamePage } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/training.test.ts (a training session with two trainees, reload, reconnect)');

/** The score-change labels a page has shown that name this person as the cause. */
async function changesBy(game: GamePage, name: string): Promise<string[]> {
  return (await game.scoreChanges()).filter((c) => c.includes(name));
}

async function scoresOf(game: GamePage): Promise<string> {
  const view = await game.view();
  return JSON.stringify([view?.scores.map((s) => s.value), view?.total]);
}

describe.skipIf(!HAS_CHROMIUM)('a training session in the browser', () => {
  const env = useGameServer();
  let trainer: GamePage;
  let wang: GamePage;
  let sam: GamePage;

  it('two trainees join by code and take two posts; the other posts stay with bots', async () => {
    trainer = await openPage(env.browser, `${env.server.url}/?speed=30`, 'en');
    await trainer.click('menu.training');
    await trainer.waitForScene('Lobby');
    await trainer.waitForView('view.code.length === 8 && view.me.isTrainer');
    const code = (await trainer.view())!.codeLabel;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await trainer.screenshot('lobby-trainer');

    wang = await openPage(env.browser, env.server.url, 'zh-CN');
    await typeName(wang, '王芳');
    await wang.page.fill('input[name=joinCode]', code.toLowerCase());
    await wang.click('menu.join');
    await wang.waitForScene('Lobby');
    await wang.click('lobby.take.incident-commander');
    await wang.waitForView("view.me.post === 'incident-commander'");

    sam = await openPage(env.browser, env.server.url, 'en');
    await typeName(sam, 'Sam');
    await sam.page.fill('input[name=joinCode]', code);
    await sam.click('menu.join');
    await sam.waitForScene('Lobby');
    await sam.click('lobby.take.pr-officer');
    await sam.waitForView("view.me.post === 'pr-officer'");

    await trainer.waitForView("view.seats.filter((s) => s.kind === 'human').length === 2");
    const seats = (await trainer.view())!.seats;
    expect(seats.find((s) => s.post === 'incident-commander')).toMatchObject({ kind: 'human', holder: '王芳' });
    expect(seats.find((s) => s.post === 'pr-officer')).toMatchObject({ kind: 'human', holder: 'Sam' });
    expect(seats.filter((s) => s.kind === 'bot').map((s) => s.post).sort()).toEqual(['branch-manager', 'call-centre-lead', 'legal-officer']);
    await wang.clickUntil('lobby.ready', "view.seats.some((s) => s.post === 'incident-commander' && s.ready)");
    await sam.clickUntil('lobby.ready', "view.seats.some((s) => s.post === 'pr-officer' && s.ready)");
    await trainer.waitForView("view.seats.filter((s) => s.kind === 'human' && s.ready).length === 2");
    await sam.screenshot('lobby-trainee');
  }, 180_000);

  it('starts on the trainer’s word; both trainees see the same clock and the same scores', async () => {
    await trainer.click('lobby.start');
    expect(await wang.waitForScene('OpsRoom')).toBe('OpsRoom');
    expect(await sam.waitForScene('Newsroom')).toBe('Newsroom');
    // The trainer lands on the console (test/e2e/trainerConsole.test.ts covers it in full).
    await trainer.waitForScene('TrainerConsole');
    await trainer.click('console.pause');
    for (const game of [trainer, wang, sam]) await game.waitForView("view.phase === 'paused'");
    const clocks = await Promise.all([trainer, wang, sam].map(async (g) => (await g.view())!.clock));
    expect(new Set(clocks).size).toBe(1);
    expect(await scoresOf(wang)).toBe(await scoresOf(sam));
    expect(await scoresOf(trainer)).toBe(await scoresOf(sam));
    await trainer.click('console.resume');
    await wang.waitForView("view.phase === 'running'");
  }, 120_000);

  it('a choice in one page moves the meters in both, with its cause shown in both', async () => {
    await wang.click(/^npc\./);
    const answered = await wang.click(/^response\./);
    expect(answered.label.length).toBeGreaterThan(3);
    await expect.poll(() => changesBy(wang, '王芳'), { timeout: 20_000 }).not.toEqual([]);
    const [mine] = await changesBy(wang, '王芳');
    // "+1 Timeliness: … — by Incident commander and ops · 王芳" in English; the same change, in Chinese here.
    expect(mine).toMatch(/^[+−]\d+(\.\d)? \S+：.+ — .+王芳$/);
    await expect.poll(() => changesBy(sam, '王芳'), { timeout: 20_000 }).not.toEqual([]);
    const [seen] = await changesBy(sam, '王芳');
    expect(seen).toMatch(/^[+−]\d+(\.\d)? [A-Z][a-z]+.*: .+ — by Incident commander.* · 王芳$/);
    await wang.screenshot('ops-room-training');
    await sam.screenshot('newsroom-training');
    // Pause and compare: the meters agree in both pages.
    await trainer.click('console.pause');
    for (const game of [wang, sam]) await game.waitForView("view.phase === 'paused'");
    await expect.poll(async () => (await scoresOf(wang)) === (await scoresOf(sam)), { timeout: 5000 }).toBe(true);
    await trainer.click('console.resume');
    await wang.waitForView("view.phase === 'running'");
  }, 120_000);

  it('a page reload mid-drill returns to the same post', async () => {
    await wang.page.reload();
    expect(await wang.waitForScene('OpsRoom')).toBe('OpsRoom');
    await wang.waitForView("view.me.post === 'incident-commander' && view.phase === 'running'");
    await trainer.waitForView("view.seats.find((s) => s.post === 'incident-commander').holder === '王芳' && view.seats.find((s) => s.post === 'incident-commander').connected");
    expect(wang.errors).toEqual([]);
  }, 120_000);

  it('a dropped connection shows a banner and comes back to the same seat by itself', async () => {
    await sam.page.evaluate(() => window.__crisisDrill!.dropConnection());
    await expect.poll(() => sam.notices(), { timeout: 10_000 }).toContain('Connection lost. Reconnecting…');
    await expect.poll(() => sam.notices(), { timeout: 30_000 }).toContain('Reconnected; your seat is kept');
    await sam.waitForView("view.me.post === 'pr-officer'");
    expect(await sam.scene()).toBe('Newsroom');
  }, 120_000);

  it('lets the trainer watch another room and end the drill; everyone sees the results', async () => {
    await trainer.click('console.look.phone');
    expect(await trainer.waitForScene('PhoneQueue')).toBe('PhoneQueue');
    await trainer.screenshot('phone-trainer-view');
    await trainer.click('hud.end');
    // Ending for the whole class takes a second click.
    await trainer.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'hud.end' && b.label === 'Click to confirm'));
    expect(await trainer.scene()).toBe('PhoneQueue');
    await trainer.click('hud.end');
    for (const game of [trainer, wang, sam]) expect(await game.waitForScene('Results', 30_000)).toBe('Results');
    await wang.screenshot('results-training');
    for (const game of [trainer, wang, sam]) expect(game.errors).toEqual([]);
  }, 120_000);
});
