import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, typeName, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';
import { drawMorning } from '../../shared/scenario/drawMorning.js';

warnNoChromium('test/e2e/menu.test.ts (menu, progress bar, language, name check)');

describe.skipIf(!HAS_CHROMIUM)('the menu in a browser', () => {
  const env = useGameServer();

  it('loads behind a progress bar that runs from 0 to 1 over the menu\'s drawings, then the menu takes input', async () => {
    const game = await openPage(env.browser, env.server.url, 'zh-CN');
    const progress = await game.page.evaluate(() => window.__crisisDrill!.progress());
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(await game.page.evaluate(() => window.__crisisDrill!.firstInteractiveAt)).toBeGreaterThan(0);
    expect((await game.buttons()).map((b) => b.id)).toEqual(expect.arrayContaining(['menu.join', 'menu.training', 'menu.team', 'menu.solo']));
    await game.screenshot('menu-zh');
    expect(game.errors).toEqual([]);
    await game.close();
  });

  it('switches language with its buttons and remembers the choice on the next visit', async () => {
    const game = await openPage(env.browser, env.server.url, 'zh-CN');
    await game.findButton('menu.solo');
    expect((await game.findButton('menu.solo')).label).toBe('单人练习');
    await game.click('menu.lang.en');
    await game.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'menu.solo' && b.label === 'Solo practice'));
    expect(await game.page.evaluate(() => window.__crisisDrill!.locale())).toBe('en');
    expect(await game.page.getAttribute('input[name=displayName]', 'placeholder')).toBe('e.g. Wang Fang');
    await game.screenshot('menu-en');
    await game.page.reload();
    await game.waitForScene('Menu', 20_000);
    expect((await game.findButton('menu.solo')).label).toBe('Solo practice');
    await game.click('menu.lang.zh-CN');
    await game.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'menu.solo' && b.label === '单人练习'));
    await game.close();
  });

  it('refuses an empty name and an over-long one with a message, and a malformed join code', async () => {
    const game = await openPage(env.browser, env.server.url, 'en');
    await typeName(game, '   ');
    await game.page.fill('input[name=joinCode]', 'abcd-efgh');
    await game.click('menu.join');
    await game.page.waitForSelector('input[name=displayName].invalid');
    await typeName(game, 'x'.repeat(30));
    await game.click('menu.join');
    await game.page.waitForSelector('input[name=displayName].invalid');
    await game.page.fill('input[name=joinCode]', 'ab');
    await typeName(game, 'Sam');
    await game.click('menu.join');
    await game.page.waitForSelector('input[name=joinCode].invalid');
    await game.screenshot('menu-errors');
    expect(await game.scene()).toBe('Menu');
    await game.close();
  });

  it('creates the drill at the level chosen on the first screen, and names it on the next', async () => {
    const game = await openPage(env.browser, env.server.url, 'en');
    await typeName(game, 'Lee');
    expect((await game.findButton('menu.level.standard')).selected).toBe(true);
    await game.click('menu.level.advanced');
    await game.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'menu.level.advanced' && b.selected));
    await game.screenshot('menu-level-en');
    await game.click('menu.lang.zh-CN');
    await game.page.waitForFunction(() => window.__crisisDrill!.buttons().some((b) => b.id === 'menu.level.advanced' && b.label === '进阶' && b.selected));
    await game.screenshot('menu-level-zh');
    await game.click('menu.solo');
    await game.click('solo.post.pr-officer');
    await game.screenshot('menu-solo-level-zh');
    await game.click('solo.start');
    await game.waitForScene('Lobby');
    const written = env.server.services.scenarios.get('huarui-upgrade-outage')!.scenario;
    // No speed in the address: the drill runs at the advanced level's default speed.
    await game.waitForView(`view.speed === ${drawMorning(written, 0, 'advanced').scenario.clock.compression}`);
    expect(written.clock.compression).not.toBe(drawMorning(written, 0, 'advanced').scenario.clock.compression);
    await game.close();
  });

  it('says so when no drill has the code typed', async () => {
    const game = await openPage(env.browser, env.server.url, 'en');
    await typeName(game, 'Sam');
    await game.page.fill('input[name=joinCode]', '2345-6789');
    await game.click('menu.join');
    await expect.poll(() => game.notices(), { timeout: 20_000 }).toContain('There is no drill with that code');
    expect(await game.scene()).toBe('Menu');
    expect(await game.view()).toBeNull();
    await game.close();
  });

  it('creates a team drill with a code for teammates; it starts once everyone in it is ready', async () => {
    const game = await openPage(env.browser, `${env.server.url}/?speed=60`, 'en');
    await typeName(game, 'Kim');
    await game.click('menu.team');
    await game.page.fill('input[name=teamName]', 'Blue team');
    await game.click('team.create');
    await game.waitForScene('Lobby');
    await game.waitForView("view.mode === 'team' && view.team === 'Blue team' && view.code.length === 8 && view.me.post !== null");
    await game.screenshot('lobby-team');
    await game.click('lobby.ready');
    expect(await game.waitForScene(/BranchLobby|PhoneQueue|Newsroom|OpsRoom/)).toBeTruthy();
    expect(game.errors).toEqual([]);
    await game.close();
  });

  it('says plainly when the seat saved by this tab is gone', async () => {
    const { code } = await env.server.createDrill({ mode: 'training', scenario: 'huarui-upgrade-outage' });
    const game = await openPage(env.browser, env.server.url, 'en');
    await game.page.evaluate((c) => sessionStorage.setItem('crisisDrill.seat', JSON.stringify({ code: c, name: 'Lee', participant: 'z'.repeat(22) })), code);
    await game.page.reload();
    await expect.poll(() => game.notices(), { timeout: 20_000 }).toContain('Your seat is gone (the drill ended or the wait ran out). Please join again.');
    expect(await game.scene()).toBe('Menu');
    expect(await game.page.evaluate(() => sessionStorage.getItem('crisisDrill.seat'))).toBeNull();
    await game.close();
  });
});
