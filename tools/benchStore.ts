// Storage figures: finished drills written per second (judged by replay and stored in one
// transaction, as DrillRoom.finish does), and leaderboard reads over 100,000 stored drills.
//   npm run bench:store [-- --drills 100000] [--writes 300]
// SQLite by default (a file in a temp dir, with the product's settings); DATABASE_URL=postgres://…
// runs the same figures on PostgreSQL (into that database: use an empty one).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Leaderboard } from '../server/leaderboard/Leaderboard.js';
import { verdictFor } from '../server/leaderboard/verdictFor.js';
import { loadScenarioSet } from '../server/scenarios/loadScenarioSet.js';
import type { DrillRecord } from '../server/store/drillRecord.js';
import { DrillStore } from '../server/store/DrillStore.js';
import { verdictDigest } from '../server/store/verdictDigest.js';
import { creationFor, playedRecord } from '../test/helpers/drillRecords.js';
import type { Skill } from '../shared/bots/skill.js';

const { values } = parseArgs({ options: { drills: { type: 'string', default: '100000' }, writes: { type: 'string', default: '300' }, scenario: { type: 'string', default: 'huarui-upgrade-outage' } } });
const total = Number(values.drills);
const writes = Number(values.writes);
const { scenarios } = await loadScenarioSet();
const loaded = scenarios.get(values.scenario!);
if (!loaded) throw new Error(`no scenario "${values.scenario}"`);
const posts = loaded.scenario.posts.map((p) => p.id);
const log = { info: () => {}, error: (m: string) => console.error(m) };

const dir = mkdtempSync(join(tmpdir(), 'crisis-drill-bench-'));
const file = join(dir, 'bench.sqlite');
const store = await DrillStore.open({ databaseUrl: process.env.DATABASE_URL || undefined, sqliteFile: file });
console.log(`store: ${store.dialect}${store.dialect === 'sqlite' ? ` (${file}, WAL, synchronous=FULL)` : ''}; scenario ${loaded.scenario.id}`);

// Forty distinct real drills (bots of every skill), reused under new ids and names.
const SKILLS: Skill[] = ['novice', 'competent', 'expert'];
const runs = Array.from({ length: 40 }, (_, i) => playedRecord(loaded, { seed: 1000 + i, skill: SKILLS[i % 3]! }));
// Solo practice is played by a person at the post: its log says so, and the judge checks it.
const soloRuns = new Map(posts.map((post, k) => [post, Array.from({ length: 5 }, (_, i) => playedRecord(loaded, { seed: 2000 + 10 * k + i, skill: SKILLS[i % 3]!, solo: { post, name: 'Player' } }))]));
console.log(`input log: ${Math.round(runs.reduce((a, r) => a + JSON.stringify(r.inputs).length, 0) / runs.length)} bytes a drill on average`);
let n = 0;
function nextDrill(): DrillRecord {
  const i = n++;
  const base = runs[i % runs.length]!;
  const finishedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  if (i % 5 < 3) return { ...base, id: `d${i}`, mode: 'team', team: `Team ${i % 2000}`, finishedAt, reportToken: `t${i}` };
  const post = posts[i % posts.length]!;
  const solo = soloRuns.get(post)![i % 5]!;
  return { ...solo, id: `d${i}`, roster: { ...solo.roster, [post]: { kind: 'human', name: `Player ${i % 1000}` } }, finishedAt, reportToken: `t${i}` };
}

// 1. The end of a drill, one at a time: judge by replay, then one transaction.
const services = { scenarios, log };
const t0 = performance.now();
let judgeMs = 0;
for (let i = 0; i < writes; i++) {
  const record = nextDrill();
  const j = performance.now();
  const verdict = verdictFor(services, record, creationFor(record));
  judgeMs += performance.now() - j;
  await store.saveDrill(record, verdict);
}
const writeMs = performance.now() - t0;
console.log(`end-of-drill writes: ${writes} drills in ${(writeMs / 1000).toFixed(2)} s = ${((writes / writeMs) * 1000).toFixed(0)} drills/s (replay check ${(judgeMs / writes).toFixed(2)} ms + write ${((writeMs - judgeMs) / writes).toFixed(2)} ms a drill)`);

// 2. Fill to `total` drills quickly (1,000 a transaction; verdicts fingerprinted as the store does).
const db = store.unsafeKysely();
const fill0 = performance.now();
const judged = new Map([...runs, ...[...soloRuns.values()].flat()].map((r) => [r, verdictFor(services, r, creationFor(r))]));
while (n < total) {
  const batch = Array.from({ length: Math.min(1000, total - n) }, nextDrill);
  await db.transaction().execute(async (trx) => {
    const drills = batch.map((r) => ({
      id: r.id, mode: r.mode, scenario_id: r.scenarioId, scenario_version: r.scenarioVersion, scenario_hash: r.scenarioHash, seed: r.seed, team: r.team,
      roster: JSON.stringify(r.roster), inputs: JSON.stringify(r.inputs), until_clock: r.untilClock, scores: JSON.stringify(r.scores), total: r.total,
      ending: JSON.stringify(r.ending), expected: JSON.stringify(r.expected), started_at: r.startedAt, finished_at: r.finishedAt, report_token: r.reportToken, competition_id: r.competitionId, level: r.level,
    }));
    await trx.insertInto('drills').values(drills).execute();
    const verdicts = batch.map((r, k) => {
      const base = judged.get([...judged.keys()].find((x) => x.inputs === r.inputs)!)!;
      const solo = r.mode === 'solo' ? Object.entries(r.roster).find(([, s]) => s.kind === 'human')! : null;
      const v = { ...base, board: solo ? `solo:${solo[0]}` : 'team', name: solo ? solo[1].name! : r.team, post: solo ? solo[0] : null };
      const d = drills[k]!;
      return {
        drill_id: r.id, scenario_id: r.scenarioId, scenario_hash: r.scenarioHash, board: v.board, name: v.name, post: v.post, competition_id: null, status: v.status, reason: v.reason,
        total: v.total, finished_at: r.finishedAt, duration_seconds: v.durationSeconds, checked_at: r.finishedAt,
        digest: verdictDigest(d, { status: v.status, board: v.board, name: v.name, post: v.post, total: v.total, duration_seconds: v.durationSeconds, competition_id: null }),
      };
    });
    await trx.insertInto('verdicts').values(verdicts).execute();
  });
}
console.log(`filled to ${n} drills in ${((performance.now() - fill0) / 1000).toFixed(1)} s${store.dialect === 'sqlite' ? `; database ${(statSync(file).size / 1e6).toFixed(0)} MB` : ''}`);

// 3. Leaderboard reads, as GET /api/leaderboard makes them (fingerprint check included).
const board = new Leaderboard({ store, scenarios, log });
async function timeIt(label: string, read: () => Promise<unknown>, times = 20): Promise<void> {
  await read();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const s = performance.now();
    await read();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[ms.length >> 1]!.toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms (${times} reads)`);
}
const first = performance.now();
const page1 = await board.page(loaded.scenario.id, 'team', 0, 10);
console.log(`first board read of the process (includes the sweep for unjudged drills): ${(performance.now() - first).toFixed(1)} ms; team board has ${page1.count} teams`);
await timeIt('team board, page 1 of 10 rows', () => board.page(loaded.scenario.id, 'team', 0, 10));
await timeIt('team board, page 100 of 10 rows', () => board.page(loaded.scenario.id, 'team', 990, 10));
await timeIt(`solo board (${posts[0]}), page 1`, () => board.page(loaded.scenario.id, `solo:${posts[0]}`, 0, 10));
await timeIt('personal bests of one player', () => board.personalBests('Player 7'));

await store.close();
rmSync(dir, { recursive: true, force: true });
