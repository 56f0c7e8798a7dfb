import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type Selectable } from 'kysely';
import type { Database } from './database.js';
import type { SurveyAnswers, SurveyResponse } from '../../shared/protocol/survey.js';
import type { DrillRecord } from './drillRecord.js';
import { MIGRATIONS } from './migrations.js';

/**
 * Where finished drills live. One module behind one class, on Kysely, so that PostgreSQL can
 * take SQLite's place for a deployment with several servers without a second SQL dialect.
 */
export class DrillStore {
  private constructor(private readonly db: Kysely<Database>) {}

  /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
  static async openSqlite(file: string): Promise<DrillStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    const store = new DrillStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }));
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
    const { error, results } = await new Migrator({ db: this.db, provider }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`database migration ${failed ?? ''} failed: ${String(error)}`);
    }
  }

  /** Writes a finished drill in one transaction: it is there whole, or not at all. */
  async saveDrill(r: DrillRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('drills')
        .values({
          id: r.id,
          mode: r.mode,
          scenario_id: r.scenarioId,
          scenario_version: r.scenarioVersion,
          scenario_hash: r.scenarioHash,
          seed: r.seed,
          team: r.team,
          roster: JSON.stringify(r.roster),
          inputs: JSON.stringify(r.inputs),
          until_clock: r.untilClock,
          scores: JSON.stringify(r.scores),
          total: r.total,
          ending: JSON.stringify(r.ending),
          expected: JSON.stringify(r.expected),
          started_at: r.startedAt,
          finished_at: r.finishedAt,
          report_token: r.reportToken,
          competition_id: r.competitionId,
        })
        .execute();
    });
  }

  async getDrill(id: string): Promise<DrillRecord | undefined> {
    const row = await this.db.selectFrom('drills').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async listDrills(limit = 50): Promise<DrillRecord[]> {
    const rows = await this.db.selectFrom('drills').selectAll().orderBy('seq', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** Stores one trainee's survey; a second answer under the same name replaces the first. */
  async saveSurvey(drillId: string, name: string, post: string | null, answers: SurveyAnswers, at: Date): Promise<void> {
    await this.db
      .insertInto('surveys')
      .values({ drill_id: drillId, name, post, answers: JSON.stringify(answers), submitted_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['drill_id', 'name']).doUpdateSet({ post, answers: JSON.stringify(answers), submitted_at: at.toISOString() }))
      .execute();
  }

  async listSurveys(drillId: string): Promise<SurveyResponse[]> {
    const rows = await this.db.selectFrom('surveys').selectAll().where('drill_id', '=', drillId).orderBy('seq').execute();
    return rows.map((r) => ({ name: r.name, post: r.post, answers: JSON.parse(r.answers), submittedAt: r.submitted_at }));
  }

  /** Keeps the latest checkpoint of a running drill (its payload is the room's to define). */
  async saveCheckpoint(code: string, payload: string, at: Date): Promise<void> {
    await this.db
      .insertInto('checkpoints')
      .values({ code, payload, updated_at: at.toISOString() })
      .onConflict((oc) => oc.column('code').doUpdateSet({ payload, updated_at: at.toISOString() }))
      .execute();
  }

  async listCheckpoints(): Promise<{ code: string; payload: string; updatedAt: string }[]> {
    const rows = await this.db.selectFrom('checkpoints').selectAll().orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, payload: r.payload, updatedAt: r.updated_at }));
  }

  async deleteCheckpoint(code: string): Promise<void> {
    await this.db.deleteFrom('checkpoints').where('code', '=', code).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function toRecord(row: Selectable<Database['drills']>): DrillRecord {
  return {
    id: row.id,
    mode: row.mode as DrillRecord['mode'],
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    scenarioHash: row.scenario_hash,
    seed: Number(row.seed),
    team: row.team,
    roster: JSON.parse(row.roster),
    inputs: JSON.parse(row.inputs),
    untilClock: row.until_clock,
    scores: JSON.parse(row.scores),
    total: row.total,
    ending: JSON.parse(row.ending),
    expected: JSON.parse(row.expected),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    reportToken: row.report_token ?? '',
    competitionId: row.competition_id,
  };
}
