import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureClientBuild } from '../helpers/browser.js';
import { TEST_CLIENT_DIR } from '../helpers/clientBuilds.js';

// The test surface exists only in the test build (client/game/testHooks.ts is swapped for
// client/testing/testHooks.ts by `vite build --mode test`). These strings belong to it alone.
const TEST_SURFACE = ['__crisisDrill', 'sampleFrames', 'dropConnection', 'firstInteractiveAt', 'BENCH000', 'crowdBench'];

const ROOT = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'crisis-drill-production-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every file of a build that the browser loads as code or markup, with its text. */
function builtText(dir: string): { file: string; text: string }[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.(js|html)$/.test(f.name));
  return files.map((f) => ({ file: join(f.parentPath, f.name), text: readFileSync(join(f.parentPath, f.name), 'utf8') }));
}

describe('the production bundle', () => {
  it('holds none of the test surface', async () => {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    const files = builtText(out);
    expect(files.some((f) => f.file.endsWith('index.html'))).toBe(true);
    const found = files.flatMap(({ file, text }) => TEST_SURFACE.filter((s) => text.includes(s)).map((s) => `${s} in ${file.slice(out.length)}`));
    expect(found).toEqual([]);
  }, 180_000);

  it('while the test build, which the browser tests serve, has it (so the check above can fail)', async () => {
    await ensureClientBuild();
    const text = builtText(TEST_CLIENT_DIR).map((f) => f.text).join('\n');
    for (const s of ['__crisisDrill', 'sampleFrames']) expect(text).toContain(s);
  }, 180_000);
});
