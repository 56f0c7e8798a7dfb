import { createCrew, crewActs, nextWake, notice, seatBot, unseatBot, type BotCrew, type BotRefusal } from '../bots/botCrew.js';
import { advanceToNext } from '../engine/advanceTo.js';
import { applyInput, seatOf } from '../engine/applyInput.js';
import type { StepResult } from '../engine/applyIntent.js';
import { createDrill, type DrillSetup } from '../engine/createDrill.js';
import type { DrillState } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { ChatInput } from '../protocol/intents.js';
import type { By, Control, DrillInput, Holder, Intent } from '../protocol/intents.js';
import type { BotStyle } from '../bots/botStyle.js';

/** Who holds each post when the clock starts. */
export type Lineup = Record<string, Holder>;

const refuse = (code: 'wrong-phase' | 'no-post' | 'not-allowed', reason: string): StepResult => ({ ok: false, rejection: { code, reason } });

/**
 * The engine, the bots and the input log of one drill, driven together in one fixed order: the
 * server runs a live drill with it, the verifier re-runs a stored log with it, and the two must
 * write the same log. The order is:
 *  - the clock moves through everything due and every bot's wake time in time order, each bot
 *    acting at exactly its wake time, so the log does not depend on how the caller slices time;
 *  - after every logged entry (the start, a move, a change of holder) the bots whose time has
 *    come act at once.
 * Pure: no clock, no I/O; the bots draw from generators derived from the drill's seed.
 */
export class DrillDriver {
  readonly state: DrillState;
  readonly log: DrillInput[] = [];
  readonly crew: BotCrew = createCrew();
  /** Who holds each post now (empty until the start). */
  readonly holders = new Map<string, Holder>();
  private pending: DrillEvent[];
  private started = false;
  /** Bot moves the engine refused since the last `takeRefusals`: each is a bug the server reports. */
  private refusals: BotRefusal[] = [];

  constructor(
    readonly index: ScenarioIndex,
    readonly setup: DrillSetup,
    /** For the simulator's checks only: every bot of the drill plays in this style (shared/bots/botStyle.ts). */
    private readonly style?: BotStyle,
  ) {
    const created = createDrill(index.scenario, setup);
    this.state = created.state;
    this.pending = created.events;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  get ended(): boolean {
    return this.state.phase === 'ended';
  }

  /** The clock starts with this line-up (every post of the scenario, a bot or a person). */
  start(lineup: Lineup): StepResult {
    if (this.started) return refuse('wrong-phase', 'the drill has already started');
    const posts = this.index.scenario.posts.map((p) => p.id);
    const missing = posts.find((p) => !lineup[p]);
    if (missing !== undefined || Object.keys(lineup).length !== posts.length) return refuse('no-post', `the line-up must name a holder for every post (missing "${missing ?? '?'}")`);
    const ordered: Lineup = Object.fromEntries(posts.map((p) => [p, lineup[p]!]));
    return this.entry({ at: this.state.clock, start: ordered });
  }

  /** Moves the clock to `to` (never back), the bots acting on the way. Nothing moves before the start. */
  advance(to: number): void {
    if (!this.started) return;
    while (this.state.phase === 'running') {
      const limit = Math.min(nextWake(this.crew), to);
      if (limit < this.state.clock) break;
      const before = this.state.clock;
      const happened = advanceToNext(this.index, this.state, limit);
      this.take(happened);
      notice(this.crew, happened, this.state.clock);
      const acted = this.botsAct();
      if (happened.length === 0 && !acted && this.state.clock === before && before >= limit) break;
      if (this.state.clock >= to && happened.length === 0 && !acted) break;
    }
  }

  /** A person's move at the current clock, refused unless that person holds the post now. */
  intent(post: string, intent: Intent, by: Exclude<By, 'bot'>): StepResult {
    if (!this.started) return refuse('wrong-phase', 'the drill has not started');
    const holder = this.holders.get(post);
    if (!holder) return { ok: false, rejection: { code: 'unknown-post', reason: `no post "${post}" in this drill` } };
    if (holder.kind !== 'human' || holder.id !== by) return refuse('no-post', holder.kind === 'bot' ? `a bot holds "${post}"` : `someone else holds "${post}"`);
    return this.entry({ at: this.state.clock, post, intent, by });
  }

  /** A trainer's command at the current clock. */
  control(control: Control, by: Exclude<By, 'bot'>): StepResult {
    if (!this.started) return refuse('wrong-phase', 'the drill has not started');
    return this.entry({ at: this.state.clock, control, by });
  }

  /**
   * A line of team chat, logged at the current clock. It is outside the drill: the engine never
   * sees it and no bot wakes for it, so a log with chat runs exactly as the same log without.
   * Who may write what is the session's business (chatRules.ts); the driver only keeps the line.
   */
  chat(chat: ChatInput['chat'], by: Exclude<By, 'bot'>): StepResult {
    if (!this.started) return refuse('wrong-phase', 'the drill has not started');
    // Everything due by now is done first, as before any entry, so that a re-run logs the line at the same place.
    this.advance(this.state.clock);
    this.log.push({ at: this.state.clock, chat, by });
    return { ok: true, events: [] };
  }

  /** From now on this post is held by `holder`. Before the start only the line-up changes, unlogged. */
  seat(post: string, holder: Holder): StepResult {
    const current = this.holders.get(post);
    if (!this.index.postRoom.has(post)) return { ok: false, rejection: { code: 'unknown-post', reason: `no post "${post}" in this drill` } };
    if (current && sameHolder(current, holder)) return { ok: true, events: [] };
    if (!this.started) return { ok: true, events: [] };
    return this.entry({ at: this.state.clock, seat: post, holder });
  }

  /** Events produced since the last call. */
  drain(): DrillEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /**
   * Applies one logged entry that was not a bot's move, as the live drill did: the verifier and
   * a restart feed a stored log through here (see regenerateLog.ts).
   */
  replayEntry(input: DrillInput): StepResult {
    if ('start' in input) return this.start(input.start);
    if (!this.started) return refuse('wrong-phase', 'an entry before the start');
    this.advance(input.at);
    if (this.state.clock !== input.at) return { ok: false, rejection: { code: 'clock-backwards', reason: `entry at ${input.at}, but the clock is at ${this.state.clock}` } };
    if ('seat' in input) return this.seat(input.seat, input.holder);
    if ('chat' in input) return this.chat(input.chat, input.by);
    if ('control' in input) return input.by === undefined ? refuse('not-allowed', 'a command without its author') : this.control(input.control, input.by);
    if (input.by === undefined || input.by === 'bot') return refuse('not-allowed', 'a bot move fed as a person\'s');
    return this.intent(input.post, input.intent, input.by);
  }

  /**
   * Everything due by now is done before an entry is applied (a follow-up an earlier entry
   * scheduled for this very second, say), so that a live drill and a re-run agree.
   */
  private entry(input: DrillInput): StepResult {
    if (this.started) this.advance(this.state.clock);
    const result = applyInput(this.index, this.state, input);
    if (!result.ok) return result;
    this.log.push(input);
    this.take(result.events);
    if ('start' in input) {
      this.started = true;
      for (const [post, holder] of Object.entries(input.start)) this.place(post, holder);
    } else if ('seat' in input) this.place(input.seat, input.holder);
    notice(this.crew, result.events, this.state.clock);
    this.botsAct();
    return result;
  }

  private place(post: string, holder: Holder): void {
    this.holders.set(post, holder);
    this.state.roster[post] = seatOf(holder);
    if (holder.kind === 'bot') seatBot(this.crew, this.index, post, holder.skill, this.setup.seed, this.state.clock, this.style);
    else unseatBot(this.crew, post);
  }

  /** Every bot whose time has come acts; true if any did. */
  private botsAct(): boolean {
    const acted = crewActs(this.index, this.state, this.crew);
    for (const input of acted.inputs) this.log.push({ ...input, by: 'bot' } as DrillInput);
    this.refusals.push(...acted.refused);
    this.take(acted.events);
    return acted.inputs.length > 0;
  }

  /** The bot moves refused since the last call, oldest first. */
  takeRefusals(): BotRefusal[] {
    const taken = this.refusals;
    this.refusals = [];
    return taken;
  }

  private take(events: DrillEvent[]): void {
    for (const e of events) this.pending.push(e);
  }
}

function sameHolder(a: Holder, b: Holder): boolean {
  return a.kind === 'bot' ? b.kind === 'bot' && a.skill === b.skill : b.kind === 'human' && a.id === b.id && a.name === b.name;
}
