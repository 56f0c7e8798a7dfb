import { describe, expect, it } from 'vitest';
import type { ReplayStatus } from '../../client/view/replayStatus.js';
import { HAS_CHROMIUM, openPage, warnNoChromium, type GamePage } from '../helpers/browser.js';
import { startSolo } from '../helpers/soloPlay.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/replay.test.ts (replay of a finished solo drill)');

/** Scenario seconds per real second: the flagship's 3.5 hours in about 15 seconds. */
const SPEED = 900;

const status = (game: GamePage) => game.page.evaluate(() => window.__crisisDrill!.replay()) as Promise<ReplayStatus | null>;

async function waitForStatus(game: GamePage, check: string, timeout = 30_000): Promise<ReplayStatus> {
  const handle = await game.page.waitForFunction(`(() => { const replay = window.__crisisDrill?.replay(); return !!replay && (${check}); })()`, null, { timeout, polling: 50 });
  await handle.dispose();
  return (await status(game))!;
}

describe.skipIf(!HAS_CHROMIUM)('replay of a finished drill, through the real UI', () => {
  const env = useGameServer();

  it('replays a solo drill step by step and at speed, to the stored result', async () => {
    const game = await openPage(env.browser, `${env.server.url}/?speed=${SPEED}`, 'zh-CN');
    try {
      await playSoloToResults(game);
      const results = (await game.view())!;
      await game.page.waitForTimeout(1200); // the meters fill up first
      await game.screenshot('results-with-replay');

      await game.click('results.replay');
      await game.waitForScene('Replay');
      let replay = await waitForStatus(game, 'true', 60_000);
      expect(replay.step).toBe(0);
      expect(replay.last).toBeGreaterThan(50);
      expect(replay.matches).toBe(true);
      expect(replay.differences).toEqual([]);
      expect(replay.banner).toContain('一致');
      // What was stored is what the results showed.
      expect(replay.storedScores).toEqual(Object.fromEntries(results.scores.map((s) => [s.dim, s.value])));
      // The synchronised total is a 32-bit float; the stored one is the engine's own number.
      expect(replay.storedTotal).toBeCloseTo(results.total, 4);

      for (let i = 1; i <= 3; i++) {
        await game.click('replay.forward');
        replay = await waitForStatus(game, `replay.step === ${i}`);
      }
      await game.click('replay.back');
      replay = await waitForStatus(game, 'replay.step === 2');
      const early = replay.clock;

      // Jump most of the way with the scrubber.
      const scrubber = await game.findButton('replay.scrubber');
      await game.page.mouse.click(scrubber.x + scrubber.width * 0.2, scrubber.y); // 70% along
      replay = await waitForStatus(game, 'replay.step > 2');
      expect(replay.step / replay.last).toBeGreaterThan(0.65);
      expect(replay.step / replay.last).toBeLessThan(0.75);
      expect(replay.clock).toBeGreaterThan(early);
      await game.page.waitForTimeout(600); // meters slide into place
      await game.screenshot('replay-zh');

      await game.click('replay.speed.16');
      await game.click('replay.play');
      await waitForStatus(game, 'replay.playing');
      replay = await waitForStatus(game, 'replay.step === replay.last && !replay.playing', 120_000);
      expect(replay.scores).toEqual(replay.storedScores);
      expect(replay.total).toBe(replay.storedTotal);
      expect(replay.matches).toBe(true);

      await game.click('lang.toggle');
      replay = await waitForStatus(game, "replay.banner.includes('matches')");
      expect(replay.banner).toBe('✓ The replay matches the stored result');
      await game.page.waitForTimeout(600);
      await game.screenshot('replay-en-end');
      expect(game.errors).toEqual([]);

      await game.click('replay.toResults');
      await game.waitForScene('Results');
    } catch (err) {
      console.log(await game.page.evaluate(() => ({ scenes: window.__crisisDrill!.scenes(), replay: window.__crisisDrill!.replay() })), game.errors, env.server.errors);
      throw err;
    } finally {
      await game.close();
    }
  }, 360_000);

  it('says the link is not valid for a drill it cannot open', async () => {
    const res = await fetch(`${env.server.url}/api/drills/nothing/replay?token=nothing`);
    expect(res.status).toBe(404);
  });
});

/** Menu → solo → the phone queue, answering whoever waits, until the results. */
async function playSoloToResults(game: GamePage): Promise<void> {
  await startSolo(game, { name: '回放练习者', post: 'call-centre-lead', skill: 'competent', scene: 'PhoneQueue' });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && (await game.scene()) !== 'Results') {
    const npc = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('npc.'));
    if (npc) await game.page.mouse.click(npc.x, npc.y);
    const response = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('response.'));
    if (response) await game.page.mouse.click(response.x, response.y);
    await game.page.waitForTimeout(150);
  }
  await game.waitForScene('Results', 60_000);
  await game.findButton('results.replay', 30_000);
}
