import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillStore } from '../../server/store/DrillStore.js';
import { ensureClientBuild, HAS_CHROMIUM, launchBrowser, openPage, typeName, warnNoChromium, type GamePage } from '../helpers/browser.js';
import { startSolo } from '../helpers/soloPlay.js';
import { until } from '../helpers/server.js';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';

warnNoChromium('test/e2e/cleanRestart.test.ts (Ctrl-C on the server with a training session and a solo run in progress)');

const ABANDON_SECONDS = 25;
const dataDir = mkdtempSync(join(tmpdir(), 'crisis-clean-restart-'));

describe.skipIf(!HAS_CHROMIUM)('a clean restart (SIGINT) of the server process', () => {
  let browser: Browser;
  let port: number;
  let server: ServerProcess;
  const pages: GamePage[] = [];

  beforeAll(async () => {
    await ensureClientBuild();
    port = await freePort();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () => startServerProcess({ DATA_DIR: dataDir, RECONNECT_SECONDS: '20', ABANDON_SECONDS: String(ABANDON_SECONDS) }, port);
  const connection = (game: GamePage) => game.page.evaluate(() => window.__crisisDrill?.connection() ?? 'none');

  it('brings every page back to its own seat, the trainer resumes, and the drill finishes; a drill nobody returns to is stored as abandoned', async () => {
    server = await start();
    const url = `http://127.0.0.1:${port}`;

    // A training session: the trainer and two trainees, running.
    const trainer = await openPage(browser, `${url}/?speed=30`, 'en');
    pages.push(trainer);
    await trainer.click('menu.training');
    await trainer.waitForView('view.code.length === 8 && view.me.isTrainer');
    const code = (await trainer.view())!.codeLabel;
    const trainees: [GamePage, string, string][] = [];
    for (const [name, post, locale] of [['王芳', 'incident-commander', 'zh-CN'], ['Sam', 'pr-officer', 'en']] as const) {
      const page = await openPage(browser, url, locale);
      pages.push(page);
      await typeName(page, name);
      await page.page.fill('input[name=joinCode]', code);
      await page.click('menu.join');
      await page.waitForScene('Lobby');
      await page.click(`lobby.take.${post}`);
      await page.waitForView(`view.me.post === '${post}'`);
      trainees.push([page, name, post]);
    }
    await trainer.click('lobby.start');
    await trainer.waitForScene('TrainerConsole');
    for (const [page] of trainees) await page.waitForView("view.phase === 'running'");
    const clockBefore = (await trainer.view())!.clock;
    await trainer.waitForView(`view.clock >= ${clockBefore + 120}`);

    // A solo run whose player closes the page before the restart: nobody will come back to it.
    const soloist = await openPage(browser, `${url}/?speed=30`, 'en');
    await startSolo(soloist, { name: 'Alone', post: 'branch-manager', scene: 'BranchLobby' });
    await soloist.close();

    // Ctrl-C.
    expect(await server.stop()).toBe(0);
    const firstOutput = server.output();
    for (const page of pages) await expect.poll(() => connection(page), { timeout: 10_000 }).toBe('restarting');
    await trainees[0]![0].screenshot('restart-waiting-zh');

    server = await start();
    expect(server.output()).toMatch(new RegExp(`Drill ${code.replace('-', '')} \\(training, huarui-upgrade-outage\\) restored from its checkpoint`));
    // One trainee reloads as soon as the page can load again: the tab kept its seat through the restart.
    await trainees[1]![0].page.reload();

    // Everyone is back where they were: the trainees at their posts, the trainer at the console.
    for (const [page, name, post] of trainees) {
      await page.waitForView(`view.me.post === '${post}' && view.seats.some((s) => s.post === '${post}' && s.holder === '${name}' && s.connected)`, 60_000);
    }
    await trainer.waitForScene('TrainerConsole', 60_000);
    await trainer.waitForView("view.phase === 'paused' && view.seats.filter((s) => s.kind === 'human' && s.connected).length === 2", 60_000);
    await trainer.screenshot('restart-back-trainer');
    await trainer.click('console.resume');
    for (const [page] of trainees) await page.waitForView("view.phase === 'running'", 30_000);

    // The drill goes on and finishes, with everyone told the result.
    await trainer.click('console.end');
    await trainer.click('console.end');
    for (const [page] of trainees) await page.waitForScene('Results', 60_000);

    // The solo drill nobody rejoined is closed and stored as abandoned once its wait is over.
    await until(() => /was abandoned at scenario clock/.test(server.output()), 'the unattended drill to be abandoned', 90_000);
    const store = await DrillStore.openSqlite(join(dataDir, 'crisis-drill.sqlite'));
    try {
      const checkpoints = await store.listCheckpoints();
      expect(checkpoints).toEqual([]);
      const drills = await store.listDrills(10);
      expect(drills.map((d) => [d.mode, d.ending.reason]).sort()).toEqual([
        ['solo', 'abandoned'],
        ['training', 'trainer'],
      ]);
    } finally {
      await store.close();
    }

    // The operator log says what happened in its own words, and nothing from Colyseus about it.
    const log = firstOutput + server.output();
    expect(log).toMatch(/SIGINT: stopping\. Running drills are checkpointed/);
    expect(log).not.toMatch(/Did you miss|already_shutting_down|error during shutdown/);
    for (const page of pages) expect(page.errors).toEqual([]);
  }, 300_000);
});
