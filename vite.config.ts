import { defineConfig } from 'vitest/config';

// One config for the client build and for vitest. Phaser goes into its own chunk so the game
// code stays small and the engine library is cached across releases.
export default defineConfig({
  root: 'client',
  publicDir: '../assets',
  build: {
    outDir: '../dist/client',
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
});
