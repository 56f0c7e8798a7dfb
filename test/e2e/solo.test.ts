import { describe, it } from 'vitest';
import { HAS_CHROMIUM, openPage, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';
import { playSolo, type SoloRoom } from '../helpers/soloPlay.js';

warnNoChromium('test/e2e/solo.test.ts (solo practice in each of the four rooms)');

/** Scenario seconds per real second: the flagship's 3.5 hours in about 25 seconds. */
const SPEED = 500;

const ROOMS: SoloRoom[] = [
  { post: 'branch-manager', scene: 'BranchLobby', shot: 'branch-lobby', locale: 'zh-CN' },
  { post: 'call-centre-lead', scene: 'PhoneQueue', shot: 'phone-queue', locale: 'en' },
  { post: 'pr-officer', scene: 'Newsroom', shot: 'newsroom', locale: 'zh-CN' },
  { post: 'incident-commander', scene: 'OpsRoom', shot: 'ops-room', locale: 'en' },
];

describe.skipIf(!HAS_CHROMIUM)('solo practice of the flagship, in each room, through the real UI', () => {
  const env = useGameServer();

  for (const room of ROOMS) {
    it(`plays the ${room.post} post in the ${room.scene} to the end`, async () => {
      const game = await openPage(env.browser, `${env.server.url}/?speed=${SPEED}`, room.locale);
      try {
        await playSolo(game, room);
      } catch (err) {
        // What the page went through, to tell a slow machine from a broken client.
        console.log(room.post, await game.page.evaluate(() => ({ scenes: window.__crisisDrill!.scenes(), notices: window.__crisisDrill!.notices().slice(-8), phase: window.__crisisDrill!.view()?.phase })), game.errors, env.server.errors);
        throw err;
      }
      await game.close();
    }, 360_000);
  }
});
