import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

/** Where each build goes: production (served by default) and the test build the browser tests serve. */
export const CLIENT_OUT = { production: 'dist/client', test: 'dist/client-test' } as const;

const TEST_HOOKS = fileURLToPath(new URL('client/testing/testHooks.ts', import.meta.url));
const PHASER_PARTS = fileURLToPath(new URL('client/phaser/phaserParts.ts', import.meta.url));
// Its real path: the bundler names modules by where they really are, so in a checkout whose
// node_modules is a link the flags below would otherwise silently stay unset.
const PHASER_SOURCES = `${realpathSync(fileURLToPath(new URL('node_modules/phaser/src/', import.meta.url)))}/`;

/**
 * Phaser's sources test build flags with `typeof FLAG` (webpack's DefinePlugin sets them in
 * Phaser's own builds): both renderers in, sound, the WebGL debugger and the optional plugins out.
 * A bare `typeof FLAG` would read "undefined" (a truthy string), so each is replaced by its value.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

function phaserFlags(): Plugin {
  const flag = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'phaser-flags',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(PHASER_SOURCES) || !code.includes('typeof ')) return null;
      return { code: code.replace(flag, (_, name: string) => String(PHASER_FLAGS[name])), map: null };
    },
  };
}

// One config for the client build and for vitest. Phaser goes into its own chunk so the game
// code stays small and the engine library is cached across releases.
//
// `vite build --mode test` is the test build: client/game/testHooks.ts (no-ops) is swapped for
// client/testing/testHooks.ts, which puts window.__crisisDrill on the page. Only that build holds
// the test surface; test/client/productionBundle.test.ts checks the production one has none of it.
export default defineConfig(({ command, mode }) => {
  const testBuild = command === 'build' && mode === 'test';
  return {
    root: 'client',
    publicDir: '../assets',
    // Builds bundle only the part of Phaser the game uses (client/phaser/phaserParts.ts); vitest,
    // which never draws, keeps the package.
    plugins: command === 'build' ? [phaserFlags()] : [],
    resolve: {
      alias: [
        ...(testBuild ? [{ find: /^(\.{1,2}\/)+(game\/)?testHooks\.js$/, replacement: TEST_HOOKS }] : []),
        ...(command === 'build'
          ? [
              { find: /^phaser$/, replacement: PHASER_PARTS },
              { find: /^phaser-src\/(.*)$/, replacement: `${PHASER_SOURCES}$1` },
            ]
          : []),
      ],
    },
    build: {
      outDir: `../${testBuild ? CLIENT_OUT.test : CLIENT_OUT.production}`,
      emptyOutDir: true,
      rollupOptions: {
        output: {
          manualChunks: (id: string) => (id.includes('node_modules/phaser') || id === PHASER_PARTS ? 'phaser' : undefined),
        },
      },
    },
    test: {
      root: '.',
      include: ['test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      // A hook that prepares a file's drills (twenty recorded replays, a loaded scenario) gets a test's budget.
      hookTimeout: 30_000,
    },
  };
});
