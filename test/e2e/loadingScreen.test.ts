import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOTS, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/loadingScreen.test.ts (the loading screen before any script)');

describe.skipIf(!HAS_CHROMIUM)('the page before the game', () => {
  const env = useGameServer();

  it('shows the loading screen while the scripts are still on their way, and the game takes its place', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Hold every script back, as a slow link would: the page must already say what is happening.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.{js,ts}', async (route) => {
      await released;
      await route.continue();
    });
    // Not 'domcontentloaded': a module script holds that event back until it has run.
    await page.goto(env.server.url, { waitUntil: 'commit' });
    const splash = page.locator('#splash');
    await splash.waitFor({ state: 'visible' });
    expect(await splash.innerText()).toMatch(/危机演练 · Crisis Drill[\s\S]*正在加载… · Loading…/);
    // The logo is an image of its own: it arrives a moment after the text paints (it is not a script, so it is not held).
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#splash img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 10_000, polling: 20 });
    await page.screenshot({ path: join(SCREENSHOTS, 'loading-screen.png') });
    expect(await page.locator('canvas').count()).toBe(0);

    release();
    await page.waitForFunction(() => window.__crisisDrill?.scene() === 'Menu', null, { timeout: 30_000 });
    await splash.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
