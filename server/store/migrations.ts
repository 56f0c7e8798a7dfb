import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Versioned schema changes, applied in name order on start. Never edit one that has shipped:
 * add the next one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_drills': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('drills')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
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
        .addColumn('total', 'real', (c) => c.notNull())
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
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
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
};
