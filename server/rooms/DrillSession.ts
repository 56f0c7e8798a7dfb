import { advanceTo } from '../../shared/engine/advanceTo.js';
import { applyControl } from '../../shared/engine/applyControl.js';
import { applyIntent, type StepResult } from '../../shared/engine/applyIntent.js';
import { createDrill } from '../../shared/engine/createDrill.js';
import type { DrillState, Roster } from '../../shared/engine/drillState.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import { indexScenario, type ScenarioIndex } from '../../shared/engine/scenarioIndex.js';
import { createCrew, crewActs, notice, seatBot, unseatBot, type BotCrew } from '../../shared/bots/botCrew.js';
import type { Skill } from '../../shared/bots/skill.js';
import type { Control, DrillInput, Intent } from '../../shared/protocol/intents.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { replay } from '../../shared/sim/replay.js';

export type SessionPhase = 'lobby' | 'running' | 'paused' | 'ended';

/** Where a restored drill stood: its input log, the clock it had reached, and lobby or paused. */
export interface SessionLog {
  inputs: readonly DrillInput[];
  clock: number;
  phase: 'lobby' | 'paused';
}

/** The drill state a log replays to; a log the engine refuses, or one that ends the drill, is no checkpoint. */
function replayLog(scenario: Scenario, seed: number, roster: Roster, log: SessionLog): DrillState {
  const { state, rejected } = replay(scenario, { seed, roster }, log.inputs, log.clock);
  const first = rejected[0];
  if (first) throw new Error(`input ${first.index} of the log does not replay: ${first.rejection.reason}`);
  if (state.phase === 'ended') throw new Error('the log ends the drill');
  return state;
}

/**
 * One drill as the server runs it: the engine's state, the drill clock, the bots and the input
 * log. No Colyseus here: the room feeds it real time and intents and forwards what comes out.
 */
export class DrillSession {
  readonly index: ScenarioIndex;
  readonly state: DrillState;
  readonly inputs: DrillInput[] = [];
  readonly crew: BotCrew = createCrew();
  phase: SessionPhase = 'lobby';
  speed: number;
  /** Scenario time with its fraction, so that slow speeds still move the clock. */
  private exactClock: number;
  /** Events produced since the room last collected them. */
  private pending: DrillEvent[];

  constructor(
    scenario: Scenario,
    readonly seed: number,
    roster: Roster,
    speed: number,
    private readonly botSkill: Skill,
    log?: SessionLog,
  ) {
    this.index = indexScenario(scenario);
    // A restored drill's past events were delivered before the restart: none are pending.
    const created = log ? { state: replayLog(scenario, seed, roster, log), events: [] } : createDrill(scenario, { seed, roster });
    this.state = created.state;
    this.pending = created.events;
    this.exactClock = this.state.clock;
    this.speed = speed;
    if (log) {
      this.inputs.push(...log.inputs);
      this.phase = log.phase;
    }
    // Nobody is connected to a restored drill yet: bots hold every post until people rejoin.
    for (const [post, seat] of Object.entries(roster)) if (log || seat.kind === 'bot') this.putBot(post, (seat.kind === 'bot' && seat.skill) || botSkill);
  }

  /** A drill rebuilt from its input log after a restart (see server/checkpoints/). Throws if the log does not replay. */
  static restore(scenario: Scenario, seed: number, roster: Roster, speed: number, botSkill: Skill, log: SessionLog): DrillSession {
    return new DrillSession(scenario, seed, roster, speed, botSkill, log);
  }

  start(): void {
    if (this.phase === 'lobby') this.phase = 'running';
  }
  pause(): void {
    if (this.phase === 'running') this.phase = 'paused';
  }
  resume(): void {
    if (this.phase === 'paused') this.phase = 'running';
  }

  /** Real time has passed: move the scenario clock by it (at the current speed) and let bots act. */
  tick(realMs: number): void {
    if (this.phase !== 'running') return;
    this.exactClock += (realMs / 1000) * this.speed;
    const to = Math.floor(this.exactClock);
    const happened = advanceTo(this.index, this.state, to);
    this.pending.push(...happened);
    notice(this.crew, happened, this.state.clock);
    this.letBotsAct();
    if (this.state.phase === 'ended') this.phase = 'ended';
  }

  intent(post: string, intent: Intent): StepResult {
    if (this.phase !== 'running') return { ok: false, rejection: { code: 'wrong-phase', reason: `the drill is ${this.phase}` } };
    if (this.crew.members.has(post)) return { ok: false, rejection: { code: 'no-post', reason: `a bot holds "${post}"` } };
    return this.record({ at: this.state.clock, post, intent }, () => applyIntent(this.index, this.state, post, intent));
  }

  control(control: Control): StepResult {
    if (this.phase === 'ended') return { ok: false, rejection: { code: 'drill-ended', reason: 'the drill has ended' } };
    return this.record({ at: this.state.clock, control }, () => applyControl(this.index, this.state, control));
  }

  /** A bot of the drill's skill (or the one given) holds the post from now on. */
  putBot(post: string, skill: Skill = this.botSkill): void {
    seatBot(this.crew, this.index, post, skill, this.seed, this.state.clock);
    this.state.roster[post] = { kind: 'bot', skill };
  }

  /** A human holds the post from now on; the bot, if any, steps aside. */
  putHuman(post: string, name: string): void {
    unseatBot(this.crew, post);
    this.state.roster[post] = { kind: 'human', name };
  }

  /** Everything the engine reported since the last call. */
  drain(): DrillEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private record(input: DrillInput, apply: () => StepResult): StepResult {
    const result = apply();
    if (!result.ok) return result;
    this.inputs.push(input);
    this.pending.push(...result.events);
    notice(this.crew, result.events, this.state.clock);
    this.letBotsAct();
    if (this.state.phase === 'ended') this.phase = 'ended';
    return result;
  }

  private letBotsAct(): void {
    const acted = crewActs(this.index, this.state, this.crew);
    this.inputs.push(...acted.inputs);
    this.pending.push(...acted.events);
  }
}
