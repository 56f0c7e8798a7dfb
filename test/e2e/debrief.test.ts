import { describe, expect, it } from 'vitest';
import { DebriefSchema } from '../../shared/debrief/schema.js';
import { HAS_CHROMIUM, openPage, typeName, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';
import { playToTheEnd } from '../helpers/soloPlay.js';

warnNoChromium('test/e2e/debrief.test.ts (debrief, survey and report after a solo drill)');

/** Scenario seconds per real second: the flagship's 3.5 hours in about 25 seconds. */
const SPEED = 500;
const POST = 'pr-officer';
const NAME = '韩梅梅';
const WENT_WELL = '先核实再发声，口径统一';

describe.skipIf(!HAS_CHROMIUM)('the debrief after a solo drill, through the real UI', () => {
  const env = useGameServer();

  it('shows the chart and the decisions, takes the survey, and the report shows the answers', async () => {
    const game = await openPage(env.browser, `${env.server.url}/?speed=${SPEED}`, 'zh-CN');
    try {
      await typeName(game, NAME);
      await game.click('menu.solo');
      await game.click(`solo.post.${POST}`);
      await game.click('solo.skill.expert');
      await game.click('solo.start');
      await game.waitForScene('Lobby');
      await game.click('lobby.start');
      await game.waitForScene('Newsroom');
      await playToTheEnd(game);
      expect(await game.waitForScene('Results', 60_000)).toBe('Results');

      await game.click('results.debrief');
      await game.waitForScene('Debrief');
      // The chart's legend has one entry per dimension, each with its start and end score.
      const legend = [];
      for (const dim of ['trust', 'reputation', 'compliance', 'continuity', 'timeliness', 'coordination']) legend.push(await game.findButton(`debrief.chart.${dim}`));
      expect(legend.every((b) => /\d+→\d+/.test(b.label))).toBe(true);
      await game.page.waitForTimeout(300);
      await game.screenshot('debrief-scores');

      const [record] = await env.server.services.store.listDrills(1);
      const res = await fetch(`${env.server.url}/api/drills/${record!.id}/debrief?token=${record!.reportToken}&post=${POST}`);
      const debrief = DebriefSchema.parse((await res.json()).debrief);
      expect(debrief.decisions.length).toBeGreaterThan(0);

      await game.click('debrief.tab.decisions');
      const card = await game.findButton(/^debrief\.decision\.\d+$/);
      const first = debrief.decisions[0]!;
      expect(card.id).toBe(`debrief.decision.${first.seq}`);
      expect(card.label).toBe(first.choice['zh-CN']);
      await game.page.waitForTimeout(300);
      await game.screenshot('debrief-decisions');
      if (debrief.decisions.length > 2) {
        await game.click('debrief.next');
        await game.findButton(`debrief.decision.${debrief.decisions[2]!.seq}`);
      }

      await game.click('debrief.tab.findings');
      await game.page.waitForTimeout(300);
      await game.screenshot('debrief-findings');
      // The findings and the decisions in English, to be looked at for text that does not fit.
      await game.click('lang.toggle');
      await game.page.waitForTimeout(300);
      await game.screenshot('debrief-findings-en');
      await game.click('debrief.tab.decisions');
      await game.page.waitForTimeout(300);
      await game.screenshot('debrief-decisions-en');
      await game.click('lang.toggle');

      await game.click('debrief.tab.survey');
      await game.page.waitForSelector('textarea[name=wentWell]');
      expect(await game.page.inputValue('input[name=surveyName]')).toBe(NAME);
      await game.page.fill('textarea[name=wentWell]', WENT_WELL);
      await game.page.fill('textarea[name=toChange]', 'Share the cause with PR sooner');
      await game.page.check('input[name=confidenceBefore][value="2"]');
      await game.page.check('input[name=confidenceAfter][value="4"]');
      await game.click('survey.submit');
      let stored: Awaited<ReturnType<typeof env.server.services.store.listSurveys>> = [];
      const started = Date.now();
      while (stored.length === 0 && Date.now() - started < 10_000) {
        stored = await env.server.services.store.listSurveys(record!.id);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(stored).toEqual([expect.objectContaining({ name: NAME, post: POST, answers: { wentWell: WENT_WELL, toChange: 'Share the cause with PR sooner', confidenceBefore: 2, confidenceAfter: 4 } })]);
      await game.page.waitForTimeout(400);
      await game.screenshot('debrief-survey');

      const popup = game.page.context().waitForEvent('page');
      await game.click('debrief.report');
      const report = await popup;
      await report.waitForLoadState();
      const text = await report.locator('body').innerText();
      expect(text).toContain('五、经验教训问卷');
      expect(text).toContain(WENT_WELL);
      expect(text).toContain(first.choice['zh-CN']);
      await report.screenshot({ path: 'test-results/screenshots/report-from-debrief.png' });
      expect(game.errors).toEqual([]);
    } catch (err) {
      console.log(await game.page.evaluate(() => ({ scenes: window.__crisisDrill!.scenes(), notices: window.__crisisDrill!.notices().slice(-8) })), game.errors, env.server.errors);
      throw err;
    } finally {
      await game.close();
    }
  }, 420_000);
});
