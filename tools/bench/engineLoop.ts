// Plays N full flagship drills with four expert bots (or N replays of recorded ones) and prints
// nothing: engineInstructions.sh counts the CPU instructions this takes.
//   tsx tools/bench/engineLoop.ts <full|replay> <N>
import { loadScenarios } from '../../server/scenarios/loadScenarios.js';
import { replay } from '../../shared/replay/replay.js';
import { runBotDrill } from '../../shared/sim/runBotDrill.js';

const [mode = 'full', count = '0'] = process.argv.slice(2);
const scenario = (await loadScenarios()).get('huarui-upgrade-outage')!;
const experts = Object.fromEntries(scenario.posts.map((p) => [p.id, 'expert' as const]));
const sample = Array.from({ length: 100 }, (_, seed) => runBotDrill(scenario, seed, experts));
for (let i = 0; i < Number(count); i++) {
  if (mode === 'replay') {
    const d = sample[i % sample.length]!;
    replay(scenario, { seed: d.state.seed, roster: d.roster }, d.inputs);
  } else runBotDrill(scenario, 1000 + i, experts);
}
