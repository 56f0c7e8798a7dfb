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
};
