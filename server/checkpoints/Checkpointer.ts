import type { DrillStore } from '../store/DrillStore.js';
import type { Checkpoint } from './Checkpoint.js';

type CheckpointStore = Pick<DrillStore, 'saveCheckpoint' | 'deleteCheckpoint'>;

/** What decides whether a checkpoint differs from the last one written, without serialising it. */
function markOf(c: Checkpoint): string {
  const players = c.players.map((p) => `${p.token}:${p.post ?? ''}:${p.ready ? 1 : 0}`).join(',');
  return `${c.inputs.length}|${c.clock}|${c.phase}|${c.speed}|${players}`;
}

/**
 * Keeps one drill's checkpoint in the database. Writes run one after another on a promise
 * chain, never awaited by the room: a slow or failing database delays or skips checkpoints and
 * is logged, but never stops the drill. The payload is serialised when offered, so a write holds
 * the drill as it was at that moment.
 */
export class Checkpointer {
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private lastMark = '';
  private closed = false;
  private deleted = false;
  private failing = false;

  constructor(
    private readonly store: CheckpointStore,
    private readonly log: { info(message: string): void; error(message: string): void },
    private readonly code: string,
    private readonly take: () => Checkpoint,
  ) {}

  /** The periodic call: writes if the drill changed since the last write and none is in flight. */
  offer(): void {
    if (this.closed || this.inFlight > 0) return;
    const checkpoint = this.taken();
    if (!checkpoint) return;
    const mark = markOf(checkpoint);
    if (mark !== this.lastMark) this.enqueue(checkpoint, mark);
  }

  /** Writes now, after any write in flight (the drill was paused, or the server is stopping). */
  writeNow(): void {
    if (this.closed) return;
    const checkpoint = this.taken();
    if (checkpoint) this.enqueue(checkpoint, markOf(checkpoint));
  }

  /** No more writes (the drill is ending); the last checkpoint stays until `discard`. */
  close(): void {
    this.closed = true;
  }

  /** The drill is over (finished, failed or abandoned): no more writes, and the checkpoint goes. */
  discard(): Promise<void> {
    this.closed = true;
    if (!this.deleted) {
      this.deleted = true;
      this.chain = this.chain.then(() => this.store.deleteCheckpoint(this.code)).catch((err: unknown) => this.log.error(`drill ${this.code}: could not delete its checkpoint: ${String(err)}`));
    }
    return this.chain;
  }

  /** Resolves once every write asked for so far is done (or has failed and been logged). */
  settle(): Promise<void> {
    return this.chain;
  }

  private taken(): Checkpoint | undefined {
    try {
      return this.take();
    } catch (err) {
      this.log.error(`drill ${this.code}: could not take a checkpoint (the drill goes on): ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  }

  private enqueue(checkpoint: Checkpoint, mark: string): void {
    const payload = JSON.stringify(checkpoint);
    this.lastMark = mark;
    this.inFlight++;
    this.chain = this.chain
      .then(() => this.store.saveCheckpoint(this.code, payload, new Date()))
      .then(
        () => {
          if (this.failing) this.log.info(`drill ${this.code}: checkpoints are being written again`);
          this.failing = false;
        },
        (err: unknown) => {
          // Try again at the next offer; say so once per run of failures, not every two seconds.
          if (this.lastMark === mark) this.lastMark = '';
          if (!this.failing) this.log.error(`drill ${this.code}: could not write its checkpoint (the drill goes on; retrying): ${String(err)}`);
          this.failing = true;
        },
      )
      .finally(() => {
        this.inFlight--;
      });
  }
}
