import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { TEST_CLIENT_DIR } from './clientBuilds.js';
import type { ButtonInfo } from '../../client/testing/testSurface.js';
import type { DrillView } from '../../client/view/viewModel.js';

/** Debian's Chromium, installed by .ci/run; the browser tests skip (loudly) without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const FLAGSHIP_DIR = join(ROOT, 'scenarios/');

/** Says why the browser tests are not running, where nobody can miss it. */
export function warnNoChromium(suite: string): void {
  if (HAS_CHROMIUM) return;
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED: ${suite}\n!! No Chromium at ${CHROMIUM}. Install Debian's "chromium" (and fonts-noto-cjk) as .ci/run does,\n!! or set CHROMIUM_PATH. The browser end-to-end tests did NOT run.\n${'!'.repeat(78)}\n`,
  );
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the test client (vite build --mode test) unless dist/client-test is newer than every
 * source it is built from. Test files run in parallel workers, so a lock directory makes one build and the
 * others wait for it instead of writing into the same folder at the same time.
 */
export async function ensureClientBuild(): Promise<void> {
  const lock = join(ROOT, 'node_modules/.cache/crisis-drill-client-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than two minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build the client');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const built = existsSync(join(TEST_CLIENT_DIR, 'index.html')) ? statSync(join(TEST_CLIENT_DIR, 'index.html')).mtimeMs : 0;
    const sources = Math.max(...['client', 'assets', 'shared', 'vite.config.ts'].map((p) => (statSync(join(ROOT, p)).isDirectory() ? newestMtime(join(ROOT, p)) : statSync(join(ROOT, p)).mtimeMs)));
    if (built < sources) await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'test', logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * A page at 1280×720 (the game's own size, so page pixels are world pixels) that fails on page
 * errors. Another viewport (a laptop's 1280×800) letterboxes the game; buttons() still gives page pixels.
 */
export async function openPage(browser: Browser, url: string, locale?: 'zh-CN' | 'en', viewport = { width: 1280, height: 720 }): Promise<GamePage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (locale) await page.addInitScript((l) => localStorage.getItem('crisisDrill.locale') ?? localStorage.setItem('crisisDrill.locale', l), locale);
  await page.goto(url);
  const game = new GamePage(page, errors);
  await game.waitForScene('Menu', 20_000);
  return game;
}

/**
 * Drives the canvas UI the way a person does: finds a widget through window.__crisisDrill (see
 * client/testing/testSurface.ts) and clicks the mouse at its place on the page.
 */
export class GamePage {
  constructor(
    readonly page: Page,
    readonly errors: string[],
  ) {}

  scene(): Promise<string> {
    return this.page.evaluate(() => window.__crisisDrill?.scene() ?? '');
  }

  view(): Promise<DrillView | null> {
    return this.page.evaluate(() => window.__crisisDrill?.view() ?? null);
  }

  buttons(): Promise<ButtonInfo[]> {
    return this.page.evaluate(() => window.__crisisDrill?.buttons() ?? []);
  }

  notices(): Promise<string[]> {
    return this.page.evaluate(() => window.__crisisDrill?.notices() ?? []);
  }

  scoreChanges(): Promise<string[]> {
    return this.page.evaluate(() => window.__crisisDrill?.scoreChanges() ?? []);
  }

  async waitForScene(scene: string | RegExp, timeout = 30_000): Promise<string> {
    const source = typeof scene === 'string' ? `^${scene}$` : scene.source;
    const handle = await this.page.waitForFunction((re) => new RegExp(re).test(window.__crisisDrill?.scene() ?? ''), source, { timeout, polling: 50 });
    await handle.dispose();
    return this.scene();
  }

  /** Waits until a check of the view model holds (the function runs in the page). */
  async waitForView(check: string, timeout = 30_000): Promise<void> {
    const handle = await this.page.waitForFunction(`(() => { const view = window.__crisisDrill?.view(); return !!view && (${check}); })()`, null, { timeout, polling: 50 });
    await handle.dispose();
  }

  /** The first enabled button whose test id matches, waiting for one to appear. */
  async findButton(id: string | RegExp, timeout = 30_000): Promise<ButtonInfo> {
    const source = typeof id === 'string' ? `^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : id.source;
    const handle = await this.page.waitForFunction(
      (re) => (window.__crisisDrill?.buttons() ?? []).find((b) => b.enabled && new RegExp(re).test(b.id)) ?? null,
      source,
      { timeout, polling: 50 },
    );
    const button = (await handle.jsonValue()) as ButtonInfo;
    await handle.dispose();
    return button;
  }

  /**
   * Clicks a button with the mouse at its centre on the page. Phaser makes a newly drawn object
   * clickable only at its next frame (InputPlugin.preUpdate), and a page among several in one
   * headless browser draws slowly; so the click waits for a frame and finds the button again.
   */
  async click(id: string | RegExp, timeout?: number): Promise<ButtonInfo> {
    await this.findButton(id, timeout);
    await this.nextFrame();
    const button = await this.findButton(id, timeout);
    await this.page.mouse.click(button.x, button.y);
    return button;
  }

  /** Resolves after the page has drawn one more frame (so Phaser has run one more step). */
  async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /**
   * Clicks until the view shows the click took effect. A lobby row can re-render between
   * finding a button and clicking it on a loaded machine; the check is read before every try, so
   * a toggle is never clicked twice.
   */
  async clickUntil(id: string, check: string, tries = 4): Promise<void> {
    for (let i = 0; i < tries; i++) {
      if (await this.page.evaluate(`(() => { const view = window.__crisisDrill?.view(); return !!view && (${check}); })()`)) return;
      await this.click(id);
      try {
        await this.waitForView(check, 5_000);
        return;
      } catch {
        // not yet: look again, click again
      }
    }
    await this.waitForView(check, 5_000);
  }

  /** Takes the picture once the page has drawn what the test just waited for. */
  async screenshot(name: string): Promise<void> {
    await this.nextFrame();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/** The common way in: type a name on the menu (the field is a real HTML input over the canvas). */
export async function typeName(game: GamePage, name: string): Promise<void> {
  await game.page.fill('input[name=displayName]', name);
}

/** A trainee opens the game, joins a drill by its code and takes a post. */
export async function joinByCode(browser: Browser, url: string, code: string, name: string, post: string, locale: 'zh-CN' | 'en', viewport?: { width: number; height: number }): Promise<GamePage> {
  const game = await openPage(browser, url, locale, viewport);
  await typeName(game, name);
  await game.page.fill('input[name=joinCode]', code);
  await game.click('menu.join');
  await game.waitForScene('Lobby');
  await game.clickUntil(`lobby.take.${post}`, `view.me.post === '${post}'`);
  return game;
}
