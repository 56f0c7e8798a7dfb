import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureClientBuild, FLAGSHIP_DIR, HAS_CHROMIUM, launchBrowser, openPage, typeName, warnNoChromium, type GamePage } from '../helpers/browser.js';

warnNoChromium('test/e2e/solo.test.ts (solo practice in each of the four rooms)');

/** Scenario seconds per real second: the flagship's 3.5 hours in about 25 seconds. */
const SPEED = 500;

const ROOMS = [
  { post: 'branch-manager', scene: 'BranchLobby', shot: 'branch-lobby', locale: 'zh-CN' as const },
  { post: 'call-centre-lead', scene: 'PhoneQueue', shot: 'phone-queue', locale: 'en' as const },
  { post: 'pr-officer', scene: 'Newsroom', shot: 'newsroom', locale: 'zh-CN' as const },
  { post: 'incident-commander', scene: 'OpsRoom', shot: 'ops-room', locale: 'en' as const },
];

/**
 * Plays like a hurried trainee: pick whoever waits, answer with the first answer on offer, until
 * the results appear. Every action is a mouse click on the canvas.
 */
async function playToTheEnd(game: GamePage, shot: string): Promise<number> {
  let answered = 0;
  let screenshot = false;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline && (await game.scene()) !== 'Results') {
    const npc = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('npc.'));
    if (npc) await game.page.mouse.click(npc.x, npc.y);
    const response = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('response.'));
    if (response) {
      if (!screenshot && answered >= 2) {
        await game.screenshot(shot);
        screenshot = true;
      }
      await game.page.mouse.click(response.x, response.y);
      answered++;
    }
    await game.page.waitForTimeout(120);
  }
  if (!screenshot) await game.screenshot(shot);
  return answered;
}

describe.skipIf(!HAS_CHROMIUM)('solo practice of the flagship, in each room, through the real UI', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuild();
    server = await startTestServer({}, FLAGSHIP_DIR);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const room of ROOMS) {
    it(`plays the ${room.post} post in the ${room.scene} to the end`, async () => {
      const game = await openPage(browser, `${server.url}/?speed=${SPEED}`, room.locale);
      try {
        await playSolo(game, room);
      } catch (err) {
        // What the page went through, to tell a slow machine from a broken client.
        console.log(room.post, await game.page.evaluate(() => ({ scenes: window.__crisisDrill!.scenes(), notices: window.__crisisDrill!.notices().slice(-8), phase: window.__crisisDrill!.view()?.phase })), game.errors, server.errors);
        throw err;
      }
      await game.close();
    }, 360_000);
  }
});

/** Menu → solo → post → lobby → the room, played to the results, checked on the way. */
async function playSolo(game: GamePage, room: (typeof ROOMS)[number]): Promise<void> {
  await typeName(game, room.locale === 'en' ? 'Alex' : '李雷');
  await game.click('menu.solo');
  await game.click(`solo.post.${room.post}`);
  await game.click('solo.skill.expert');
  await game.click('solo.start');
  await game.waitForScene('Lobby');
  await game.waitForView(`view.mode === 'solo' && view.me.post === '${room.post}'`);
  await game.click('lobby.start');
  expect(await game.waitForScene(room.scene)).toBe(room.scene);

  const answered = await playToTheEnd(game, room.shot);
  expect(await game.waitForScene('Results', 60_000)).toBe('Results');
  expect(answered).toBeGreaterThan(0);
  const view = (await game.view())!;
  expect(view.phase).toBe('ended');
  expect(view.me.post).toBe(room.post);
  expect(view.scenario.title).not.toBeNull();
  // The player's own answers moved scores, and the page said so with the cause.
  expect((await game.scoreChanges()).some((c) => c.includes(room.locale === 'en' ? 'Alex' : '李雷'))).toBe(true);
  await game.findButton('results.menu');
  await game.page.waitForTimeout(1200); // the meters fill up first
  await game.screenshot(`results-${room.shot}`);
  expect(game.errors).toEqual([]);
  await game.click('results.menu');
  await game.waitForScene('Menu');
}
