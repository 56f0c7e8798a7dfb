import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DrillStore } from '../../server/store/DrillStore.js';
import { migrationsFor } from '../../server/store/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'crisis-drill-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The drills table exactly as migrations 0001 and 0002 created it when they shipped (commit 42be728). */
const SHIPPED_DRILLS =
  'CREATE TABLE "drills" ("seq" integer primary key autoincrement, "id" text not null unique, "mode" text not null, "scenario_id" text not null, "scenario_version" integer not null, "scenario_hash" text not null, "seed" bigint not null, "team" text, "roster" text not null, "inputs" text not null, "until_clock" integer not null, "scores" text not null, "total" real not null, "ending" text not null, "expected" text not null, "started_at" text not null, "finished_at" text not null, "created_at" text default CURRENT_TIMESTAMP not null, "report_token" text, "competition_id" text)';

describe('SQLite migrations', () => {
  it('still create the shipped schema, and a database made by 0001–0002 opens and moves on to the latest', async () => {
    const file = join(dir, 'old.sqlite');
    const sqlite = new SQLite(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const shipped = Object.fromEntries(Object.entries(migrationsFor('sqlite')).filter(([name]) => name < '0003'));
    expect(Object.keys(shipped)).toEqual(['0001_drills', '0002_reports_surveys_checkpoints']);
    expect((await new Migrator({ db: old, provider: { getMigrations: async () => shipped } }).migrateToLatest()).error).toBeUndefined();
    expect(sqlite.prepare("select sql from sqlite_master where name = 'drills'").get()).toEqual({ sql: SHIPPED_DRILLS });
    sqlite
      .prepare(`insert into drills (id, mode, scenario_id, scenario_version, scenario_hash, seed, team, roster, inputs, until_clock, scores, total, ending, expected, started_at, finished_at) values ('old-1', 'training', 'gone', 1, 'h', 3, null, '{}', '[]', 0, '{}', 50, '{}', '{}', 'a', 'b')`)
      .run();
    await old.destroy();

    const store = await DrillStore.openSqlite(file);
    expect((await store.getDrill('old-1'))!.seed).toBe(3);
    expect(await store.listUnjudged(10)).toEqual(['old-1']);
    await store.close();
  });
});
