import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ServerServices } from '../../server/services.js';
import { ensureClientBuild, FLAGSHIP_DIR, launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/** What a browser test file plays against; read its fields inside tests (they are set in beforeAll). */
export interface GameServer {
  server: TestServer;
  browser: Browser;
}

/**
 * The usual setup of a browser test file: the client built, the real server on the real
 * scenarios, one Chromium; all closed after the file. Call once at the top of a describe.
 */
export function useGameServer(overrides: Partial<ServerServices> = {}, scenarioDir = FLAGSHIP_DIR): GameServer {
  const game = {} as GameServer;
  beforeAll(async () => {
    await ensureClientBuild();
    game.server = await startTestServer(overrides, scenarioDir);
    game.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await game.browser?.close();
    await game.server?.close();
  });
  return game;
}
