import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider, type Selectable, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import type { SurveyAnswers, SurveyResponse } from '../../shared/protocol/survey.js';
import type { CompetitionEntry, CompetitionRecord } from './competitionRecord.js';
import type { DrillCreation } from './drillCreation.js';
import type { DrillRecord } from './drillRecord.js';
import { LevelSchema, type Level } from '../../shared/scenario/levels.js';
import { migrationsFor, type StoreDialect } from './migrations.js';
import type { DrillVerdict, VerdictRow } from './verdict.js';
import { verdictDigest } from './verdictDigest.js';

/** Where the store lives: PostgreSQL when a URL is given, else the SQLite file. */
export interface StoreLocation {
  databaseUrl?: string;
  sqliteFile: string;
}

/**
 * Where finished drills live. One module behind one class, on Kysely, so that SQLite (the
 * default, embedded) and PostgreSQL (for several servers) run the same queries without a second
 * SQL dialect; only column types differ, inside the migrations.
 */
export class DrillStore {
  private constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
  ) {}

  /** PostgreSQL if `databaseUrl` is set (the DATABASE_URL setting), otherwise the SQLite file. */
  static open(where: StoreLocation): Promise<DrillStore> {
    return where.databaseUrl ? DrillStore.openPostgres(where.databaseUrl) : DrillStore.openSqlite(where.sqliteFile);
  }

  /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
  static async openSqlite(file: string): Promise<DrillStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    const store = new DrillStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
    await store.migrate();
    return store;
  }

  /** Connects to PostgreSQL (a `postgres://` URL) and brings its schema up to date. */
  static async openPostgres(url: string): Promise<DrillStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server must not take the process down; the next query reconnects.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const store = new DrillStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const migrations = migrationsFor(this.dialect);
    const provider: MigrationProvider = { getMigrations: async () => migrations };
    const { error, results } = await new Migrator({ db: this.db, provider }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Writes a finished drill, and the server's verdict on it if given, in one transaction: both
   * are there whole, or neither is.
   */
  async saveDrill(r: DrillRecord, verdict?: DrillVerdict): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = {
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
        level: r.level,
      };
      await trx.insertInto('drills').values(row).execute();
      if (verdict) await writeVerdict(trx, { ...row, scenario_id: r.scenarioId }, verdict);
    });
  }

  /** Writes (or replaces) the verdict on a stored drill, fingerprinting the drill as it is now. */
  async saveVerdict(drillId: string, verdict: DrillVerdict): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('drills').selectAll().where('id', '=', drillId).executeTakeFirstOrThrow();
      await writeVerdict(trx, row, verdict);
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

  /** Ids of stored drills the server has not judged yet (stored before verdicts existed), oldest first. */
  async listUnjudged(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('drills')
      .leftJoin('verdicts', 'verdicts.drill_id', 'drills.id')
      .select('drills.id')
      .where('verdicts.drill_id', 'is', null)
      .orderBy('drills.seq')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * One page of a board: each name's best verified drill on this version of the scenario, by
   * total (highest first), ties to the earlier finish. `count` is how many names the board has.
   */
  async boardPage(q: { scenarioId: string; scenarioHash: string; board: string; offset: number; limit: number }): Promise<{ rows: VerdictRow[]; count: number }> {
    const board = this.db
      .selectFrom('verdicts')
      .where('scenario_id', '=', q.scenarioId)
      .where('board', '=', q.board)
      .where('status', '=', 'verified')
      .where('scenario_hash', '=', q.scenarioHash);
    const ranked = board.select(['drill_id', 'total', 'finished_at', sql<number>`row_number() over (partition by name order by total desc, finished_at asc, drill_id asc)`.as('nth')]);
    // The page is chosen on the small verdict rows first; only its drills (with their logs) are read.
    const page = await this.db
      .selectFrom(ranked.as('best'))
      .select('best.drill_id')
      .where('best.nth', '=', 1)
      .orderBy('best.total', 'desc')
      .orderBy('best.finished_at', 'asc')
      .orderBy('best.drill_id', 'asc')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    const counted = await board.select((eb) => eb.fn.count<number | string>('name').distinct().as('names')).executeTakeFirst();
    return { rows: await this.joinedRows(page.map((p) => p.drill_id)), count: Number(counted?.names ?? 0) };
  }

  /** Drills with their verdicts, in the order of the ids given. */
  private async joinedRows(ids: string[]): Promise<VerdictRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('verdicts as v').innerJoin('drills as d', 'd.id', 'v.drill_id').selectAll('d').select(VERDICT_COLUMNS).where('v.drill_id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, toVerdictRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A player's best verified solo run per scenario and post, on the given scenario versions. */
  async personalBests(name: string, scenarioHashes: string[]): Promise<(VerdictRow & { scenarioId: string })[]> {
    if (scenarioHashes.length === 0) return [];
    const ranked = this.db
      .selectFrom('verdicts')
      .select(['drill_id', 'scenario_id', 'post', sql<number>`row_number() over (partition by scenario_id, post order by total desc, finished_at asc, drill_id asc)`.as('nth')])
      .where('name', '=', name)
      .where('board', 'like', 'solo:%')
      // At the standard level: a best on an easier morning would not be one.
      .where('board', 'not like', '%@%')
      .where('status', '=', 'verified')
      .where('scenario_hash', 'in', scenarioHashes);
    const best = await this.db.selectFrom(ranked.as('best')).select(['best.drill_id', 'best.scenario_id']).where('best.nth', '=', 1).orderBy('best.scenario_id').orderBy('best.post').execute();
    const scenarioOf = new Map(best.map((b) => [b.drill_id, b.scenario_id]));
    return (await this.joinedRows(best.map((b) => b.drill_id))).map((r) => ({ ...r, scenarioId: scenarioOf.get(r.drillId)! }));
  }

  /** Every verified drill played in a competition that finished by `until`, best first. */
  async competitionResults(competitionId: string, until: string): Promise<VerdictRow[]> {
    const rows = await this.db
      .selectFrom('verdicts as v')
      .innerJoin('drills as d', 'd.id', 'v.drill_id')
      .selectAll('d')
      .select(VERDICT_COLUMNS)
      .where('v.competition_id', '=', competitionId)
      .where('v.status', '=', 'verified')
      .where('v.finished_at', '<=', until)
      .orderBy('v.total', 'desc')
      .orderBy('v.finished_at', 'asc')
      .execute();
    return rows.map(toVerdictRow);
  }

  async createCompetition(c: CompetitionRecord): Promise<void> {
    await this.db
      .insertInto('competitions')
      .values({
        id: c.id,
        name: c.name,
        scenario_id: c.scenarioId,
        seed: c.seed,
        speed: c.speed,
        opens_at: c.opensAt,
        closes_at: c.closesAt,
        closed_at: c.closedAt,
        organiser_key_hash: c.organiserKeyHash,
        created_at: c.createdAt,
        level: c.level,
      })
      .execute();
  }

  async getCompetition(id: string): Promise<CompetitionRecord | undefined> {
    const row = await this.db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCompetition(row);
  }

  /** The most recently created competitions, optionally of one scenario. */
  async listCompetitions(scenarioId: string | undefined, limit: number): Promise<CompetitionRecord[]> {
    let query = this.db.selectFrom('competitions').selectAll();
    if (scenarioId) query = query.where('scenario_id', '=', scenarioId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toCompetition);
  }

  /** Marks a competition closed now, unless it already was; says whether this call closed it. */
  async closeCompetition(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('competitions').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records a team's entry; false if a team of that name, in any case, has already entered. */
  async addCompetitionEntry(competitionId: string, entry: CompetitionEntry): Promise<boolean> {
    const result = await this.db
      .insertInto('competition_entries')
      .values({ competition_id: competitionId, team: entry.team, code: entry.code, entered_at: entry.enteredAt })
      // Either unique index (the exact name, or the name in lower case) makes this a second entry.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Records what the server decided for a new drill (see drillCreation.ts). */
  async saveCreation(c: DrillCreation): Promise<void> {
    await this.db
      .insertInto('drill_creations')
      .values({
        id: c.id,
        code: c.code,
        mode: c.mode,
        scenario_id: c.scenarioId,
        scenario_hash: c.scenarioHash,
        seed: c.seed,
        speed: c.speed,
        team: c.team,
        competition_id: c.competitionId,
        solo_post: c.soloPost,
        bot_skill: c.botSkill,
        created_at: c.createdAt,
        level: c.level,
      })
      .execute();
  }

  async getCreation(id: string): Promise<DrillCreation | undefined> {
    const row = await this.db.selectFrom('drill_creations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      code: row.code,
      mode: row.mode as DrillCreation['mode'],
      scenarioId: row.scenario_id,
      scenarioHash: row.scenario_hash,
      seed: Number(row.seed),
      speed: Number(row.speed),
      team: row.team,
      competitionId: row.competition_id,
      soloPost: row.solo_post,
      botSkill: row.bot_skill as DrillCreation['botSkill'],
      createdAt: row.created_at,
      level: levelOf(row.level),
    };
  }

  async removeCompetitionEntry(competitionId: string, team: string): Promise<void> {
    await this.db.deleteFrom('competition_entries').where('competition_id', '=', competitionId).where('team', '=', team).execute();
  }

  async listCompetitionEntries(competitionId: string): Promise<CompetitionEntry[]> {
    const rows = await this.db.selectFrom('competition_entries').selectAll().where('competition_id', '=', competitionId).orderBy('entered_at').orderBy('team').execute();
    return rows.map((r) => ({ team: r.team, code: r.code, enteredAt: r.entered_at }));
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

  /**
   * For tests and tools that must reach under the interface (to tamper with a stored drill, or
   * to time a raw query). Product code never calls this.
   */
  unsafeKysely(): Kysely<Database> {
    return this.db;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

type DrillRow = Selectable<Database['drills']>;

/** The verdict columns read beside a drill, renamed so they do not collide with the drill's own. */
const VERDICT_COLUMNS = [
  'v.status as v_status',
  'v.board as v_board',
  'v.name as v_name',
  'v.post as v_post',
  'v.total as v_total',
  'v.finished_at as v_finished_at',
  'v.duration_seconds as v_duration_seconds',
  'v.competition_id as v_competition_id',
  'v.digest as v_digest',
] as const;

type JoinedRow = DrillRow & {
  v_status: string;
  v_board: string | null;
  v_name: string | null;
  v_post: string | null;
  v_total: number;
  v_finished_at: string;
  v_duration_seconds: number;
  v_competition_id: string | null;
  v_digest: string;
};

async function writeVerdict(trx: Transaction<Database>, drill: Omit<DrillRow, 'seq' | 'scenario_version' | 'started_at' | 'report_token' | 'id'> & { id: string }, v: DrillVerdict): Promise<void> {
  const values = {
    drill_id: drill.id,
    scenario_id: drill.scenario_id,
    scenario_hash: drill.scenario_hash,
    board: v.board,
    name: v.name,
    post: v.post,
    competition_id: drill.competition_id,
    status: v.status,
    reason: v.reason,
    total: v.total,
    finished_at: drill.finished_at,
    duration_seconds: v.durationSeconds,
    digest: verdictDigest(drill, { ...v, duration_seconds: v.durationSeconds, competition_id: drill.competition_id }),
    checked_at: new Date().toISOString(),
  };
  const { drill_id: _key, ...update } = values;
  await trx
    .insertInto('verdicts')
    .values(values)
    .onConflict((oc) => oc.column('drill_id').doUpdateSet(update))
    .execute();
}

function toVerdictRow(r: JoinedRow): VerdictRow {
  const digest = verdictDigest(r, {
    status: r.v_status,
    board: r.v_board,
    name: r.v_name,
    post: r.v_post,
    total: r.v_total,
    duration_seconds: r.v_duration_seconds,
    competition_id: r.v_competition_id,
  });
  let scores: Record<string, number> = {};
  try {
    scores = JSON.parse(r.scores);
  } catch {
    // An unreadable score column fails the digest below as well; the board judges it again.
  }
  return {
    drillId: r.id,
    name: r.v_name ?? '',
    post: r.v_post,
    total: Number(r.v_total),
    scores,
    finishedAt: r.v_finished_at,
    durationSeconds: Number(r.v_duration_seconds),
    intact: digest === r.v_digest && r.v_finished_at === r.finished_at,
  };
}

function toCompetition(row: Selectable<Database['competitions']>): CompetitionRecord {
  return {
    id: row.id,
    name: row.name,
    scenarioId: row.scenario_id,
    seed: Number(row.seed),
    speed: Number(row.speed),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    organiserKeyHash: row.organiser_key_hash,
    createdAt: row.created_at,
    level: levelOf(row.level),
  };
}

function toRecord(row: DrillRow): DrillRecord {
  return {
    id: row.id,
    mode: row.mode as DrillRecord['mode'],
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    scenarioHash: row.scenario_hash,
    seed: Number(row.seed),
    team: row.team,
    roster: JSON.parse(row.roster),
    inputs: JSON.parse(row.inputs),
    untilClock: Number(row.until_clock),
    scores: JSON.parse(row.scores),
    total: Number(row.total),
    ending: JSON.parse(row.ending),
    expected: JSON.parse(row.expected),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    reportToken: row.report_token ?? '',
    competitionId: row.competition_id,
    level: levelOf(row.level),
  };
}

/** A stored level; a value this version does not know is kept out rather than guessed (the drill then fails verification). */
function levelOf(stored: string): Level {
  const parsed = LevelSchema.safeParse(stored);
  if (!parsed.success) throw new Error(`stored level "${stored}" is not one of ${LevelSchema.options.join(', ')}`);
  return parsed.data;
}
