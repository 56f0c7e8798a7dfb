import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillStore } from '../../server/store/DrillStore.js';
import type { DrillRecord } from '../../server/store/drillRecord.js';

const record = (id: string): DrillRecord => ({
  id,
  mode: 'training',
  scenarioId: 'mini-outage',
  scenarioVersion: 1,
  scenarioHash: 'h',
  seed: 7,
  level: 'standard',
  team: null,
  roster: {},
  inputs: [],
  untilClock: 0,
  scores: { trust: 50, reputation: 50, compliance: 50, continuity: 50, timeliness: 50, coordination: 50 },
  total: 50,
  ending: { id: null, at: 0, reason: 'trainer' },
  expected: {},
  startedAt: '2026-11-22T08:00:00.000Z',
  finishedAt: '2026-11-22T08:30:00.000Z',
  reportToken: 'token-token-token-1',
  competitionId: null,
});

describe('surveys and checkpoints in the store', () => {
  let store: DrillStore;
  beforeEach(async () => {
    store = await DrillStore.openSqlite(':memory:');
  });
  afterEach(async () => store.close());

  it('keeps one survey per name, the latest answer winning', async () => {
    await store.saveDrill(record('d1'));
    const answers = { wentWell: 'memo early', toChange: '', confidenceBefore: 2, confidenceAfter: 3 };
    await store.saveSurvey('d1', '小王', 'teller', answers, new Date('2026-11-22T09:00:00Z'));
    await store.saveSurvey('d1', '小王', 'teller', { ...answers, confidenceAfter: 5 }, new Date('2026-11-22T09:01:00Z'));
    await store.saveSurvey('d1', 'Li', null, answers, new Date('2026-11-22T09:02:00Z'));
    const surveys = await store.listSurveys('d1');
    expect(surveys.map((s) => [s.name, s.answers.confidenceAfter])).toEqual([['小王', 5], ['Li', 3]]);
    expect((await store.getDrill('d1'))!.reportToken).toBe('token-token-token-1');
  });

  it('replaces a drill checkpoint and forgets it when asked', async () => {
    await store.saveCheckpoint('ABCD2345', '{"n":1}', new Date());
    await store.saveCheckpoint('ABCD2345', '{"n":2}', new Date());
    expect((await store.listCheckpoints()).map((c) => c.payload)).toEqual(['{"n":2}']);
    await store.deleteCheckpoint('ABCD2345');
    expect(await store.listCheckpoints()).toEqual([]);
  });
});
