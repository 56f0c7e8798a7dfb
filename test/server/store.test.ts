import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Leaderboard } from '../../server/leaderboard/Leaderboard.js';
import { verdictFor } from '../../server/leaderboard/verdictFor.js';
import { loadScenarioSet } from '../../server/scenarios/loadScenarioSet.js';
import type { LoadedScenario } from '../../server/services.js';
import { DrillStore } from '../../server/store/DrillStore.js';
import type { DrillRecord } from '../../server/store/drillRecord.js';
import { replay } from '../../shared/replay/replay.js';
import { creationFor, playedRecord, saveJudged } from '../helpers/drillRecords.js';
import { HAS_POSTGRES, startPostgres, warnNoPostgres, type TestPostgres } from '../helpers/postgres.js';
import { FIXTURE_DIR } from '../helpers/server.js';

/**
 * One suite, run on both backends: embedded SQLite and a real PostgreSQL server started here
 * (skipped, loudly, where PostgreSQL is not installed).
 */
let scenarios: Map<string, LoadedScenario>;
let loaded: LoadedScenario;
let pg: TestPostgres | undefined;
let databases = 0;

beforeAll(async () => {
  scenarios = (await loadScenarioSet(FIXTURE_DIR)).scenarios;
  loaded = scenarios.get('mini-outage')!;
  warnNoPostgres('PostgreSQL storage tests (test/server/store.test.ts)');
  if (HAS_POSTGRES) pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const BACKENDS = [
  { name: 'SQLite', open: () => DrillStore.openSqlite(':memory:'), skip: false },
  { name: 'PostgreSQL', open: () => DrillStore.openPostgres(pg!.createDatabase(`store_${++databases}`)), skip: !HAS_POSTGRES },
];

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`drill storage on ${backend.name}`, () => {
    let store: DrillStore;
    const errors: string[] = [];
    const log = { info: () => {}, error: (m: string) => errors.push(m) };
    const board = () => new Leaderboard({ store, scenarios, log });
    const save = (r: DrillRecord) => saveJudged(store, { scenarios, log }, r);
    const tamper = (id: string, column: 'inputs' | 'scores' | 'total', value: string | number) =>
      store.unsafeKysely().updateTable('drills').set({ [column]: value }).where('id', '=', id).execute();

    beforeAll(async () => {
      store = await backend.open();
    }, 60_000);
    afterAll(async () => store?.close());

    it('stores a finished drill whole, with its ordered input log, and the log replays to its scores', async () => {
      const record = playedRecord(loaded, { seed: 11, team: '一队' });
      expect(record.inputs.length).toBeGreaterThan(3);
      await save(record);
      const back = (await store.getDrill(record.id))!;
      expect(back).toEqual(record);
      expect(typeof back.seed).toBe('number');
      expect(typeof back.total).toBe('number');
      const again = replay(loaded.scenario, { seed: back.seed, roster: back.roster }, back.inputs, back.untilClock);
      expect(again.rejected).toEqual([]);
      expect(again.state.scores).toEqual(back.scores);
    });

    it('writes nothing when any part of the write fails', async () => {
      const record = playedRecord(loaded, { seed: 12 });
      const broken = { ...verdictFor({ scenarios, log }, record, creationFor(record)), status: null as unknown as 'verified' };
      await expect(store.saveDrill(record, broken)).rejects.toThrow();
      expect(await store.getDrill(record.id)).toBeUndefined();
    });

    it('ranks each team once by its best verified total, ties to the earlier finish, page by page', async () => {
      const runs = [21, 22, 23, 24, 25, 26].map((seed, i) => playedRecord(loaded, { seed, team: `T${i % 4}`, skill: i % 2 ? 'expert' : 'novice', finishedAt: `2026-11-23T10:0${i}:00.000Z` }));
      const tie = { ...runs[0]!, id: 'tie-later', team: 'Later', finishedAt: '2026-11-23T11:00:00.000Z', reportToken: 'x' };
      const tieEarly = { ...runs[0]!, id: 'tie-earlier', team: 'Earlier', finishedAt: '2026-11-23T09:00:00.000Z', reportToken: 'y' };
      for (const r of [...runs, tie, tieEarly]) await save(r);
      const all = await board().page('mini-outage', 'team', 0, 50);
      const names = all.rows.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
      expect(all.count).toBe(names.length);
      for (let i = 1; i < all.rows.length; i++) {
        const [a, b] = [all.rows[i - 1]!, all.rows[i]!];
        expect(a.total > b.total || (a.total === b.total && a.finishedAt <= b.finishedAt)).toBe(true);
      }
      expect(names.indexOf('Earlier')).toBeLessThan(names.indexOf('Later'));
      // T0 played seeds 21 and 25: only its better run is on the board.
      const t0 = [runs[0]!, runs[4]!].map((r) => r.total);
      expect(all.rows.find((r) => r.name === 'T0')!.total).toBe(Math.max(...t0));
      const second = await board().page('mini-outage', 'team', 2, 2);
      expect(second.rows.map((r) => r.name)).toEqual(names.slice(2, 4));
      expect(errors).toEqual([]);
    });

    it('refuses, and logs, a drill whose stored input log was edited', async () => {
      const record = playedRecord(loaded, { seed: 31, team: 'Forged inputs', skill: 'novice' });
      await save(record);
      expect((await board().page('mini-outage', 'team', 0, 50)).rows.map((r) => r.name)).toContain('Forged inputs');
      // Drop the first half of the log, as if someone removed the team's worst moves.
      await tamper(record.id, 'inputs', JSON.stringify(record.inputs.slice(Math.floor(record.inputs.length / 2))));
      const after = await board().page('mini-outage', 'team', 0, 50);
      expect(after.rows.map((r) => r.name)).not.toContain('Forged inputs');
      expect(errors.some((e) => e.includes(record.id) && /refused/.test(e))).toBe(true);
    });

    it('refuses a drill whose stored scores or total were raised', async () => {
      const a = playedRecord(loaded, { seed: 41, team: 'Forged scores', skill: 'novice' });
      const b = playedRecord(loaded, { seed: 42, team: 'Forged total', skill: 'novice' });
      await save(a);
      await save(b);
      await tamper(a.id, 'scores', JSON.stringify(Object.fromEntries(Object.keys(a.scores).map((d) => [d, 100]))));
      await tamper(b.id, 'total', 100);
      const before = errors.length;
      const rows = (await board().page('mini-outage', 'team', 0, 50)).rows;
      expect(rows.map((r) => r.name)).not.toContain('Forged scores');
      expect(rows.map((r) => r.name)).not.toContain('Forged total');
      expect(rows.every((r) => r.total < 100)).toBe(true);
      expect(errors.slice(before).join('\n')).toMatch(/scores\.\w+: stored 100 ≠ replayed/);
    });

    it('judges again a verdict edited by hand, and ranks the drill at its true total', async () => {
      const record = playedRecord(loaded, { seed: 51, team: 'Edited verdict', skill: 'novice' });
      await save(record);
      await store.unsafeKysely().updateTable('verdicts').set({ total: 99.9 }).where('drill_id', '=', record.id).execute();
      const rows = (await board().page('mini-outage', 'team', 0, 50)).rows;
      // Judged again from its log: back on the board, at its true total.
      expect(rows.find((r) => r.name === 'Edited verdict')?.total).toBe(record.total);
    });

    it('ranks only drills run on the scenario as loaded now', async () => {
      const record = { ...playedRecord(loaded, { seed: 61, team: 'Old version' }), scenarioHash: 'f'.repeat(64) };
      await save(record);
      expect(errors.at(-1)).toMatch(/has changed since the drill ran/);
      expect((await board().page('mini-outage', 'team', 0, 50)).rows.map((r) => r.name)).not.toContain('Old version');
    });

    it('keeps solo boards per post and personal bests per name and post', async () => {
      const post = loaded.scenario.posts[0]!.id;
      const other = loaded.scenario.posts[1]!.id;
      const mine = [71, 72, 73].map((seed) => playedRecord(loaded, { seed, solo: { post, name: '小王' }, skill: seed === 72 ? 'expert' : 'novice' }));
      const elsewhere = playedRecord(loaded, { seed: 74, solo: { post: other, name: '小王' } });
      const someoneElse = playedRecord(loaded, { seed: 75, solo: { post, name: 'Li' } });
      for (const r of [...mine, elsewhere, someoneElse]) await save(r);
      const solo = await board().page('mini-outage', `solo:${post}`, 0, 10);
      expect(solo.rows.map((r) => r.name).sort()).toEqual(['Li', '小王']);
      const bests = await board().personalBests('小王');
      expect(bests.map((b) => [b.scenarioId, b.post]).sort()).toEqual([['mini-outage', post], ['mini-outage', other]].sort());
      expect(bests.find((b) => b.post === post)!.total).toBe(Math.max(...mine.map((r) => r.total)));
    });

    it('judges drills stored before verdicts existed when a board is first read', async () => {
      const record = playedRecord(loaded, { seed: 81, team: 'Stored earlier' });
      await store.saveCreation(creationFor(record));
      await store.saveDrill(record);
      const rows = (await board().page('mini-outage', 'team', 0, 50)).rows;
      expect(rows.map((r) => r.name)).toContain('Stored earlier');
    });

    it('refuses, and logs, a drill the server has no creation record of', async () => {
      const record = playedRecord(loaded, { seed: 82, team: 'Never created' });
      await store.saveDrill(record);
      const rows = (await board().page('mini-outage', 'team', 0, 50)).rows;
      expect(rows.map((r) => r.name)).not.toContain('Never created');
      expect(errors.some((e) => e.includes(record.id) && /no record of creating this drill/.test(e))).toBe(true);
    });

    it('refuses a drill whose terms differ from what the server created, or whose bots were not its own', async () => {
      const seedless = playedRecord(loaded, { seed: 83, team: 'Chose its seed' });
      await saveJudged(store, { scenarios, log }, seedless, { ...creationFor(seedless), seed: 84 });
      const stronger = playedRecord(loaded, { seed: 85, team: 'Expert bots', skill: 'expert' });
      await saveJudged(store, { scenarios, log }, stronger, { ...creationFor(stronger), botSkill: 'competent' });
      const names = (await board().page('mini-outage', 'team', 0, 50)).rows.map((r) => r.name);
      expect(names).not.toContain('Chose its seed');
      expect(names).not.toContain('Expert bots');
      expect(errors.join('\n')).toMatch(/seed: created as 84, stored as 83/);
      expect(errors.join('\n')).toMatch(/a expert bot held .* in a drill of competent bots/);
    });

    it('keeps competitions, one entry per team, and closes them once', async () => {
      await store.createCompetition({ id: 'comp-0001', name: 'Spring cup', scenarioId: 'mini-outage', seed: 4_000_000_000, level: 'advanced', speed: 600, opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-01-02T00:00:00.000Z', closedAt: null, organiserKeyHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      expect((await store.getCompetition('comp-0001'))!.seed).toBe(4_000_000_000);
      expect(await store.addCompetitionEntry('comp-0001', { team: 'A', code: 'AAAA2222', enteredAt: '2026-01-01T01:00:00.000Z' })).toBe(true);
      expect(await store.addCompetitionEntry('comp-0001', { team: 'A', code: 'BBBB2222', enteredAt: '2026-01-01T02:00:00.000Z' })).toBe(false);
      expect((await store.listCompetitionEntries('comp-0001')).map((e) => e.code)).toEqual(['AAAA2222']);
      expect(await store.closeCompetition('comp-0001', '2026-01-01T05:00:00.000Z')).toBe(true);
      expect(await store.closeCompetition('comp-0001', '2026-01-01T06:00:00.000Z')).toBe(false);
      expect((await store.getCompetition('comp-0001'))!.closedAt).toBe('2026-01-01T05:00:00.000Z');
    });

    it('reads the row counters back as numbers', async () => {
      const rows = await sql<{ n: number | string }>`select count(*) as n from drills`.execute(store.unsafeKysely());
      expect(Number(rows.rows[0]!.n)).toBeGreaterThan(5);
    });
  });
}
