// The authoring checker: schema and references, reachability, unused state, dimensions nothing
// moves, duties nothing fulfils, no-choice answers, and the gameability check: expert play far
// above novice play, and no way of choosing by the surface of the options (order, length,
// wording, locks) that scores like knowing the procedure.
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
    }
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    for (const issue of err.issues) console.log(`error   ${issue.file}: ${issue.path || '(top level)'}: ${issue.message}`);
    errors += err.issues.length;
  }
  console.log(`${errors ? 'FAIL' : 'ok  '}  ${name}: ${errors} error(s), ${warnings} warning(s)\n`);
  if (errors) failed = true;
}
process.exit(failed ? 1 : 0);
