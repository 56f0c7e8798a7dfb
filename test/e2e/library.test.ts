import { describe, it } from 'vitest';
import { HAS_CHROMIUM, openPage, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';
import { playSolo, type SoloRoom } from '../helpers/soloPlay.js';

warnNoChromium('test/e2e/library.test.ts (one room of every scenario besides the flagship)');

/**
 * One room of each of the other scenarios, each in a different room type and language, played
 * to the end through the real page. Speeds fit each scenario's clock into about 25 seconds.
 * The menu lists the flagship first, then the others by id.
 */
const RUNS: (SoloRoom & { speed: number })[] = [
  { scenario: 'anonymous-whistleblower-email', scenarioSteps: 1, post: 'pr-officer', scene: 'Newsroom', shot: 'library-whistleblower-newsroom', locale: 'zh-CN', speed: 500 },
  { scenario: 'failed-transfer-unexplained', scenarioSteps: 2, post: 'hotline-lead', scene: 'PhoneQueue', shot: 'library-failed-transfer-phone', locale: 'en', speed: 360 },
  { scenario: 'service-emergency', scenarioSteps: 4, post: 'duty-commander', scene: 'OpsRoom', shot: 'library-service-emergency-ops', locale: 'zh-CN', speed: 860 },
  { scenario: 'viral-consumer-complaint', scenarioSteps: 6, post: 'branch-manager', scene: 'BranchLobby', shot: 'library-viral-complaint-lobby', locale: 'en', speed: 1370 },
];

describe.skipIf(!HAS_CHROMIUM)('solo practice of every other scenario, one room each, through the real UI', () => {
  const env = useGameServer();

  for (const run of RUNS) {
    it(`plays ${run.scenario} as ${run.post} in the ${run.scene} to the end`, async () => {
      const game = await openPage(env.browser, `${env.server.url}/?speed=${run.speed}`, run.locale);
      try {
        await playSolo(game, run);
      } catch (err) {
        console.log(run.scenario, await game.page.evaluate(() => ({ scenes: window.__crisisDrill!.scenes(), notices: window.__crisisDrill!.notices().slice(-8), phase: window.__crisisDrill!.view()?.phase })), game.errors, env.server.errors);
        throw err;
      }
      await game.close();
    }, 360_000);
  }
});
