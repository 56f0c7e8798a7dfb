import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../../helpers/libraryScenario.js';
import { buildDebrief, debriefForPost, type BuiltDebrief } from '../../../shared/debrief/buildDebrief.js';
import { DebriefSchema, type Debrief } from '../../../shared/debrief/schema.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import type { DrillInput, Intent } from '../../../shared/protocol/intents.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { DIMENSIONS } from '../../../shared/scores/dimensions.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { drive } from '../../helpers/drive.js';
import { at, humanRoster, miniScenario } from '../../helpers/fixtures.js';

type ScoreEvent = Extract<DrillEvent, { type: 'score' }>;

/**
 * A recorded drill of the fixture, played by hand so that every kind of cause happens: a bad
 * answer with a follow-up, a caller nobody answered, a duty met by an answer, a fact found by a
 * follow-up and shared, a fix, customers left waiting in the lobby.
 */
function recordedFixtureDrill(scenario: Scenario) {
  const d = drive(scenario, 7);
  const inputs: DrillInput[] = [];
  const act = (hhmm: string, post: string, makeIntent: () => Intent) => {
    d.to(hhmm);
    const intent = makeIntent();
    inputs.push({ at: at(hhmm), post, intent });
    const result = d.act(post, intent);
    if (!result.ok) throw new Error(`${post} ${JSON.stringify(intent)}: ${result.rejection.reason}`);
  };
  const npcIn = (room: string) => d.waitingIn(room)[0]!.id;
  act('09:01', 'commander', () => ({ type: 'respond', npc: npcIn('ops'), response: 'targeted' }));
  act('09:06', 'agent', () => ({ type: 'respond', npc: npcIn('phone'), response: 'hang-up' }));
  act('09:12', 'pr', () => ({ type: 'respond', npc: npcIn('newsroom'), response: 'holding-line' }));
  act('09:13', 'commander', () => ({ type: 'shareFact', fact: 'root-cause', to: ['newsroom', 'phone'] }));
  act('09:14', 'commander', () => ({ type: 'respond', npc: npcIn('ops'), response: 'rollback' }));
  d.to('10:00');
  return { inputs, log: d.log, state: d.state, untilClock: at('10:00') };
}

let scenario: Scenario;
let drill: ReturnType<typeof recordedFixtureDrill>;
let built: BuiltDebrief;
let debrief: Debrief;

beforeAll(() => {
  scenario = miniScenario();
  drill = recordedFixtureDrill(scenario);
  built = buildDebrief(scenario, { seed: 7, roster: humanRoster(scenario), inputs: drill.inputs, untilClock: drill.untilClock });
  debrief = built.debrief;
});

const scoreEvents = (log: readonly DrillEvent[]) => log.filter((e): e is ScoreEvent => e.type === 'score');

describe('the debrief of a recorded drill', () => {
  it('replays the record to the same event log and final scores as the drill itself', () => {
    expect(built.rejected).toBe(0);
    expect(built.events).toEqual(drill.log);
    expect(built.scores).toEqual(drill.state.scores);
    expect(DebriefSchema.parse(debrief)).toEqual(debrief);
  });

  it('keeps, for every answer, the options in the order they were shown and where the chosen one was', () => {
    const answers = debrief.decisions.filter((d) => d.kind === 'response');
    expect(answers.length).toBeGreaterThan(2);
    for (const d of answers) {
      const interaction = scenario.interactions.find((i) => i.id === d.interaction)!;
      const opened = drill.log.filter((e): e is Extract<DrillEvent, { type: 'interactionOpened' }> => e.type === 'interactionOpened' && e.interaction === d.interaction && e.at <= d.at).at(-1)!;
      expect(d.shown!.map((o) => o.id)).toEqual(opened.order);
      expect([...d.shown!.map((o) => o.id)].sort()).toEqual(interaction.responses.map((r) => r.id).sort());
      expect(d.shown![d.position! - 1]!.text).toEqual(d.choice);
      expect(d.shownLine!.en).toMatch(new RegExp(`^Options as shown: .*${d.position} ${d.quality} \\(chosen\\)`));
    }
  });

  it('draws each dimension from the baseline through every score event of the log to the final score', () => {
    for (const dim of DIMENSIONS) {
      const result = debrief.dimensions.find((x) => x.dim === dim)!;
      const fromLog = scoreEvents(drill.log).filter((e) => e.dim === dim).map((e) => ({ at: e.at, value: e.value }));
      expect(result.points[0]).toEqual({ at: scenario.clock.start, value: scenario.baseline[dim] });
      expect(result.points.slice(1, -1)).toEqual(fromLog);
      expect(result.points.at(-1)!.value).toBe(drill.state.scores[dim]);
      expect(result.final).toBe(drill.state.scores[dim]);
    }
    expect(debrief.total.final).toBeCloseTo(DIMENSIONS.reduce((s, d) => s + drill.state.scores[d], 0) / 6, 1);
  });

  it('lists every score change of the log once, with its numbers and a cause chain that ends in it', () => {
    const events = scoreEvents(drill.log);
    expect(events.length).toBeGreaterThan(5);
    expect(debrief.changes.map((c) => [c.seq, c.at, c.dim, c.delta, c.value, c.reason])).toEqual(events.map((e) => [e.seq, e.at, e.dim, e.delta, e.value, e.reason]));
    for (const c of debrief.changes) {
      expect(c.chain.length).toBeGreaterThan(1);
      expect(c.chain.at(-1)).toMatchObject({ kind: 'score', dim: c.dim, delta: c.delta });
      expect(['choice', 'share', 'timeout', 'inject', 'duty']).toContain(c.chain[0]!.kind);
    }
  });

  it('ties a follow-up that ran later back to the answer that caused it', () => {
    const hangUp = debrief.decisions.find((d) => d.kind === 'response' && d.choice.en === 'No idea.')!;
    const angryPost = debrief.changes.find((c) => c.reason.en === 'Complaint online' && c.decision === hangUp.seq)!;
    expect(angryPost.at).toBe(at('09:16'));
    expect(angryPost.chain.map((s) => s.kind)).toEqual(['choice', 'reaction', 'inject', 'score']);
    expect(angryPost.chain[0]).toMatchObject({ kind: 'choice', post: 'agent', choice: { en: 'No idea.' }, quality: 'bad' });
    expect(angryPost.chain[2]).toMatchObject({ kind: 'inject', followUp: true, title: { en: 'Angry post' } });
    expect(hangUp.scoreChanges).toContain(angryPost.seq);
    expect(hangUp.net).toEqual({ trust: -5, reputation: -3 });
    expect(hangUp.note.en).toBe('Brushing off breeds complaints.');
    // The caller's mood fell: "this NPC reacted".
    const reaction = angryPost.chain[1]!;
    expect(reaction.kind === 'reaction' && reaction.moodTo! < reaction.moodFrom!).toBe(true);
  });

  it('credits a duty to the answer that completed it, with the duty procedure as its note', () => {
    const holding = debrief.decisions.find((d) => d.choice.en === 'We are verifying.')!;
    const duty = debrief.expected.find((x) => x.id === 'statement')!;
    expect(duty).toMatchObject({ status: 'met', decision: holding.seq, doneAt: at('09:12'), deadline: at('09:30'), rating: 'P' });
    expect(holding.procedures).toEqual([{ duty: scenario.expected[0]!.title, text: scenario.expected[0]!.procedure }]);
    const onTime = debrief.changes.find((c) => c.reason.en === 'Spoke in time')!;
    expect(onTime.decision).toBe(holding.seq);
    expect(onTime.chain.map((s) => s.kind)).toEqual(['choice', 'reaction', 'duty', 'score']);
    // Reputation moves three times as far for a blogger with a following (influence 3).
    expect(holding.net.reputation).toBe(3);
  });

  it('follows a fix back through the fact found by an earlier investigation', () => {
    const rollback = debrief.decisions.find((d) => d.choice.en === 'Roll back.')!;
    const fixed = debrief.changes.find((c) => c.reason.en === 'Fixed in time')!;
    expect(fixed.decision).toBe(rollback.seq);
    const targeted = debrief.decisions.find((d) => d.choice.en === 'Check the upgrade logs.')!;
    expect(targeted.effects.some((e) => e.kind === 'fact' && e.fact.en === 'The upgrade script failed')).toBe(true);
    const share = debrief.decisions.find((d) => d.kind === 'share')!;
    expect(share).toMatchObject({ post: 'commander', net: { coordination: 4 } });
  });

  it('lists those who gave up waiting as moments with their outcome and note, and charges the room', () => {
    const timeouts = drill.log.filter((e) => e.type === 'timeout');
    expect(debrief.decisions.filter((d) => d.kind === 'timeout')).toHaveLength(timeouts.length);
    const hungUp = debrief.changes.find((c) => c.reason.en === 'Caller hung up after waiting')!;
    expect(hungUp.chain[0]).toMatchObject({ kind: 'timeout', outcome: { en: 'The caller hung up.' } });
    expect(hungUp.post).toBe('agent');
    const phone = debrief.improvements.find((f) => f.topic === 'waiting' && f.title.en.startsWith('In Phone queue'))!;
    expect(phone.title.en).toBe('In Phone queue, 1 person gave up waiting');
    expect(phone.action!.en).toContain('I understand your worry.');
    expect(phone.evidence.some((e) => e.en.includes('The caller hung up.'))).toBe(true);
  });

  it('derives strengths and areas from the data, each citing its evidence, in both languages', () => {
    expect(debrief.strengths.some((f) => f.topic === 'duty' && f.title.en === '“Speak in time” done 18 min before its deadline')).toBe(true);
    expect(debrief.strengths.some((f) => f.topic === 'sharing' && f.title.en.startsWith('“The upgrade script failed” reached 2 rooms'))).toBe(true);
    expect(debrief.improvements.some((f) => f.topic === 'choices' && f.post === 'agent')).toBe(true);
    const trust = debrief.dimensions.find((d) => d.dim === 'trust')!;
    if (trust.final < trust.baseline - 4) expect(debrief.improvements.some((f) => f.topic === 'dimension' && f.title.en.startsWith('Customer trust'))).toBe(true);
    for (const f of [...debrief.strengths, ...debrief.improvements]) {
      expect(f.evidence.length, f.title.en).toBeGreaterThan(0);
      expect(f.title['zh-CN']).not.toBe(f.title.en);
      expect(f.title.en).not.toMatch(/\{\w+\}/);
      expect(f.title['zh-CN']).not.toMatch(/\{\w+\}/);
    }
  });

  it('narrows to one post: its own decisions, its room, its duties, its findings', () => {
    const mine = debriefForPost(debrief, 'agent');
    expect(mine.forPost).toBe('agent');
    expect(mine.decisions.length).toBeGreaterThan(0);
    expect(mine.decisions.every((d) => d.post === 'agent' || (d.kind === 'timeout' && d.room === 'phone'))).toBe(true);
    expect(mine.changes.every((c) => c.post === 'agent')).toBe(true);
    expect(mine.expected).toEqual([]);
    expect(mine.improvements.every((f) => f.post === null || f.post === 'agent')).toBe(true);
    expect(mine.dimensions).toEqual(debrief.dimensions);
  });

  it('is the same debrief every time for the same record', () => {
    const again = buildDebrief(scenario, { seed: 7, roster: humanRoster(scenario), inputs: drill.inputs, untilClock: drill.untilClock });
    expect(JSON.stringify(again.debrief)).toBe(JSON.stringify(debrief));
  });
});

describe('the debrief of flagship drills played by bots', () => {
  let flagship: Scenario;
  beforeAll(async () => {
    flagship = await libraryScenario('huarui-upgrade-outage');
  });

  for (const skill of ['novice', 'expert'] as const) {
    it(`accounts for every score change of a ${skill} team's drill, and its numbers add up`, () => {
      const team = Object.fromEntries(flagship.posts.map((p) => [p.id, skill]));
      const run = runBotDrill(flagship, 11, team);
      const { debrief: b, events, rejected } = buildDebrief(run.morning, { seed: 11, roster: run.roster, inputs: run.inputs, untilClock: run.state.clock });
      expect(rejected).toBe(0);
      expect(events).toEqual(run.events);
      DebriefSchema.parse(b);
      const fromLog = scoreEvents(run.events);
      expect(b.changes.map((c) => c.seq)).toEqual(fromLog.map((e) => e.seq));
      for (const dim of DIMENSIONS) {
        const sum = b.changes.filter((c) => c.dim === dim).reduce((s, c) => s + c.delta, 0);
        expect(flagship.baseline[dim] + sum).toBe(run.state.scores[dim]);
      }
      // Each decision's net effect is exactly the score changes traced back to it.
      for (const d of b.decisions) {
        const mine = b.changes.filter((c) => c.decision === d.seq);
        expect(mine.map((c) => c.seq)).toEqual(d.scoreChanges);
      }
      expect(b.decisions.filter((d) => d.kind === 'response')).toHaveLength(run.events.filter((e) => e.type === 'response').length);
      const responsesRooted = b.changes.filter((c) => c.chain[0]!.kind === 'choice').length;
      expect(responsesRooted).toBeGreaterThan(0);
      expect(b.expected).toHaveLength(flagship.expected.length);
      for (const x of b.expected) expect(x.status).toBe(run.state.expected[x.id]!.status);
      expect(b.strengths.length + b.improvements.length).toBeGreaterThan(0);
    });
  }
});
