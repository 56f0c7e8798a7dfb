// The authoring checker: schema and references, reachability, unused state, dimensions nothing
// moves, duties nothing fulfils, no-choice answers, and the gameability check: expert play far
// above novice play, and no way of choosing by the surface of the options (order, length,
// wording, locks) that scores like knowing the procedure.
// With the simulations it also measures the novice and expert medians at each level, fails a
// scenario whose levels are not in order (introductory > standard > advanced for novices, each
// at least 5 apart), and writes them to scenarios/measured/levels.json for the scenario list.
//   npm run scenario:check [-- files…] [--no-sim] [--seeds 200]
// Exits 1 if any file has an error; warnings are printed but do not fail.
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadScenarioFile, SCENARIO_DIR } from '../server/scenarios/loadScenarios.js';
import { lintScenario } from '../shared/scenario/lint/lintScenario.js';
import { formatPath, ScenarioError } from '../shared/scenario/scenarioIssue.js';
import { checkGameability, DEFAULT_SEEDS, formatGameability } from '../shared/sim/gameability.js';
import { levelProblems, measureLevels } from '../shared/sim/levelMedians.js';
import { readMeasuredLevels, writeMeasuredLevels } from '../server/scenarios/measuredLevels.js';
import { scenarioHash } from '../server/scenarios/scenarioHash.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-sim': { type: 'boolean', default: false }, seeds: { type: 'string', default: String(DEFAULT_SEEDS) } },
});
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < DEFAULT_SEEDS) {
  console.error(`--seeds must be a whole number of at least ${DEFAULT_SEEDS}`);
  process.exit(2);
}
const files = positionals.length
  ? positionals.map((f) => resolve(f))
  : readdirSync(SCENARIO_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(SCENARIO_DIR, f));

let failed = false;
const measured = await readMeasuredLevels(SCENARIO_DIR);
/** Seeds per level and skill for the medians the scenario list shows. */
const LEVEL_SEEDS = 100;
for (const file of files) {
  const name = basename(file);
  let errors = 0;
  let warnings = 0;
  try {
    const scenario = await loadScenarioFile(file);
    const raw = parse(readFileSync(file, 'utf8'));
    for (const f of lintScenario(scenario)) {
      if (f.severity === 'error') errors++;
      else warnings++;
      console.log(`${f.severity === 'error' ? 'error  ' : 'warning'} ${name}: ${formatPath(f.path, raw) || '(top level)'}: ${f.message}`);
    }
    if (!values['no-sim']) {
      const report = checkGameability(scenario, seeds);
      for (const line of formatGameability(report)) console.log(`        ${name}: ${line}`);
      for (const failure of report.failures) console.log(`error   ${name}: gameable: ${failure}`);
      errors += report.failures.length;
      const measure = measureLevels(scenario, LEVEL_SEEDS);
      console.log(`        ${name}: median total by level (${LEVEL_SEEDS} seeds): ${Object.entries(measure.levels).map(([l, m]) => `${l} novice ${m.novice} / expert ${m.expert}`).join('; ')}`);
      console.log(`        ${name}: earliest failure ending of novices at the standard level: ${measure.earliestFailureMinutes === null ? 'none' : `${measure.earliestFailureMinutes} real minutes`}`);
      for (const problem of levelProblems(measure)) console.log(`error   ${name}: levels: ${problem}`);
      errors += levelProblems(measure).length;
      // Kept for the scenario list only for files of the library itself, and shown only while the hash matches.
      if (resolve(file).startsWith(resolve(SCENARIO_DIR))) measured[scenario.id] = { hash: scenarioHash(scenario), seeds: LEVEL_SEEDS, ...measure };
    }
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    for (const issue of err.issues) console.log(`error   ${issue.file}: ${issue.path || '(top level)'}: ${issue.message}`);
    errors += err.issues.length;
  }
  console.log(`${errors ? 'FAIL' : 'ok  '}  ${name}: ${errors} error(s), ${warnings} warning(s)\n`);
  if (errors) failed = true;
}
if (!values['no-sim']) await writeMeasuredLevels(SCENARIO_DIR, measured);
process.exit(failed ? 1 : 0);
