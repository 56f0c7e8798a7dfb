import { formatClockTime } from '../scenario/clockTime.js';
import type { Condition, Scenario } from '../scenario/schema.js';
import type { DrillEvent } from '../engine/events.js';
import { DIMENSION_LABELS } from '../scores/dimensions.js';
import type { Text } from '../i18n/text.js';
import type { Names } from './describe.js';
import type { Decision, DimensionResult, ExpectedOutcome, Finding, ScoreChange } from './schema.js';
import { joinTexts, say, signed } from './strings.js';

/** A dimension that moved this far from its baseline, either way, is worth a finding. */
const DIM_MOVED = 5;
/** Shared within this long of being confirmed is prompt; later than SHARE_LATE is late. */
const SHARE_PROMPT = 10 * 60;
const SHARE_LATE = 20 * 60;
/** A post with this share of best or good answers (and at least MIN_ANSWERS) did well. */
const GOOD_SHARE = 0.7;
const MIN_ANSWERS = 2;
/** How many pieces of evidence a finding lists at most. */
const EVIDENCE = 4;

export interface FindingInput {
  scenario: Scenario;
  names: Names;
  events: readonly DrillEvent[];
  dimensions: DimensionResult[];
  decisions: Decision[];
  changes: ScoreChange[];
  expected: ExpectedOutcome[];
}

const time = (at: number) => formatClockTime(at);
const minutes = (seconds: number) => Math.round(seconds / 60);

/**
 * Strengths and areas for improvement, each computed from what happened in this drill and
 * citing it: scores that ended high or low and what moved them, duties done early, late or
 * missed, rooms where people gave up waiting, facts shared promptly, late or never, and each
 * post's answers against the procedure.
 */
export function findings(input: FindingInput): { strengths: Finding[]; improvements: Finding[] } {
  const strengths: Finding[] = [];
  const improvements: Finding[] = [];
  dutyFindings(input, strengths, improvements);
  dimensionFindings(input, strengths, improvements);
  waitingFindings(input, improvements);
  sharingFindings(input, strengths, improvements);
  choiceFindings(input, strengths, improvements);
  return { strengths, improvements };
}

function dutyFindings({ expected }: FindingInput, strengths: Finding[], improvements: Finding[]): void {
  for (const x of expected) {
    if (x.status === 'met' && x.deadline !== null && x.doneAt !== null) {
      strengths.push({
        topic: 'duty', post: x.post, title: say('debrief.duty.early', { duty: x.title, minutes: minutes(x.deadline - x.doneAt) }),
        evidence: [say('debrief.duty.by', { time: time(x.doneAt), who: x.who })], action: null, owner: x.who,
      });
    } else if (x.status === 'late' && x.deadline !== null && x.doneAt !== null) {
      improvements.push({
        topic: 'duty', post: x.post, title: say('debrief.duty.late', { duty: x.title, minutes: minutes(x.doneAt - x.deadline) }),
        evidence: [say('debrief.duty.deadline', { time: time(x.deadline), who: x.who }), say('debrief.duty.by', { time: time(x.doneAt), who: x.who })],
        action: x.procedure, owner: x.who,
      });
    } else if (x.status === 'missed') {
      improvements.push({
        topic: 'duty', post: x.post, title: say('debrief.duty.missed', { duty: x.title, time: x.deadline === null ? '—' : time(x.deadline) }),
        evidence: [say('debrief.duty.deadline', { time: x.deadline === null ? '—' : time(x.deadline), who: x.who })], action: x.procedure, owner: x.who,
      });
    }
  }
}

function dimensionFindings(input: FindingInput, strengths: Finding[], improvements: Finding[]): void {
  for (const d of input.dimensions) {
    const moves = input.changes.filter((c) => c.dim === d.dim);
    const item = (c: ScoreChange) => say('debrief.dim.gain', { time: time(c.at), delta: signed(c.delta), reason: c.reason });
    if (d.final - d.baseline >= DIM_MOVED || d.final >= 80) {
      const gains = moves.filter((c) => c.delta > 0).sort((a, b) => b.delta - a.delta || a.seq - b.seq);
      strengths.push({
        topic: 'dimension', post: null, title: say('debrief.dim.high', { dim: d.label, final: d.final, baseline: d.baseline }),
        evidence: gains.slice(0, EVIDENCE).map(item), action: null, owner: null,
      });
    } else if (d.baseline - d.final >= DIM_MOVED || d.final < 50) {
      const losses = moves.filter((c) => c.delta < 0).sort((a, b) => a.delta - b.delta || a.seq - b.seq);
      const worst = losses[0];
      improvements.push({
        topic: 'dimension', post: null, title: say('debrief.dim.low', { dim: d.label, final: d.final, baseline: d.baseline }),
        evidence: losses.slice(0, EVIDENCE).map(item),
        action: worst ? say('debrief.dim.action', { reason: worst.reason, time: time(worst.at), advice: adviceFor(input, worst) ?? '' }) : null,
        owner: worst?.post ? input.names.who(worst.post) : say('debrief.who.team'),
      });
    }
  }
}

/** What would have avoided a loss: the better answer, answering in time, or the duty's procedure. */
function adviceFor({ decisions, expected, scenario, names }: FindingInput, change: ScoreChange): Text | null {
  const d = decisions.find((x) => x.seq === change.decision);
  if (d && (d.kind === 'timeout' || d.quality === 'poor' || d.quality === 'bad')) {
    const interaction = scenario.interactions.find((i) => i.id === d.interaction);
    const best = interaction && bestAnswer(interaction);
    if (interaction && best) return say('debrief.choices.action', { npc: names.npc(interaction.npc), best: best.text, note: best.note });
  }
  // A move of the hotline or the floor: its note says what the procedure asks instead.
  if (d && ROOM_WORK_KINDS.has(d.kind) && (d.quality === 'poor' || d.quality === 'bad')) return d.note;
  const duty = change.chain.find((s) => s.kind === 'duty' && s.status === 'missed');
  if (duty) return expected.find((x) => duty.kind === 'duty' && x.title.en === duty.title.en)?.procedure ?? null;
  return null;
}

const ROOM_WORK_KINDS = new Set<Decision['kind']>(['ticket', 'callback', 'escalation', 'assignment', 'line']);

function bestAnswer(interaction: Scenario['interactions'][number]) {
  return interaction.responses.find((r) => r.quality === 'best') ?? interaction.responses.find((r) => r.quality === 'good');
}

function costOf(decisions: Decision[]): Text | null {
  const net: Record<string, number> = {};
  for (const d of decisions) for (const [dim, delta] of Object.entries(d.net)) net[dim] = (net[dim] ?? 0) + delta;
  const items = Object.entries(net)
    .filter(([, delta]) => delta !== 0)
    .map(([dim, delta]) => say('debrief.score.item', { dim: DIMENSION_LABELS[dim as keyof typeof DIMENSION_LABELS], delta: signed(delta) }));
  return items.length ? say('debrief.cost', { list: joinTexts(items) }) : null;
}

function waitingFindings(input: FindingInput, improvements: Finding[]): void {
  const { scenario, names, decisions } = input;
  for (const room of scenario.rooms) {
    const gaveUp = decisions.filter((d) => d.kind === 'timeout' && d.room === room.id);
    if (gaveUp.length === 0) continue;
    const posts = names.postsOfRoom(room.id);
    const first = scenario.interactions.find((i) => i.id === gaveUp[0]!.interaction);
    const best = first && bestAnswer(first);
    const cost = costOf(gaveUp);
    improvements.push({
      topic: 'waiting', post: posts[0] ?? null, title: say('debrief.waiting.title', { room: room.name, count: gaveUp.length }),
      evidence: [...gaveUp.slice(0, EVIDENCE).map((d) => say('debrief.waiting.item', { time: time(d.at), npc: d.situation, outcome: d.choice })), ...(cost ? [cost] : [])],
      action: first && best ? say('debrief.waiting.action', { npc: names.npc(first.npc), best: best.text, note: best.note }) : null,
      owner: posts.length ? joinTexts(posts.map(names.who)) : say('debrief.who.team'),
    });
  }
}

/** Facts a room needs: its interactions have answers that require them. */
function factsNeededBy(scenario: Scenario): Map<string, Set<string>> {
  const needed = new Map<string, Set<string>>();
  const visit = (c: Condition, room: string): void => {
    if ('fact' in c) (needed.get(c.fact) ?? needed.set(c.fact, new Set()).get(c.fact)!).add(c.room ?? room);
    else if ('all' in c) c.all.forEach((x) => visit(x, room));
    else if ('any' in c) c.any.forEach((x) => visit(x, room));
    else if ('not' in c) visit(c.not, room);
  };
  for (const i of scenario.interactions) for (const r of i.responses) if (r.requires) visit(r.requires, i.room);
  return needed;
}

function sharingFindings(input: FindingInput, strengths: Finding[], improvements: Finding[]): void {
  const { scenario, names, events } = input;
  const needed = factsNeededBy(scenario);
  for (const fact of scenario.facts) {
    const learned = events.filter((e): e is Extract<DrillEvent, { type: 'factLearned' }> => e.type === 'factLearned' && e.fact === fact.id);
    const shared = events.filter((e): e is Extract<DrillEvent, { type: 'factShared' }> => e.type === 'factShared' && e.fact === fact.id);
    const confirmed = learned[0];
    if (!confirmed) continue;
    const source = confirmed.room ?? '';
    const sourcePost = names.postsOfRoom(source)[0] ?? null;
    const owner = sourcePost ? names.who(sourcePost) : say('debrief.who.team');
    const evidence = [
      say('debrief.sharing.learned', { time: time(confirmed.at), room: names.room(source) }),
      ...shared.slice(0, EVIDENCE - 1).map((s) => say('debrief.sharing.sent', { time: time(s.at), who: names.who(s.post), rooms: joinTexts(s.to.map(names.room)) })),
    ];
    const prompt = shared.filter((s) => s.at - confirmed.at <= SHARE_PROMPT).flatMap((s) => s.to);
    if (prompt.length > 0) {
      strengths.push({ topic: 'sharing', post: sourcePost, title: say('debrief.sharing.prompt', { fact: fact.text, count: prompt.length, minutes: minutes(SHARE_PROMPT) }), evidence, action: null, owner });
    }
    for (const s of shared.filter((x) => x.at - confirmed.at > SHARE_LATE)) {
      const rooms = joinTexts(s.to.map(names.room));
      improvements.push({
        topic: 'sharing', post: s.post, title: say('debrief.sharing.late', { fact: fact.text, room: rooms, minutes: minutes(s.at - confirmed.at) }),
        evidence, action: say('debrief.sharing.action', { room: rooms }), owner: names.who(s.post),
      });
    }
    const knownAtEnd = new Set([...fact.knownBy, ...learned.map((l) => l.room ?? ''), ...shared.flatMap((s) => s.to)]);
    const missing = [...(needed.get(fact.id) ?? [])].filter((room) => !knownAtEnd.has(room));
    if (missing.length > 0) {
      const rooms = joinTexts(missing.map(names.room));
      improvements.push({
        topic: 'sharing', post: sourcePost, title: say('debrief.sharing.never', { fact: fact.text, room: rooms }),
        evidence, action: say('debrief.sharing.action', { room: rooms }), owner,
      });
    }
  }
}

function choiceFindings(input: FindingInput, strengths: Finding[], improvements: Finding[]): void {
  const { scenario, names, decisions } = input;
  for (const post of scenario.posts) {
    const answers = decisions.filter((d) => d.kind === 'response' && d.post === post.id);
    if (answers.length === 0) continue;
    const who = names.who(post.id);
    const good = answers.filter((d) => d.quality === 'best' || d.quality === 'good');
    const poor = answers.filter((d) => d.quality === 'poor' || d.quality === 'bad');
    const item = (d: Decision) => say('debrief.choices.item', { time: time(d.at), choice: d.choice, note: d.note });
    if (answers.length >= MIN_ANSWERS && good.length / answers.length >= GOOD_SHARE) {
      strengths.push({ topic: 'choices', post: post.id, title: say('debrief.choices.good', { who, good: good.length, total: answers.length }), evidence: good.slice(0, EVIDENCE).map(item), action: null, owner: who });
    }
    if (poor.length > 0) {
      const worst = poor.find((d) => d.quality === 'bad') ?? poor[0]!;
      const interaction = scenario.interactions.find((i) => i.id === worst.interaction);
      const best = interaction && bestAnswer(interaction);
      improvements.push({
        topic: 'choices', post: post.id, title: say('debrief.choices.bad', { who, count: poor.length }), evidence: poor.slice(0, EVIDENCE).map(item),
        action: interaction && best ? say('debrief.choices.action', { npc: names.npc(interaction.npc), best: best.text, note: best.note }) : null, owner: who,
      });
    }
  }
}
