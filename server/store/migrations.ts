import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

/** The SQL engines the store runs on; migrations differ only where their column types do. */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Column types that the two engines spell differently. SQLite's spellings are the ones the first
 * migrations shipped with, so a database they created still matches what they would create now.
 */
function types(dialect: StoreDialect) {
  const pg = dialect === 'postgres';
  return {
    /** A row counter that orders rows by insertion: SQLite's AUTOINCREMENT, PostgreSQL's serial. */
    seq: (pg ? 'serial' : 'integer') as 'integer',
    seqSpec: (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()),
    /** PostgreSQL's `real` is 4 bytes and would round a total; SQLite's is already 8. */
    float: (pg ? 'double precision' : 'real') as 'real',
  };
}

/**
 * Versioned schema changes, applied in name order on start. Never edit one that has shipped:
 * add the next one. (0001 and 0002 were later made to run on PostgreSQL too; on SQLite they
 * still issue exactly the statements they shipped with.)
 */
export function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  const t = types(dialect);
  return {
    '0001_drills': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('drills')
          .addColumn('seq', t.seq, t.seqSpec)
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('scenario_id', 'text', (c) => c.notNull())
          .addColumn('scenario_version', 'integer', (c) => c.notNull())
          .addColumn('scenario_hash', 'text', (c) => c.notNull())
          .addColumn('seed', 'bigint', (c) => c.notNull())
          .addColumn('team', 'text')
          .addColumn('roster', 'text', (c) => c.notNull())
          .addColumn('inputs', 'text', (c) => c.notNull())
          .addColumn('until_clock', 'integer', (c) => c.notNull())
          .addColumn('scores', 'text', (c) => c.notNull())
          .addColumn('total', t.float, (c) => c.notNull())
          .addColumn('ending', 'text', (c) => c.notNull())
          .addColumn('expected', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
          .execute();
        await db.schema.createIndex('drills_by_scenario').on('drills').columns(['scenario_id', 'mode', 'total']).execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('drills').execute();
      },
    },
    '0002_reports_surveys_checkpoints': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('drills').addColumn('report_token', 'text').execute();
        await db.schema.alterTable('drills').addColumn('competition_id', 'text').execute();
        await db.schema
          .createTable('surveys')
          .addColumn('seq', t.seq, t.seqSpec)
          .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('post', 'text')
          .addColumn('answers', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('surveys_one_per_name', ['drill_id', 'name'])
          .execute();
        await db.schema
          .createTable('checkpoints')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('checkpoints').execute();
        await db.schema.dropTable('surveys').execute();
        await db.schema.alterTable('drills').dropColumn('competition_id').execute();
        await db.schema.alterTable('drills').dropColumn('report_token').execute();
      },
    },
    '0003_verdicts_competitions': {
      async up(db: Kysely<any>) {
        // The server's own check of each finished drill (see server/leaderboard/judgeDrill.ts):
        // leaderboards and competition standings rank these rows, never the drills' own scores.
        await db.schema
          .createTable('verdicts')
          .addColumn('drill_id', 'text', (c) => c.primaryKey().references('drills.id').onDelete('cascade'))
          .addColumn('scenario_id', 'text', (c) => c.notNull())
          .addColumn('scenario_hash', 'text', (c) => c.notNull())
          .addColumn('board', 'text')
          .addColumn('name', 'text')
          .addColumn('post', 'text')
          .addColumn('competition_id', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('total', t.float, (c) => c.notNull())
          .addColumn('finished_at', 'text', (c) => c.notNull())
          .addColumn('duration_seconds', 'integer', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('checked_at', 'text', (c) => c.notNull())
          .execute();
        // Covers the board query: each name's rows come out of the index best first, no sort.
        await db.schema.createIndex('verdicts_by_board').on('verdicts').columns(['scenario_id', 'board', 'status', 'scenario_hash', 'name', 'total desc', 'finished_at', 'drill_id']).execute();
        await db.schema.createIndex('verdicts_by_name').on('verdicts').columns(['name', 'board']).execute();
        await db.schema.createIndex('verdicts_by_competition').on('verdicts').columns(['competition_id']).execute();
        await db.schema
          .createTable('competitions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('scenario_id', 'text', (c) => c.notNull())
          .addColumn('seed', 'bigint', (c) => c.notNull())
          .addColumn('speed', t.float, (c) => c.notNull())
          .addColumn('opens_at', 'text', (c) => c.notNull())
          .addColumn('closes_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('organiser_key_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('competition_entries')
          .addColumn('competition_id', 'text', (c) => c.notNull().references('competitions.id').onDelete('cascade'))
          .addColumn('team', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('entered_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('competition_entries_pk', ['competition_id', 'team'])
          .execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('competition_entries').execute();
        await db.schema.dropTable('competitions').execute();
        await db.schema.dropTable('verdicts').execute();
      },
    },
    '0004_drill_creations': {
      async up(db: Kysely<any>) {
        // What the server chose when it created each drill: a result is verified against this,
        // never against what a room or a client claimed (server/leaderboard/judgeDrill.ts).
        await db.schema
          .createTable('drill_creations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('scenario_id', 'text', (c) => c.notNull())
          .addColumn('scenario_hash', 'text', (c) => c.notNull())
          .addColumn('seed', 'bigint', (c) => c.notNull())
          .addColumn('speed', t.float, (c) => c.notNull())
          .addColumn('team', 'text')
          .addColumn('competition_id', 'text')
          .addColumn('solo_post', 'text')
          .addColumn('bot_skill', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        // A team enters a competition once whatever the case of its name ("T1" and "t1" are one team).
        await sql`create unique index competition_entries_team_nocase on competition_entries (competition_id, lower(team))`.execute(db);
        // Drills stored before creation records existed cannot be tied to one: judge every drill again.
        await db.deleteFrom('verdicts').execute();
      },
      async down(db: Kysely<any>) {
        await sql`drop index competition_entries_team_nocase`.execute(db);
        await db.schema.dropTable('drill_creations').execute();
      },
    },
    '0005_levels': {
      async up(db: Kysely<any>) {
        // The difficulty a drill was created at: it changes the drill (shared/scenario/drawMorning.ts),
        // so a replay needs it. Everything stored before levels existed ran as the standard level.
        for (const table of ['drills', 'drill_creations', 'competitions']) {
          await db.schema.alterTable(table).addColumn('level', 'text', (c) => c.notNull().defaultTo('standard')).execute();
        }
      },
      async down(db: Kysely<any>) {
        for (const table of ['drills', 'drill_creations', 'competitions']) await db.schema.alterTable(table).dropColumn('level').execute();
      },
    },
  };
}
