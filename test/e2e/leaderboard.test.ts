import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../server/store/drillRecord.js';
import { playedRecord, saveJudged } from '../helpers/drillRecords.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureClientBuild, FLAGSHIP_DIR, HAS_CHROMIUM, launchBrowser, openPage, warnNoChromium, type GamePage } from '../helpers/browser.js';

warnNoChromium('test/e2e/leaderboard.test.ts (leaderboard scene)');

const SCENARIO = 'huarui-upgrade-outage';
async function waitForBoard(game: GamePage, check: string): Promise<void> {
  try {
    await game.page.waitForFunction(`(() => { const lines = window.__crisisDrill?.board() ?? []; return ${check}; })()`, null, { timeout: 20_000, polling: 50 });
  } catch (err) {
    throw new Error(`board lines never met ${check}: ${JSON.stringify(await game.page.evaluate(() => window.__crisisDrill?.board()))}`, { cause: err });
  }
}

describe.skipIf(!HAS_CHROMIUM)('the leaderboard in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  const teams: DrillRecord[] = [];

  beforeAll(async () => {
    await ensureClientBuild();
    server = await startTestServer({}, FLAGSHIP_DIR);
    const { store, scenarios } = server.services;
    const loaded = scenarios.get(SCENARIO)!;
    const save = (r: DrillRecord) => saveJudged(store, { scenarios, log: server.services.log }, r);
    const names = ['杭州一队', 'Harbour Branch', '滨江支行', 'Night Shift', '总行营业部', 'Team Kappa', '西湖支行', 'Ops Lab', '城西网点', 'Audit Crew', '萧山支行', 'Late Starters'];
    for (const [i, team] of names.entries()) {
      const record = playedRecord(loaded, { seed: 500 + i, team, skill: (['novice', 'competent', 'expert'] as const)[i % 3], finishedAt: `2026-11-2${i % 9}T0${i % 10}:15:00.000Z` });
      teams.push(record);
      await save(record);
    }
    await save(playedRecord(loaded, { seed: 600, solo: { post: loaded.scenario.posts[0]!.id, name: '王芳' }, skill: 'expert' }));
    await save(playedRecord(loaded, { seed: 601, solo: { post: loaded.scenario.posts[0]!.id, name: 'Advanced Ann' }, skill: 'expert', level: 'advanced' }));
    const res = await fetch(`${server.url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: SCENARIO, name: '春季网点挑战赛', speed: 120 }) });
    const competition = (await res.json()) as { id: string; seed: number };
    for (const team of ['Alpha', 'Bravo']) {
      await store.addCompetitionEntry(competition.id, { team, code: team === 'Alpha' ? 'AAAA2345' : 'BBBB2345', enteredAt: new Date().toISOString() });
    }
    await save({ ...playedRecord(loaded, { seed: 700, team: 'Alpha', skill: 'expert' }), competitionId: competition.id, finishedAt: new Date().toISOString() });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the menu and shows verified results page by page, the solo boards and a competition', async () => {
    const game = await openPage(browser, server.url, 'en');
    await game.click('menu.leaderboard');
    await game.waitForScene('Leaderboard');
    await waitForBoard(game, 'lines.length === 10');
    // 13 team names in all (the competition's Alpha too), best first.
    const best = [...teams].sort((a, b) => b.total - a.total || a.finishedAt.localeCompare(b.finishedAt))[0]!;
    const lines = await game.page.evaluate(() => window.__crisisDrill!.board());
    expect(lines[0]!.startsWith('1 ')).toBe(true);
    const totals = lines.map((l) => Number(l.split(' ').at(-1)));
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(totals[0]).toBeGreaterThanOrEqual(best.total);
    await game.screenshot('leaderboard-team-en');

    await game.click('board.next');
    await waitForBoard(game, "lines.length === 3 && lines[0].startsWith('11 ')");
    expect((await game.findButton(/^board\.prev$/)).enabled).toBe(true);

    await game.click(/^board\.tab\.solo\./);
    await waitForBoard(game, "lines.length === 1 && lines[0].startsWith('1 王芳 ')");
    // Each level has its own board.
    await game.click('board.level.advanced');
    await waitForBoard(game, "lines.length === 1 && lines[0].startsWith('1 Advanced Ann ')");
    await game.screenshot('leaderboard-solo-advanced-en');
    await game.click('board.level.introductory');
    await waitForBoard(game, 'lines.length === 0');
    await game.click('board.level.standard');
    await waitForBoard(game, "lines.length === 1 && lines[0].startsWith('1 王芳 ')");

    await game.click('board.tab.competition');
    await waitForBoard(game, "lines.length === 2 && lines[0].startsWith('1 Alpha ') && lines[1] === '– Bravo playing'");
    await game.screenshot('leaderboard-competition-en');

    await game.click('lang.toggle');
    await waitForBoard(game, "lines.length === 2 && lines[1] === '– Bravo 进行中'");
    await game.click('board.tab.team');
    await waitForBoard(game, 'lines.length === 10');
    await game.screenshot('leaderboard-team-zh');

    await game.click('board.back');
    await game.waitForScene('Menu');
    expect(game.errors).toEqual([]);
    await game.close();
  }, 120_000);
});
