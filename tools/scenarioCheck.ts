// The authoring checker: schema and references, reachability, unused state, dimensions nothing
// moves, duties nothing fulfils, no-choice answers, and whether expert play beats novice play.
//   npm run scenario:check [-- files…] [--no-sim] [--runs 500]
// Exits 1 if any file has an error; warnings are printed but do not fail.
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadScenarioFile, SCENARIO_DIR } from '../server/scenarios/loadScenarios.js';
import { lintScenario } from '../shared/scenario/lint/lintScenario.js';
import { formatPath, ScenarioError } from '../shared/scenario/scenarioIssue.js';
import { REQUIRED_EXPERT_LEAD, skillGap } from '../shared/sim/skillGap.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-sim': { type: 'boolean', default: false }, runs: { type: 'string', default: '500' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a whole number of at least 1');
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
      const gap = skillGap(scenario, runs);
      const verdict = `experts ${gap.expert} vs novices ${gap.novice} (median total over ${runs} runs): lead ${gap.lead}, required ${REQUIRED_EXPERT_LEAD}`;
      if (gap.lead < REQUIRED_EXPERT_LEAD) {
        errors++;
        console.log(`error   ${name}: ${verdict}`);
      } else console.log(`        ${name}: ${verdict}`);
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
