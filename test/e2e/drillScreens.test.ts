import { describe, expect, it } from 'vitest';
import { GamePage, HAS_CHROMIUM, typeName, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/drillScreens.test.ts (the drill screens arrive after the menu)');

const DRILL_SCREENS = /\/assets\/drillScenes-[^/]+\.js$/;

describe.skipIf(!HAS_CHROMIUM)('the drill screens, a chunk of their own', () => {
  const env = useGameServer();

  const FAILED = { en: 'The drill screens could not load. Check the connection and try again.', 'zh-CN': '演练画面没能加载，请检查网络后重试。' } as const;

  it.each(['en', 'zh-CN'] as const)('are not needed for the menu; when they cannot be fetched the player is told and the next try works (%s)', async (locale) => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((l) => localStorage.setItem('crisisDrill.locale', l), locale);
    // A link that drops the drill screens' chunk, as a flaky network would.
    let blocked = 0;
    await page.route(DRILL_SCREENS, (route) => {
      blocked++;
      return route.abort('connectionfailed');
    });
    await page.goto(env.server.url);
    const game = new GamePage(page, errors);
    // The menu takes input without them (its own prefetch of them has failed by now or soon).
    await game.waitForScene('Menu', 20_000);
    await game.findButton('menu.solo');

    await typeName(game, locale === 'en' ? 'Alex' : '李雷');
    await game.click('menu.solo');
    await game.click('solo.post.branch-manager');
    await game.click('solo.skill.expert');
    await game.click('solo.start');
    await expect.poll(() => game.notices(), { timeout: 20_000 }).toContain(FAILED[locale]);
    expect(await game.scene()).toBe('Menu');
    expect(await game.view()).toBeNull();
    expect(blocked).toBeGreaterThan(0);
    // The drill it could not show was left, not kept open behind the menu: this tab holds no seat in it.
    await page.waitForFunction(() => sessionStorage.getItem('crisisDrill.seat') === null, null, { timeout: 10_000, polling: 50 });
    await game.screenshot(`drill-screens-failed-${locale}`);

    // The link is back: the same steps reach the drill's lobby.
    await page.unroute(DRILL_SCREENS);
    await game.click('menu.solo');
    await game.click('solo.post.branch-manager');
    await game.click('solo.skill.expert');
    await game.click('solo.start');
    expect(await game.waitForScene('Lobby')).toBe('Lobby');
    await game.waitForView("view.mode === 'solo' && view.me.post === 'branch-manager'");
    expect(errors).toEqual([]);
    await context.close();
  });
});
