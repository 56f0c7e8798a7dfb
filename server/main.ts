// Starts the product: the Colyseus server, the JSON API and the built client on one port.
import { join } from 'node:path';
import { createApp } from './app.js';
import { restoreCheckpoints } from './checkpoints/restoreCheckpoints.js';
import { redactedRedisUrl, scaleOutFromEnv } from './scale/scaleOut.js';
import { loadScenarioSet } from './scenarios/loadScenarioSet.js';
import { DrillStore } from './store/DrillStore.js';

const port = Number(process.env.PORT ?? 2567);
const dataDir = process.env.DATA_DIR ?? join(process.cwd(), 'data');
const log = { info: (m: string) => console.log(m), error: (m: string) => console.error(m) };

try {
  const { scenarios, refused } = await loadScenarioSet();
  for (const r of refused) log.error(`Scenario ${r.file} was refused and will not be offered:\n  ${r.reasons.join('\n  ')}`);
  if (scenarios.size === 0) {
    log.error('No scenario passed the checks, so there is nothing to play: fix the files above (npm run scenario:check).');
    process.exit(1);
  }
  // DATABASE_URL (postgres://…) selects PostgreSQL, for several servers; otherwise SQLite under DATA_DIR.
  const store = await DrillStore.open({ databaseUrl: process.env.DATABASE_URL || undefined, sqliteFile: join(dataDir, 'crisis-drill.sqlite') });
  // REDIS_URL (and PUBLIC_ADDRESS): several processes share matchmaking; see README "Running several processes".
  const scaleOut = await scaleOutFromEnv(process.env);
  if (scaleOut) log.info(`Sharing matchmaking over Redis at ${redactedRedisUrl(process.env.REDIS_URL!)}; players reach this process at ${scaleOut.publicAddress}`);
  const services = {
    scenarios,
    store,
    reconnectSeconds: Number(process.env.RECONNECT_SECONDS ?? 60),
    abandonSeconds: Number(process.env.ABANDON_SECONDS ?? 900),
    limits: { perSecond: 10, burst: 20, maxStrikes: 50 },
    testHooks: false,
    scaleOut,
    log,
    // CLIENT_DIR: another build of the client to serve (the browser tests serve the test build).
    clientDir: process.env.CLIENT_DIR || undefined,
  };
  const app = createApp(services);
  // Drills that were running when the server stopped come back paused, before anyone can join.
  const restart = await restoreCheckpoints(services);
  if (restart.restored.length + restart.refused.length > 0) log.info(`Restart: ${restart.restored.length} running drill(s) restored, ${restart.refused.length} refused.`);
  const bound = await app.listen(port);
  log.info(`Crisis Drill is running: open http://localhost:${bound}/ (scenarios: ${[...scenarios.keys()].join(', ')}; data in ${store.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : dataDir})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping. Running drills are checkpointed and come back paused at the next start; their pages reconnect by themselves. Finished drills are already stored.`);
    try {
      await app.close();
    } catch (err) {
      log.error(`The shutdown did not finish cleanly: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
    log.info('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  console.error(`The server could not start: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
}
