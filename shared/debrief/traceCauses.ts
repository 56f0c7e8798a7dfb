import type { Cause, Roster } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import type { Quality, Scenario } from '../scenario/schema.js';
import type { Names } from './describe.js';
import type { ChainStep, Composed, Decision, EffectLine, FiledField, ScoreChange } from './schema.js';
import { nestQuotesIn, type Text } from '../i18n/text.js';
import { joinTexts, say } from './strings.js';
import { describeBoardMove, describeFeedAction, describeReport, describeReview, describeStatement } from './describeWork.js';
import { describeRoomWork, type RoomWorkEvent } from './describeRoomWork.js';

/** The key a move of the rooms' own work (a ticket, a call-back, an escalation, a floor move) is found by; what nobody did in time has no post. */
const workKeyOf = (kind: Cause['kind'], work: string, post: string | undefined, ref: string | undefined) => `w:${kind}:${work}:${kind === 'timeout' ? '' : (post ?? '')}:${ref ?? ''}`;
const workKey = (c: Cause) => workKeyOf(c.kind, c.work!, c.post, c.escalation ?? c.ticket ?? (c.work === 'line' ? c.statement : c.npc));

/** The same key, from the event the decision was made in. */
function workEventKey(e: RoomWorkEvent, post: string | null): string {
  const kind = post === null ? 'timeout' : 'response';
  const p = post ?? undefined;
  switch (e.type) {
    case 'ticketLogged':
      return workKeyOf(kind, 'ticket', p, e.ticket);
    case 'callbackKept':
    case 'callbackBroken':
      return workKeyOf(kind, 'callback', p, e.ticket);
    case 'escalated':
    case 'escalationAcknowledged':
    case 'escalationStale':
      return workKeyOf(kind, 'escalation', p, e.escalation);
    case 'customerAssigned':
      return workKeyOf(kind, 'assignment', p, e.npc);
    case 'lineRead':
      return workKeyOf(kind, 'line', p, e.statement);
  }
}

/**
 * Where a consequence comes from. A decision is a root; a duty or an inject may sit between a
 * decision and the score it moved ("this choice → the follow-up story ran → reputation fell").
 */
type Origin =
  | { kind: 'decision'; seq: number }
  | { kind: 'duty'; expected: string; at: number; status: 'met' | 'late' | 'missed'; after: Origin | null }
  | { kind: 'inject'; inject: string; at: number; followUp: boolean; byTrainer: boolean; conditional: boolean; after: Origin | null };

interface DecisionDraft extends Decision {
  npc: string | null;
  archetype: string | null;
  moodFrom: number | null;
  moodTo: number | null;
  fact: string | null;
  sharedWith: string[];
}

export interface Trace {
  decisions: Decision[];
  changes: ScoreChange[];
  /** For each duty done, the decision that completed it (by seq), if one did. */
  dutyDoneBy: Map<string, number>;
}

/**
 * Walks the engine's event log once, in order, and ties every consequence back to its root:
 * each score change gets its chain of causes and the decision behind it, each decision gets
 * every consequence it had, including follow-ups that ran much later.
 */
export function traceCauses(scenario: Scenario, roster: Roster, events: readonly DrillEvent[], names: Names): Trace {
  const interactions = new Map(scenario.interactions.map((i) => [i.id, i]));
  const conditional = new Set(scenario.injects.filter((i) => i.when !== undefined && i.at === undefined).map((i) => i.id));
  const decisions = new Map<number, DecisionDraft>();
  const latest = new Map<string, Origin>();
  const pendingFollowUps: { inject: string; due: number; origin: Origin | null }[] = [];
  const changes: { event: Extract<DrillEvent, { type: 'score' }>; origin: Origin | null }[] = [];
  const dutyDoneBy = new Map<string, number>();
  const npcArchetype = new Map<string, string>();
  const tickets = new Map<string, Extract<DrillEvent, { type: 'ticketLogged' }>>();
  let last = null as { at: number; origin: Origin | null } | null;

  const keyOf = (c: Cause): string | null => {
    if (c.work) return workKey(c);
    switch (c.kind) {
      case 'response':
        return `r:${c.npc}:${c.interaction}:${c.response}`;
      case 'statement':
        return `st:${c.post}:${c.statement}`;
      case 'feed':
        return c.post === undefined ? null : `f:${c.post}:${c.item}`;
      case 'report':
        return `rp:${c.report}`;
      case 'board':
        return `b:${c.option}`;
      case 'share':
        return `s:${c.post}:${c.fact}`;
      case 'timeout':
        return `t:${c.npc}:${c.interaction}`;
      case 'expected':
        return `x:${c.expected}`;
      case 'inject':
        return `i:${c.inject}`;
      default:
        return null;
    }
  };
  const originOf = (c: Cause): Origin | null => {
    const key = keyOf(c);
    return key ? (latest.get(key) ?? null) : null;
  };
  const rootOf = (o: Origin | null): number | null => (o === null ? null : o.kind === 'decision' ? o.seq : rootOf(o.after));
  const decisionOf = (o: Origin | null) => {
    const seq = rootOf(o);
    return seq === null ? undefined : decisions.get(seq);
  };
  const addEffect = (o: Origin | null, line: EffectLine) => decisionOf(o)?.effects.push(line);
  type Fresh = Omit<DecisionDraft, 'procedures' | 'effects' | 'scoreChanges' | 'net' | 'moodFrom' | 'moodTo' | 'fact' | 'sharedWith'>;
  const newDecision = (d: Fresh, share?: { fact: string; to: string[] }): DecisionDraft => {
    const draft: DecisionDraft = { ...d, procedures: [], effects: [], scoreChanges: [], net: {}, moodFrom: null, moodTo: null, fact: share?.fact ?? null, sharedWith: share?.to ?? [] };
    decisions.set(d.seq, draft);
    return draft;
  };
  /**
   * A post's move on its room's own work (a statement, a review, a board move, a report, a feed
   * action) becomes a decision; `key` is how the causes of its consequences find it again.
   */
  const workDecision = (
    e: { seq: number; at: number; post: string },
    kind: Decision['kind'],
    key: string,
    d: { situation: Text; choice: Text; quality: Quality; note: Text; composed?: Composed; filed?: FiledField[] },
  ) => {
    newDecision({
      seq: e.seq, at: e.at, kind, post: e.post, room: names.roomOfPost(e.post), interaction: null, who: names.who(e.post), by: by(e.post),
      situation: d.situation, choice: d.choice, reply: null, quality: d.quality, shown: null, position: null, shownLine: null, note: d.note, npc: null, archetype: null,
      ...(d.composed && { composed: d.composed }),
      ...(d.filed && { filed: d.filed }),
    });
    const origin: Origin = { kind: 'decision', seq: e.seq };
    latest.set(key, origin);
    last = { at: e.at, origin };
  };
  /** The inject or duty between a decision and a score, when the score did not come straight from it. */
  const viaOf = (o: Origin | null) => (o?.kind === 'inject' ? names.inject(o.inject) : o?.kind === 'duty' ? names.duty(o.expected) : null);
  const by = (post: string) => (roster[post]?.kind === 'bot' ? 'bot' : 'human') as 'human' | 'bot';

  /** The order each NPC's open interaction was shown in, as its responses' ids. */
  const shownTo = new Map<string, string[]>();

  for (const e of events) {
    switch (e.type) {
      case 'npcArrived':
        npcArchetype.set(e.npc, e.archetype);
        break;
      case 'interactionOpened':
        shownTo.set(e.npc, e.order);
        break;
      case 'response': {
        const interaction = interactions.get(e.interaction)!;
        const response = interaction.responses.find((r) => r.id === e.response)!;
        const archetype = npcArchetype.get(e.npc) ?? interaction.npc;
        // Logs recorded before orders were drawn have none: the file's order is what was shown then.
        const order = shownTo.get(e.npc) ?? interaction.responses.map((r) => r.id);
        const shown = order.map((id) => interaction.responses.find((r) => r.id === id)!).map((r) => ({ id: r.id, text: r.text, quality: r.quality }));
        newDecision({
          seq: e.seq, at: e.at, kind: 'response', post: e.post, room: names.roomOfPost(e.post), interaction: e.interaction, who: names.who(e.post), by: by(e.post),
          situation: say('debrief.quote', { npc: names.npc(archetype), line: nestQuotesIn(interaction.prompt) }), choice: response.text,
          reply: response.reply ?? null, quality: response.quality, shown, position: e.position ?? order.indexOf(e.response) + 1, shownLine: shownLine(shown, e.response), note: response.note, npc: e.npc, archetype,
        });
        const origin: Origin = { kind: 'decision', seq: e.seq };
        latest.set(`r:${e.npc}:${e.interaction}:${e.response}`, origin);
        last = { at: e.at, origin };
        break;
      }
      case 'factShared': {
        newDecision({
          seq: e.seq, at: e.at, kind: 'share', post: e.post, room: e.from, interaction: null, who: names.who(e.post), by: by(e.post),
          situation: say('debrief.share.situation', { fact: names.fact(e.fact) }), choice: say('debrief.share.choice', { rooms: joinTexts(e.to.map(names.room)) }),
          reply: null, quality: null, shown: null, position: null, shownLine: null, note: say('debrief.share.note'), npc: null, archetype: null,
        }, { fact: e.fact, to: e.to });
        const origin: Origin = { kind: 'decision', seq: e.seq };
        latest.set(`s:${e.post}:${e.fact}`, origin);
        last = { at: e.at, origin };
        break;
      }
      case 'statementPublished':
        workDecision(e, 'statement', `st:${e.post}:${e.statement}`, describeStatement(scenario, e));
        break;
      case 'draftReviewed':
        workDecision(e, 'review', `st:${e.post}:${e.statement}`, describeReview(scenario, e));
        break;
      case 'boardStarted':
        workDecision(e, 'board', `b:${e.kind}:${e.option}`, describeBoardMove(scenario, e));
        break;
      case 'reportFiled':
        workDecision(e, 'report', `rp:${e.report}`, describeReport(scenario, e));
        break;
      case 'feedAnswered':
        workDecision(e, 'feed', `f:${e.post}:${e.item}`, describeFeedAction(scenario, e, e.backfired === true));
        break;
      case 'ticketLogged':
      case 'callbackKept':
      case 'callbackBroken':
      case 'escalated':
      case 'escalationAcknowledged':
      case 'escalationStale':
      case 'customerAssigned':
      case 'lineRead': {
        if (e.type === 'ticketLogged') tickets.set(e.ticket, e);
        const d = describeRoomWork(scenario, e, (id) => tickets.get(id), (npc) => {
          const archetype = npcArchetype.get(npc) ?? '';
          return { archetype, name: names.npc(archetype) };
        });
        const room = d.post ? names.roomOfPost(d.post) : (e.room ?? '');
        newDecision({
          seq: e.seq, at: e.at, kind: d.kind, post: d.post, room, interaction: null, who: d.post ? names.who(d.post) : null, by: d.post ? by(d.post) : null,
          situation: d.situation, choice: d.choice, reply: null, quality: d.quality, shown: null, position: null, shownLine: null, note: d.note, npc: null, archetype: null,
        });
        const origin: Origin = { kind: 'decision', seq: e.seq };
        latest.set(workEventKey(e, d.post), origin);
        last = { at: e.at, origin };
        break;
      }
      case 'timeout': {
        const interaction = interactions.get(e.interaction)!;
        const archetype = npcArchetype.get(e.npc) ?? interaction.npc;
        newDecision({
          seq: e.seq, at: e.at, kind: 'timeout', post: null, room: e.room ?? interaction.room, interaction: e.interaction, who: null, by: null,
          situation: say('debrief.quote', { npc: names.npc(archetype), line: nestQuotesIn(interaction.prompt) }), choice: e.outcome,
          reply: null, quality: null, shown: null, position: null, shownLine: null, note: interaction.timeout.note, npc: e.npc, archetype,
        });
        const origin: Origin = { kind: 'decision', seq: e.seq };
        latest.set(`t:${e.npc}:${e.interaction}`, origin);
        last = { at: e.at, origin };
        break;
      }
      case 'inject': {
        let after: Origin | null = null;
        const byTrainer = e.origin?.kind === 'control';
        if (e.origin && !byTrainer) {
          const i = pendingFollowUps.findIndex((f) => f.inject === e.inject && f.due === e.at);
          after = i >= 0 ? pendingFollowUps.splice(i, 1)[0]!.origin : originOf(e.origin);
        }
        // An inject that waits for a condition fires because of the change just made.
        const isConditional = !e.origin && conditional.has(e.inject);
        if (isConditional && last?.at === e.at) after = last.origin;
        const origin: Origin = { kind: 'inject', inject: e.inject, at: e.at, followUp: !!e.origin && !byTrainer, byTrainer, conditional: isConditional, after };
        latest.set(`i:${e.inject}`, origin);
        last = { at: e.at, origin };
        break;
      }
      case 'expected': {
        if (e.status === 'pending' || e.status === 'not-applicable') break;
        let trigger = e.status !== 'missed' && last?.at === e.at ? last.origin : null;
        // A conditional inject fired in the same step is a sibling of the duty, not its cause.
        while (trigger?.kind === 'inject' && trigger.conditional) trigger = trigger.after;
        const origin: Origin = { kind: 'duty', expected: e.expected, at: e.at, status: e.status, after: trigger };
        latest.set(`x:${e.expected}`, origin);
        if (e.status !== 'missed') {
          addEffect(trigger, { kind: 'duty', at: e.at, title: names.duty(e.expected), status: e.status });
          const d = decisionOf(trigger);
          const duty = scenario.expected.find((x) => x.id === e.expected);
          if (d && duty) {
            d.procedures.push({ duty: duty.title, text: duty.procedure });
            dutyDoneBy.set(e.expected, d.seq);
          }
        }
        break;
      }
      case 'score': {
        const origin = originOf(e.cause);
        changes.push({ event: e, origin });
        addEffect(origin, { kind: 'score', at: e.at, dim: e.dim, delta: e.delta, value: e.value, reason: e.reason, via: viaOf(origin) });
        last = { at: e.at, origin };
        break;
      }
      case 'mood': {
        const origin = originOf(e.cause);
        const d = decisionOf(origin);
        if (d && origin?.kind === 'decision' && d.npc === e.npc) {
          d.moodFrom ??= e.from;
          d.moodTo = e.to;
        }
        addEffect(origin, { kind: 'mood', at: e.at, npc: names.npc(npcArchetype.get(e.npc) ?? ''), from: e.from, to: e.to });
        last = { at: e.at, origin };
        break;
      }
      case 'flag': {
        const origin = originOf(e.cause);
        addEffect(origin, { kind: 'flag', at: e.at, label: names.flag(e.flag), set: e.set });
        last = { at: e.at, origin };
        break;
      }
      case 'factLearned': {
        const origin = originOf(e.cause);
        addEffect(origin, { kind: 'fact', at: e.at, fact: names.fact(e.fact), room: names.room(e.room ?? '') });
        last = { at: e.at, origin };
        break;
      }
      case 'followUpScheduled': {
        const origin = originOf(e.cause);
        pendingFollowUps.push({ inject: e.inject, due: e.due, origin });
        addEffect(origin, { kind: 'followUp', at: e.at, title: names.inject(e.inject), due: e.due });
        break;
      }
      case 'followUpCancelled': {
        const origin = originOf(e.cause);
        addEffect(origin, { kind: 'cancelled', at: e.at, title: names.inject(e.inject) });
        break;
      }
      default:
        break;
    }
  }

  const chainOf = (o: Origin | null): ChainStep[] => {
    if (o === null) return [];
    if (o.kind === 'duty') {
      return [...chainOf(o.after), { kind: 'duty', at: o.at, title: names.duty(o.expected), status: o.status }];
    }
    if (o.kind === 'inject') {
      return [...chainOf(o.after), { kind: 'inject', at: o.at, title: names.inject(o.inject), followUp: o.followUp, byTrainer: o.byTrainer }];
    }
    const d = decisions.get(o.seq)!;
    if (d.kind === 'share') return [{ kind: 'share', at: d.at, post: d.post!, who: d.who!, fact: names.fact(d.fact!), rooms: d.sharedWith.map(names.room) }];
    if (d.kind !== 'response' && d.kind !== 'timeout') {
      // A move of the rooms' own work; what nobody did in time reads like a timeout.
      if (d.post === null) return [{ kind: 'timeout', at: d.at, npc: d.situation, room: names.room(d.room), outcome: d.choice }];
      return [{ kind: 'choice', at: d.at, post: d.post, who: d.who!, npc: d.situation, choice: d.choice, quality: d.quality! }];
    }
    const npc = names.npc(d.archetype ?? '');
    if (d.kind === 'timeout') return [{ kind: 'timeout', at: d.at, npc, room: names.room(d.room), outcome: d.choice }];
    return [
      { kind: 'choice', at: d.at, post: d.post!, who: d.who!, npc, choice: d.choice, quality: d.quality! },
      { kind: 'reaction', at: d.at, npc, reply: d.reply, moodFrom: d.moodFrom, moodTo: d.moodTo },
    ];
  };
  const postOf = (o: Origin | null): string | null => {
    if (o === null) return null;
    if (o.kind === 'decision') {
      const d = decisions.get(o.seq)!;
      return d.post ?? names.postsOfRoom(d.room)[0] ?? null;
    }
    if (o.kind === 'duty' && o.after === null) return scenario.expected.find((x) => x.id === o.expected)?.post ?? null;
    return postOf(o.after);
  };

  const scoreChanges: ScoreChange[] = changes.map(({ event: e, origin }) => {
    const decision = rootOf(origin);
    if (decision !== null) {
      const d = decisions.get(decision)!;
      d.scoreChanges.push(e.seq);
      d.net[e.dim] = (d.net[e.dim] ?? 0) + e.delta;
    }
    return {
      seq: e.seq, at: e.at, dim: e.dim, delta: e.delta, value: e.value, reason: e.reason, post: postOf(origin), decision,
      chain: [...chainOf(origin), { kind: 'score', at: e.at, dim: e.dim, delta: e.delta, value: e.value, reason: e.reason }],
    };
  });
  const list = [...decisions.values()].sort((a, b) => a.seq - b.seq).map(({ npc: _n, archetype: _a, moodFrom: _f, moodTo: _t, fact: _x, sharedWith: _w, ...d }) => d);
  return { decisions: list, changes: scoreChanges, dutyDoneBy };
}

/** The options as shown, each with its quality, the chosen one marked: what the trainee saw, and how each was judged. */
function shownLine(shown: readonly { id: string; quality: Quality }[], chosen: string) {
  const items = shown.map((o, i) => say(o.id === chosen ? 'debrief.shown.chosen' : 'debrief.shown.item', { n: i + 1, quality: say(`quality.${o.quality}`) }));
  const sep = { 'zh-CN': ' · ', en: ' · ' };
  return say('debrief.shown.line', { items: { 'zh-CN': items.map((t) => t['zh-CN']).join(sep['zh-CN']), en: items.map((t) => t.en).join(sep.en) } });
}
