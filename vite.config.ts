import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Where each build goes: production (served by default) and the test build the browser tests serve. */
export const CLIENT_OUT = { production: 'dist/client', test: 'dist/client-test' } as const;

const TEST_HOOKS = fileURLToPath(new URL('client/testing/testHooks.ts', import.meta.url));

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
    resolve: { alias: testBuild ? [{ find: /^(\.{1,2}\/)+(game\/)?testHooks\.js$/, replacement: TEST_HOOKS }] : [] },
    build: {
      outDir: `../${testBuild ? CLIENT_OUT.test : CLIENT_OUT.production}`,
      emptyOutDir: true,
      rollupOptions: {
        output: {
          manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
        },
      },
    },
    test: {
      root: '.',
      include: ['test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
    },
  };
});
