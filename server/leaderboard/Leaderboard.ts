import type { ServerServices } from '../services.js';
import type { VerdictRow } from '../store/verdict.js';
import { judgeDrill } from './judgeDrill.js';

type Needs = Pick<ServerServices, 'store' | 'scenarios' | 'log'>;

/** Rounds of "judge the changed rows again, read the page again" before giving up on a page. */
const MAX_ROUNDS = 5;

/**
 * Ranked reading of verdicts. Drills are judged when they are stored (in the same transaction);
 * reading re-checks that each ranked row still matches the drill and verdict it was judged on
 * (a fingerprint, cheap), and re-runs the engine only for a row that was changed since: a
 * tampered drill is then refused and logged, and the page is read again without it.
 */
export class Leaderboard {
  private swept: Promise<void> | null = null;

  constructor(private readonly services: Needs) {}

  /** Judges drills stored without a verdict (before verdicts existed, say); once per process. */
  sweep(): Promise<void> {
    this.swept ??= this.judgeUnjudged().catch((err) => {
      this.swept = null;
      throw err;
    });
    return this.swept;
  }

  /** One page of a board, every row intact (see the class comment). */
  async page(scenarioId: string, board: string, offset: number, limit: number): Promise<{ rows: VerdictRow[]; count: number }> {
    await this.sweep();
    const loaded = this.services.scenarios.get(scenarioId);
    if (!loaded) return { rows: [], count: 0 };
    return this.intact(() => this.services.store.boardPage({ scenarioId, scenarioHash: loaded.hash, board, offset, limit }));
  }

  async personalBests(name: string): Promise<(VerdictRow & { scenarioId: string })[]> {
    await this.sweep();
    const hashes = [...this.services.scenarios.values()].map((s) => s.hash);
    const read = async () => ({ rows: await this.services.store.personalBests(name, hashes), count: 0 });
    return (await this.intact(read)).rows;
  }

  /** Verified results of a competition's drills that finished by `until`. */
  async competitionResults(competitionId: string, until: string): Promise<VerdictRow[]> {
    await this.sweep();
    const read = async () => ({ rows: await this.services.store.competitionResults(competitionId, until), count: 0 });
    return (await this.intact(read)).rows;
  }

  /** Judges one stored drill again and writes the verdict; a refusal is logged with its reason. */
  async rejudge(drillId: string): Promise<void> {
    const { store, scenarios, log } = this.services;
    let record;
    try {
      record = await store.getDrill(drillId);
    } catch (err) {
      log.error(`leaderboard: drill ${drillId} refused: its stored record cannot be read (${String(err)})`);
      await store.saveVerdict(drillId, { status: 'refused', reason: 'the stored record cannot be read', board: null, name: null, post: null, total: 0, durationSeconds: 0 });
      return;
    }
    if (!record) return;
    const verdict = judgeDrill(scenarios, record, await store.getCreation(drillId));
    if (verdict.status === 'refused' && record.ending.reason !== 'abandoned') log.error(`leaderboard: drill ${drillId} (${record.scenarioId}, ${record.mode}, ${verdict.name ?? 'no name'}) refused: ${verdict.reason}`);
    await store.saveVerdict(drillId, verdict);
  }

  private async intact<T extends { rows: VerdictRow[]; count: number }>(read: () => Promise<T>): Promise<T> {
    for (let round = 0; ; round++) {
      const result = await read();
      const changed = result.rows.filter((r) => !r.intact);
      if (changed.length === 0) return result;
      if (round === MAX_ROUNDS) return { ...result, rows: result.rows.filter((r) => r.intact) };
      for (const row of changed) await this.rejudge(row.drillId);
    }
  }

  private async judgeUnjudged(): Promise<void> {
    for (;;) {
      const batch = await this.services.store.listUnjudged(200);
      if (batch.length === 0) return;
      for (const id of batch) await this.rejudge(id);
    }
  }
}
