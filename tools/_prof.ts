import { loadScenarios } from '/work/main/server/scenarios/loadScenarios.js';
import { runBotDrill } from '/work/main/shared/sim/runBotDrill.js';
const s = (await loadScenarios('/work/main/test/fixtures')).get('mini-outage')!;
const team = Object.fromEntries(s.posts.map(p => [p.id, 'expert' as const]));
const t0 = performance.now();
for (let i = 0; i < 3000; i++) runBotDrill(s, i, team);
console.log((3000 / ((performance.now() - t0) / 1000)).toFixed(0), 'drills/s');
