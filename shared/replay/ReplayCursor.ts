import { createDrill } from '../engine/createDrill.js';
import type { DrillState, Roster } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import { indexScenario, type ScenarioIndex } from '../engine/scenarioIndex.js';
import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import { takeStep, type ReplayPosition, type ReplayStep } from './replayStep.js';

/** The inputs of a recorded drill: all a replay runs on. */
export interface ReplayInputs {
  seed: number;
  roster: Roster;
  inputs: readonly DrillInput[];
  untilClock: number;
}

/** How many steps apart the cursor keeps a copy of the state: going back re-runs at most this many. */
export const SNAPSHOT_EVERY = 16;

/**
 * Walks through a recorded drill step by step, forwards and back. Step 0 is the drill as created;
 * each further step is one logged input or one clock instant where something happened (see
 * replayStep.ts). The whole drill is run once up front, to know every step and its events; the
 * engine changes its state in place, so going back restores a copy taken every few steps and
 * re-runs the rest.
 */
export class ReplayCursor {
  readonly index: ScenarioIndex;
  readonly steps: readonly ReplayStep[];
  private readonly snapshots = new Map<number, ReplayPosition>();
  private current: ReplayPosition;
  private at = 0;

  constructor(
    scenario: Scenario,
    private readonly source: ReplayInputs,
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {
    if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) throw new RangeError('snapshotEvery must be a positive integer');
    this.index = indexScenario(scenario);
    const created = createDrill(scenario, { seed: source.seed, roster: source.roster });
    const run: ReplayPosition = { state: created.state, nextInput: 0 };
    const steps: ReplayStep[] = [{ kind: 'start', clock: created.state.clock, events: created.events }];
    this.snapshots.set(0, copy(run));
    for (;;) {
      const step = takeStep(this.index, run, source.inputs, source.untilClock);
      if (!step) break;
      steps.push(step);
      if (steps.length % snapshotEvery === 1) this.snapshots.set(steps.length - 1, copy(run));
    }
    this.steps = steps;
    this.current = copy(this.snapshots.get(0)!);
  }

  /** The step on screen, from 0 to `last`. */
  get position(): number {
    return this.at;
  }

  get last(): number {
    return this.steps.length - 1;
  }

  /** The drill as it was after the current step. Read it, do not change it. */
  get state(): DrillState {
    return this.current.state;
  }

  get step(): ReplayStep {
    return this.steps[this.at]!;
  }

  /** Inputs the engine refused on the way: a faithful log has none. */
  get rejected(): ReplayStep[] {
    return this.steps.filter((s) => s.rejection !== undefined);
  }

  /** Moves one step on; false at the end. */
  forward(): boolean {
    if (this.at >= this.last) return false;
    takeStep(this.index, this.current, this.source.inputs, this.source.untilClock);
    this.at++;
    return true;
  }

  /** Moves one step back; false at the start. */
  back(): boolean {
    if (this.at === 0) return false;
    this.seek(this.at - 1);
    return true;
  }

  /** Goes to a step (clamped to the drill), re-running from the nearest copy before it if need be. */
  seek(step: number): void {
    const target = Math.max(0, Math.min(this.last, Math.floor(step)));
    const base = target - (target % this.snapshotEvery);
    if (target < this.at || base > this.at) {
      this.current = copy(this.snapshots.get(base)!);
      this.at = base;
    }
    while (this.at < target) this.forward();
  }

  /** Every event from the start up to and including a step, in order. */
  eventsThrough(step: number): DrillEvent[] {
    return this.steps.slice(0, step + 1).flatMap((s) => s.events);
  }
}

function copy(position: ReplayPosition): ReplayPosition {
  return { state: structuredClone(position.state), nextInput: position.nextInput };
}
