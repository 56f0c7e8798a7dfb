import type { StepResult } from '../../shared/engine/applyIntent.js';
import type { DrillState, Roster } from '../../shared/engine/drillState.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import type { ScenarioIndex } from '../../shared/engine/scenarioIndex.js';
import type { Skill } from '../../shared/bots/skill.js';
import type { By, Control, DrillInput, Holder, Intent } from '../../shared/protocol/intents.js';
import { DrillDriver, type Lineup } from '../../shared/session/DrillDriver.js';
import { regenerateLog } from '../../shared/session/regenerateLog.js';

export type SessionPhase = 'lobby' | 'running' | 'paused' | 'ended';

/** Every post held by a bot of the drill's skill: how every drill is set up before anyone sits. */
export function botRoster(index: ScenarioIndex, skill: Skill): Roster {
  return Object.fromEntries(index.scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill }]));
}

/**
 * One drill as the server runs it: the driver (engine, bots and log, shared/session) and the real
 * time around it (phase, speed, the clock's fraction). No Colyseus here: the room feeds it real
 * time and moves and forwards what comes out.
 */
export class DrillSession {
  phase: SessionPhase = 'lobby';
  speed: number;
  /** Scenario time with its fraction, so that slow speeds still move the clock. */
  private exactClock: number;

  private constructor(
    readonly driver: DrillDriver,
    readonly seed: number,
    speed: number,
  ) {
    this.speed = speed;
    this.exactClock = driver.state.clock;
  }

  static create(index: ScenarioIndex, seed: number, botSkill: Skill, speed: number): DrillSession {
    return new DrillSession(new DrillDriver(index, { seed, roster: botRoster(index, botSkill) }), seed, speed);
  }

  /**
   * A drill rebuilt from its checkpointed log after a restart, paused (or still in its lobby):
   * the log is re-run with the bots, exactly as the verifier will re-run it. Throws with the
   * reason when the log does not re-run to itself.
   */
  static restore(index: ScenarioIndex, seed: number, botSkill: Skill, speed: number, log: readonly DrillInput[], clock: number): DrillSession {
    const again = regenerateLog(index, { seed, roster: botRoster(index, botSkill) }, log, clock);
    if (!again.ok) throw new Error(`entry ${again.entry} of the log does not re-run: ${again.reason}`);
    if (again.driver.ended) throw new Error('the log ends the drill');
    const session = new DrillSession(again.driver, seed, speed);
    // Its past events were delivered before the restart.
    again.driver.drain();
    session.phase = again.driver.hasStarted ? 'paused' : 'lobby';
    return session;
  }

  get index(): ScenarioIndex {
    return this.driver.index;
  }
  get state(): DrillState {
    return this.driver.state;
  }
  get inputs(): readonly DrillInput[] {
    return this.driver.log;
  }
  get holders(): ReadonlyMap<string, Holder> {
    return this.driver.holders;
  }

  start(lineup: Lineup): StepResult {
    if (this.phase !== 'lobby') return { ok: false, rejection: { code: 'wrong-phase', reason: 'the drill has already started' } };
    const result = this.driver.start(lineup);
    if (result.ok) this.phase = this.driver.ended ? 'ended' : 'running';
    return result;
  }
  pause(): void {
    if (this.phase === 'running') this.phase = 'paused';
  }
  resume(): void {
    if (this.phase === 'paused') this.phase = 'running';
  }

  /** Real time has passed: move the scenario clock by it (at the current speed); the bots act on the way. */
  tick(realMs: number): void {
    if (this.phase !== 'running') return;
    this.exactClock += (realMs / 1000) * this.speed;
    this.driver.advance(Math.floor(this.exactClock));
    this.followEnd();
  }

  intent(post: string, intent: Intent, by: Exclude<By, 'bot'>): StepResult {
    if (this.phase !== 'running') return { ok: false, rejection: { code: 'wrong-phase', reason: `the drill is ${this.phase}` } };
    return this.followEnd(this.driver.intent(post, intent, by));
  }

  control(control: Control, by: Exclude<By, 'bot'>): StepResult {
    if (this.phase === 'ended') return { ok: false, rejection: { code: 'drill-ended', reason: 'the drill has ended' } };
    if (this.phase === 'lobby') return { ok: false, rejection: { code: 'wrong-phase', reason: 'the drill has not started' } };
    return this.followEnd(this.driver.control(control, by));
  }

  /** From now on `holder` plays the post (before the start this only shapes nothing: the line-up decides). */
  seat(post: string, holder: Holder): void {
    if (this.phase === 'ended') return;
    this.driver.seat(post, holder);
    this.followEnd();
  }

  /** Everything the engine reported since the last call. */
  drain(): DrillEvent[] {
    return this.driver.drain();
  }

  private followEnd<T>(result?: T): T {
    if (this.driver.ended) this.phase = 'ended';
    return result as T;
  }
}
