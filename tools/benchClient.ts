// npm run bench:client — the client's size and speed, measured in the browser players use.
//
//   1. builds the production client (vite build);
//   2. the initial JavaScript: what is loaded before the menu (index.html's entry and preloads,
//      and the art pack), raw and gzip (level 9, as a web server would serve it);
//   3. time from navigation to the first interactive menu frame (the `cd:interactive` mark), in
//      headless Chromium against the real app serving the production build on loopback (median of
//      several cold page loads);
//   4. the median frame time in the busiest room: the branch lobby with 20 people waiting
//      (`?bench=crowd`, see client/testing/crowdBench.ts), over five seconds: the game's own work
//      per frame (update and render), and the interval between frames. The crowd and the frame
//      sampler are test surface, so this part runs on the test build (vite build --mode test).
//
//   3b. the same over a 200 KB/s link (Chromium's network emulation): time, first paint, bytes;
//
// Targets (the performance issue): initial JS ≤ 300 KB gzip including Phaser; first interactive
// frame ≤ 800 ms on loopback and ≤ 3 s over the slow link, with the loading screen painted first. The reference printed beside the total is the whole Phaser library (its own minified
// build), gzipped the same way in the same run: what the client shipped before it bundled only
// the parts it uses (client/phaser/phaserParts.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS, FLAGSHIP_DIR, HAS_CHROMIUM } from '../test/helpers/browser.js';
import { ensureClientBuild } from '../test/helpers/browser.js';
import { PRODUCTION_CLIENT_DIR } from '../test/helpers/clientBuilds.js';
import { startTestServer } from '../test/helpers/server.js';
import { LATER_ASSETS, MENU_ASSETS } from '../client/assets/manifest.js';

const ROOT = new URL('../', import.meta.url).pathname;
const DIST = PRODUCTION_CLIENT_DIR;
const LOADS = 5;
const SLOW_LOADS = 3;
const LOOPBACK_TARGET_MS = 800;
const SLOW_TARGET_MS = 3000;
const INITIAL_TARGET_KB = 300;
const FRAME_SECONDS = 5;


/**
 * The JavaScript needed before the menu: what index.html loads (the entry and its preloads) and
 * the art pack the Preloader imports (client/assets/artPack.ts). The network code loads later.
 */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const pack = readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('artPack-') && f.endsWith('.js'));
  return [...new Set([...srcs, ...pack.map((f) => `/assets/${f}`)])];
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A slow link's download rate, the 200 KB/s, with a mobile network's round trip. */
const SLOW_LINK = { bytesPerSecond: 200 * 1024, latencyMs: 40 };

/**
 * One cold page load: when the menu first took input, and the client's own marks on the way (ms),
 * and the first paint (the HTML loading screen). With `slow`, Chromium holds the page to SLOW_LINK
 * (DevTools network emulation), and `bytes` is what crossed it: compressed sizes, as served.
 */
async function firstInteractive(browser: Browser, url: string, slow = false): Promise<{ at: number; firstPaint: number; bytes: number; marks: Record<string, number> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_LINK.latencyMs, downloadThroughput: SLOW_LINK.bytesPerSecond, uploadThroughput: SLOW_LINK.bytesPerSecond });
  }
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction("performance.getEntriesByName('cd:interactive')[0]?.startTime", null, { timeout: 30_000, polling: 10 });
  const at = (await handle.jsonValue()) as number;
  // The other screens' drawings go on loading behind the menu: their mark comes after it.
  await page.waitForFunction("performance.getEntriesByName('cd:laterArt').length > 0", null, { timeout: 30_000, polling: 10 });
  const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cd:')).map((m) => [m.name.slice(3), m.startTime]))`)) as Record<string, number>;
  const firstPaint = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)) as number;
  // Everything fetched up to the interactive menu (later prefetches may add more, not counted).
  const bytes = (await page.evaluate(
    `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((e) => e.responseEnd <= ${at}).reduce((n, e) => n + e.transferSize, 0)`,
  )) as number;
  await context.close();
  return { at, firstPaint, bytes, marks };
}

async function crowdFrames(browser: Browser, url: string): Promise<{ interval: number; work: number; workP95: number; frames: number; people: number; renderer: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}/?bench=crowd`);
  await page.waitForFunction(() => window.__crisisDrill?.scene() === 'BranchLobby', null, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  // Strings, so the page gets plain JavaScript (tsx would add helpers the page lacks).
  const sample = (await page.evaluate(`window.__crisisDrill.sampleFrames(${FRAME_SECONDS * 1000})`)) as { intervals: number[]; work: number[] };
  const people = (await page.evaluate('window.__crisisDrill.view().panel.npcs.length')) as number;
  const renderer = (await page.evaluate('window.__crisisDrill.renderer()')) as string;
  await context.close();
  const work = [...sample.work].sort((a, b) => a - b);
  return { interval: median(sample.intervals), work: median(work), workP95: work[Math.floor(work.length * 0.95)] ?? 0, frames: sample.intervals.length, people, renderer };
}

async function main(): Promise<void> {
  console.log('Building the client (vite build)…');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });

  let raw = 0;
  let gz = 0;
  console.log('\nInitial JavaScript (everything loaded before the menu):');
  for (const src of initialScripts()) {
    const bytes = readFileSync(join(DIST, src));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`  ${src.padEnd(40)} ${kb(bytes.length).padStart(11)} raw ${kb(zipped).padStart(10)} gzip`);
  }
  console.log(`  ${'total'.padEnd(40)} ${kb(raw).padStart(11)} raw ${kb(gz).padStart(10)} gzip   (target ≤ ${INITIAL_TARGET_KB} KB gzip: ${gz <= INITIAL_TARGET_KB * 1024 ? 'met' : 'MISSED'})`);
  const wholePhaser = readFileSync(join(ROOT, 'node_modules/phaser/dist/phaser.min.js'));
  console.log(`  reference: the whole Phaser library ${kb(wholePhaser.length).padStart(11)} raw ${kb(gzipSync(wholePhaser, { level: 9 }).length).padStart(10)} gzip`);

  if (!HAS_CHROMIUM) {
    console.warn(`\nNo Chromium at ${CHROMIUM}: the timings below need it (install Debian's "chromium").`);
    return;
  }
  const server = await startTestServer({ clientDir: DIST }, FLAGSHIP_DIR);
  await ensureClientBuild();
  const testServer = await startTestServer({}, FLAGSHIP_DIR);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    await firstInteractive(browser, server.url); // warm the server's caches and the disk, not timed
    const runs: Awaited<ReturnType<typeof firstInteractive>>[] = [];
    for (let i = 0; i < LOADS; i++) runs.push(await firstInteractive(browser, server.url));
    const loads = runs.map((r) => r.at);
    const m = median(loads);
    console.log(`\nNavigation to first interactive menu frame (${LOADS} cold page loads, loopback):`);
    console.log(`  median ${m.toFixed(0)} ms   (each: ${loads.map((v) => v.toFixed(0)).join(', ')} ms)   (target ≤ ${LOOPBACK_TARGET_MS} ms: ${m <= LOOPBACK_TARGET_MS ? 'met' : 'MISSED'})`);
    const mark = (name: string) => median(runs.map((r) => r.marks[name] ?? NaN)).toFixed(0);
    console.log(`  on the way (medians): first paint ${median(runs.map((r) => r.firstPaint)).toFixed(0)} ms, code running ${mark('main')} ms, progress bar ${mark('preload')} ms, the menu's ${MENU_ASSETS.length} drawings ${mark('loaded')} ms, the other ${LATER_ASSETS.length} behind the menu ${mark('laterArt')} ms`);

    const slowRuns: Awaited<ReturnType<typeof firstInteractive>>[] = [];
    for (let i = 0; i < SLOW_LOADS; i++) slowRuns.push(await firstInteractive(browser, server.url, true));
    const slow = median(slowRuns.map((r) => r.at));
    const bytes = median(slowRuns.map((r) => r.bytes));
    console.log(`\nThe same over a ${SLOW_LINK.bytesPerSecond / 1024} KB/s link with ${SLOW_LINK.latencyMs} ms latency (${SLOW_LOADS} cold loads, Chromium's network emulation):`);
    console.log(`  median ${slow.toFixed(0)} ms   (each: ${slowRuns.map((r) => r.at.toFixed(0)).join(', ')} ms)   (target ≤ ${SLOW_TARGET_MS} ms: ${slow <= SLOW_TARGET_MS ? 'met' : 'MISSED'})`);
    console.log(`  the loading screen painted at ${median(slowRuns.map((r) => r.firstPaint)).toFixed(0)} ms; ${kb(bytes)} crossed the link before the menu (compressed, as served)`);
    console.log(`  reference: those bytes alone at ${SLOW_LINK.bytesPerSecond / 1024} KB/s take ${((bytes / SLOW_LINK.bytesPerSecond) * 1000).toFixed(0)} ms`);

    const frames = await crowdFrames(browser, testServer.url);
    console.log(`\nBusiest room: branch lobby with ${frames.people} people on screen, ${FRAME_SECONDS} s, ${frames.frames} frames, ${frames.renderer} renderer:`);
    console.log(`  median frame time ${frames.work.toFixed(1)} ms of work (update + render), 95th percentile ${frames.workP95.toFixed(1)} ms`);
    console.log(`  median frame interval ${frames.interval.toFixed(1)} ms (${(1000 / frames.interval).toFixed(0)} fps; the display caps it at 60)`);
    console.log('\n(Without a GPU the client picks Phaser\'s Canvas renderer: see client/game/pickRenderer.ts.)');
  } finally {
    await browser.close();
    await server.close();
    await testServer.close();
  }
}

await main();
