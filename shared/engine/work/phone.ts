import type { IntentOf } from '../../protocol/intents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { Text } from '../../i18n/text.js';
import type { PhoneCall, PhoneCategory } from '../../scenario/schema.js';
import { MINUTE } from '../../scenario/clockTime.js';
import { holds } from '../conditions.js';
import type { Cause, DrillState, NpcState } from '../drillState.js';
import { changeScore } from '../effects.js';
import { closeNpc } from '../injects.js';
import { expiryOf, settleMood } from '../mood.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { emit, type Transition } from '../transition.js';
import { addTimer, cancelTimers } from './timers.js';
import type { PhoneState, Ticket } from './workState.js';

/** What the hotline's work earns or costs. Coordination for the right ticket and escalation, trust for call-backs. */
export const PHONE_POINTS = {
  categoryRight: 1,
  categoryWrong: -2,
  /** A caller who needed a call-back got no promise of one. */
  callbackMissing: -3,
  /** A call-back promised where the FAQ already answers, or none was needed: a promise the line must now keep for nothing. */
  callbackNeedless: -1,
  kept: 2,
  late: 1,
  broken: -4,
  escalationRight: 1,
  escalationNeedless: -2,
  acknowledgedInTime: 1,
  acknowledgedStale: -2,
  /** A vulnerable caller who gave up in the queue, beyond the scenario's own timeout. */
  abandonedVulnerable: -3,
  /** Reputation per point of influence above 1 of a caller who gave up in the queue. */
  abandonedInfluence: -2,
} as const;

/** Minutes after a call-back's due time until it counts as broken (called later than that: never kept). */
export const CALLBACK_GRACE = 30 * MINUTE;
/** Minutes the incident room has to take an escalation on. */
export const ESCALATION_WINDOW = 10 * MINUTE;
/** A caller just picked up stays on the line at least this long, whatever they waited. */
export const PICKUP_GRACE = 5 * MINUTE;
/**
 * How long a caller listens to the queue's recorded message before it can answer them: once the
 * FAQ covers their question, a caller still waiting after this hangs up answered, and the line is
 * free for the calls the FAQ cannot answer. Until then, and for every other caller, the agents
 * must answer.
 */
export const FAQ_MESSAGE_HOLD = 8 * MINUTE;

type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });
const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const callOf = (index: ScenarioIndex, interaction: string): PhoneCall | undefined => index.phoneCalls.get(interaction);
export const categoryOf = (index: ScenarioIndex, id: string): PhoneCategory | undefined => index.scenario.phone?.categories.find((c) => c.id === id);

/** Whether the published FAQ (or whatever the scenario names) answers callers of this category now. */
export function faqCovers(index: ScenarioIndex, state: DrillState, category: PhoneCategory | undefined): boolean {
  return category?.faq !== undefined && holds({ index, state }, category.faq, {});
}

/** Whether the caller of `call` needs a call-back if the ticket is logged now. */
export function needsCallback(index: ScenarioIndex, state: DrillState, call: PhoneCall): boolean {
  return call.callback && !faqCovers(index, state, categoryOf(index, call.category));
}

/** Who holds a caller: 'queue' while it waits to be picked up, the post talking to it, or undefined (not a queued call). */
export function callHolder(phone: PhoneState | undefined, npc: string): string | undefined {
  if (!phone) return undefined;
  if (phone.queue.some((q) => q.npc === npc)) return 'queue';
  for (const [post, line] of Object.entries(phone.lines)) if (line.npc === npc && line.phase === 'talking') return post;
  return undefined;
}

/** A caller arrives: if the scenario's queue takes its call, it waits there until picked up. */
export function queueCall(tx: Transition, npc: NpcState): void {
  const { index, state } = tx;
  const phone = state.work?.phone;
  if (!phone || npc.room !== index.scenario.phone!.room || !callOf(index, npc.interaction)) return;
  phone.queue.push({ npc: npc.id, call: npc.interaction, since: state.clock });
  // A queue whose scenario publishes no FAQ has no message to play.
  if (index.scenario.phone!.categories.some((c) => c.faq)) addTimer(tx, 'faqMessage', state.clock + FAQ_MESSAGE_HOLD, npc.id);
  emit(tx, { type: 'callQueued', room: npc.room, npc: npc.id, call: npc.interaction });
}

/**
 * The queue's message has played to a caller for a while: if the published FAQ now answers their
 * call, they hang up answered; otherwise they keep waiting and hear it again later, in case the
 * FAQ comes out meanwhile. A caller picked up or gone since is no longer in the queue.
 */
export function playFaqMessage(tx: Transition, npcId: string): void {
  const { index, state } = tx;
  const phone = state.work!.phone!;
  const at = phone.queue.findIndex((q) => q.npc === npcId);
  if (at === -1) return;
  const { call } = phone.queue[at]!;
  const category = categoryOf(index, callOf(index, call)!.category);
  if (!faqCovers(index, state, category)) {
    addTimer(tx, 'faqMessage', state.clock + FAQ_MESSAGE_HOLD, npcId);
    return;
  }
  phone.queue.splice(at, 1);
  phone.answeredByFaq++;
  emit(tx, { type: 'callAnsweredByFaq', room: index.scenario.phone!.room, npc: npcId, call, category: category!.id });
  closeNpc(tx, state.npcs.find((n) => n.id === npcId)!, true);
}

/** A caller is gone: one still in the queue gave up (vulnerable and influential callers cost more); one on a line leaves its wrap-up. */
export function callClosed(tx: Transition, npc: NpcState): void {
  const { index, state } = tx;
  const phone = state.work?.phone;
  if (!phone) return;
  const queued = phone.queue.findIndex((q) => q.npc === npc.id);
  if (queued !== -1) {
    const { call } = phone.queue[queued]!;
    phone.queue.splice(queued, 1);
    const traits = index.archetypes.get(npc.archetype)!.traits;
    emit(tx, { type: 'callAbandoned', room: npc.room, npc: npc.id, call, vulnerable: traits.vulnerable === true, influence: traits.influence });
    const cause: Cause = { kind: 'timeout', npc: npc.id, archetype: npc.archetype, interaction: call };
    const reason = callAbandoned(callOf(index, call)!.reason);
    if (traits.vulnerable) changeScore(tx, 'trust', PHONE_POINTS.abandonedVulnerable, reason, cause);
    if (traits.influence > 1) changeScore(tx, 'reputation', PHONE_POINTS.abandonedInfluence * (traits.influence - 1), reason, cause);
    return;
  }
  for (const [post, line] of Object.entries(phone.lines)) {
    if (line.npc !== npc.id || line.phase !== 'talking') continue;
    line.phase = 'wrapUp';
    emit(tx, { type: 'callEnded', room: npc.room, post, npc: npc.id, call: line.call });
  }
}

const callAbandoned = (reason: Text) => text(`来电者在排队中挂断：${reason['zh-CN']}`, `A caller gave up in the queue: ${reason.en}`);

/** The phone state and the post's room, if the post answers the queue; otherwise why not. */
function desk(tx: Transition, post: string): { phone: PhoneState; room: string } | Refusal {
  const phone = tx.state.work?.phone;
  if (!phone) return refuse('not-available', `scenario ${tx.index.scenario.id} has no call queue`);
  const room = tx.index.postRoom.get(post)!;
  if (room !== tx.index.scenario.phone!.room) return refuse('not-your-desk', `post "${post}" does not answer the call queue`);
  return { phone, room };
}

export function pickUp(tx: Transition, post: string, intent: IntentOf<'pickUp'>): Refusal | undefined {
  const found = desk(tx, post);
  if ('ok' in found) return found;
  const { phone, room } = found;
  const line = phone.lines[post];
  if (line?.phase === 'talking') return refuse('call-in-hand', 'finish the call in hand first');
  if (line?.phase === 'wrapUp') return refuse('wrap-up-pending', 'log the ticket of the last call first');
  const at = phone.queue.findIndex((q) => q.npc === intent.npc);
  if (at === -1) return refuse('not-in-queue', `no call from "${intent.npc}" is waiting in the queue`);
  const { state, index } = tx;
  const queued = phone.queue.splice(at, 1)[0]!;
  const npc = state.npcs.find((n) => n.id === queued.npc)!;
  phone.lines[post] = { npc: npc.id, call: queued.call, archetype: npc.archetype, since: state.clock, phase: 'talking' };
  // The caller on the line gives the post a moment, however long they queued.
  settleMood(tx, npc);
  npc.patienceUntil = Math.max(npc.patienceUntil, state.clock + PICKUP_GRACE);
  npc.expiresAt = expiryOf(npc, index.archetypes.get(npc.archetype)!);
  emit(tx, { type: 'callPickedUp', room, post, npc: npc.id, call: queued.call, waited: state.clock - queued.since, expiresAt: npc.expiresAt });
  return undefined;
}

export function logTicket(tx: Transition, post: string, intent: IntentOf<'logTicket'>): Refusal | undefined {
  const found = desk(tx, post);
  if ('ok' in found) return found;
  const { phone, room } = found;
  const line = phone.lines[post];
  if (line?.phase !== 'wrapUp') return refuse('nothing-to-log', 'no call is waiting for its ticket');
  const { index, state } = tx;
  const category = categoryOf(index, intent.category);
  if (!category) return refuse('unknown-category', `no ticket category "${intent.category}"`);
  const call = callOf(index, line.call)!;
  delete phone.lines[post];
  const ticket: Ticket = { id: `t${phone.tickets.length + 1}`, post, npc: line.npc, archetype: line.archetype, call: line.call, category: category.id, callback: intent.callback, at: state.clock, status: 'logged' };
  const needed = needsCallback(index, state, call);
  if (intent.callback > 0) {
    ticket.due = state.clock + intent.callback * MINUTE;
    ticket.status = 'promised';
    addTimer(tx, 'callbackDue', ticket.due, ticket.id);
    addTimer(tx, 'callbackBroken', ticket.due + CALLBACK_GRACE, ticket.id);
  }
  phone.tickets.push(ticket);
  const right = category.id === call.category;
  emit(tx, { type: 'ticketLogged', room, post, ticket: ticket.id, npc: line.npc, call: line.call, category: category.id, right, callback: intent.callback, needed, ...(ticket.due !== undefined && { due: ticket.due }) });
  const cause: Cause = { kind: 'response', work: 'ticket', post, npc: line.npc, archetype: line.archetype, interaction: line.call, ticket: ticket.id };
  const reason = call.reason;
  if (right) changeScore(tx, 'coordination', PHONE_POINTS.categoryRight, text(`工单分类正确：${reason['zh-CN']}`, `Ticket filed under the right category: ${reason.en}`), cause);
  else changeScore(tx, 'coordination', PHONE_POINTS.categoryWrong, text(`工单分类错误：${reason['zh-CN']}`, `Ticket filed under the wrong category: ${reason.en}`), cause);
  if (needed && intent.callback === 0) changeScore(tx, 'trust', PHONE_POINTS.callbackMissing, text(`需要回访的来电没有得到回访承诺：${reason['zh-CN']}`, `A caller who needed a call-back was promised none: ${reason.en}`), cause);
  if (!needed && intent.callback > 0) changeScore(tx, 'timeliness', PHONE_POINTS.callbackNeedless, text(`问答口径已能解答，却承诺了回访：${reason['zh-CN']}`, `A call-back promised where none was needed: ${reason.en}`), cause);
  return undefined;
}

/** A ticket of the hotline, if `post` may work on it. */
function ticketFor(phone: PhoneState, id: string): Ticket | Refusal {
  return phone.tickets.find((t) => t.id === id) ?? refuse('unknown-ticket', `no ticket "${id}"`);
}

export function callBack(tx: Transition, post: string, intent: IntentOf<'callBack'>): Refusal | undefined {
  const found = desk(tx, post);
  if ('ok' in found) return found;
  const ticket = ticketFor(found.phone, intent.ticket);
  if ('ok' in ticket) return ticket;
  if (ticket.status !== 'promised' && ticket.status !== 'due') return refuse('no-callback-due', `ticket "${ticket.id}" has no call-back to keep`);
  const line = found.phone.lines[post];
  if (line) return refuse(line.phase === 'talking' ? 'call-in-hand' : 'wrap-up-pending', 'a call-back is a call: finish the one in hand first');
  const { state } = tx;
  const late = state.clock > ticket.due!;
  ticket.status = late ? 'late' : 'kept';
  ticket.calledAt = state.clock;
  cancelTimers(tx, 'callbackDue', ticket.id);
  cancelTimers(tx, 'callbackBroken', ticket.id);
  emit(tx, { type: 'callbackKept', room: found.room, post, ticket: ticket.id, npc: ticket.npc, late });
  const cause: Cause = { kind: 'response', work: 'callback', post, npc: ticket.npc, archetype: ticket.archetype, interaction: ticket.call, ticket: ticket.id };
  const reason = callOf(tx.index, ticket.call)!.reason;
  if (late) changeScore(tx, 'trust', PHONE_POINTS.late, text(`回访晚于承诺时间：${reason['zh-CN']}`, `A call-back kept, but later than promised: ${reason.en}`), cause);
  else changeScore(tx, 'trust', PHONE_POINTS.kept, text(`按承诺时间完成回访：${reason['zh-CN']}`, `A call-back kept on time: ${reason.en}`), cause);
  return undefined;
}

export function escalate(tx: Transition, post: string, intent: IntentOf<'escalate'>): Refusal | undefined {
  const found = desk(tx, post);
  if ('ok' in found) return found;
  const ticket = ticketFor(found.phone, intent.ticket);
  if ('ok' in ticket) return ticket;
  if (ticket.escalation) return refuse('already-escalated', `ticket "${ticket.id}" is already with the incident room`);
  const { index, state } = tx;
  const phone = found.phone;
  const escalation = { id: `e${phone.escalations.length + 1}`, ticket: ticket.id, at: state.clock, status: 'waiting' as const };
  phone.escalations.push(escalation);
  ticket.escalation = escalation.id;
  addTimer(tx, 'escalationStale', state.clock + ESCALATION_WINDOW, escalation.id);
  const call = callOf(index, ticket.call)!;
  const needed = categoryOf(index, call.category)!.escalate;
  const inbox = index.scenario.phone!.inbox;
  emit(tx, { type: 'escalated', room: index.postRoom.get(inbox)!, post, ticket: ticket.id, escalation: escalation.id, category: ticket.category, needed });
  const cause: Cause = { kind: 'response', work: 'escalation', post, npc: ticket.npc, archetype: ticket.archetype, interaction: ticket.call, ticket: ticket.id, escalation: escalation.id };
  if (needed) changeScore(tx, 'coordination', PHONE_POINTS.escalationRight, text(`按流程向指挥部升级：${call.reason['zh-CN']}`, `Escalated to command as the procedure asks: ${call.reason.en}`), cause);
  else changeScore(tx, 'coordination', PHONE_POINTS.escalationNeedless, text(`把无需升级的来电推给了指挥部：${call.reason['zh-CN']}`, `Sent command a call it did not need: ${call.reason.en}`), cause);
  return undefined;
}

export function acknowledge(tx: Transition, post: string, intent: IntentOf<'acknowledge'>): Refusal | undefined {
  const { index, state } = tx;
  const phone = state.work?.phone;
  if (!phone) return refuse('not-available', `scenario ${index.scenario.id} has no call queue`);
  if (index.scenario.phone!.inbox !== post) return refuse('not-your-desk', `post "${post}" does not read the hotline's escalations`);
  const escalation = phone.escalations.find((e) => e.id === intent.escalation);
  if (!escalation) return refuse('unknown-escalation', `no escalation "${intent.escalation}"`);
  if (escalation.status === 'acknowledged') return refuse('already-acknowledged', `escalation "${escalation.id}" is already acknowledged`);
  const stale = escalation.status === 'stale';
  escalation.status = 'acknowledged';
  escalation.acknowledgedAt = state.clock;
  cancelTimers(tx, 'escalationStale', escalation.id);
  const ticket = phone.tickets.find((t) => t.id === escalation.ticket)!;
  emit(tx, { type: 'escalationAcknowledged', room: index.scenario.phone!.room, post, escalation: escalation.id, ticket: ticket.id, stale });
  if (!stale) {
    const reason = callOf(index, ticket.call)!.reason;
    const cause: Cause = { kind: 'response', work: 'escalation', post, npc: ticket.npc, archetype: ticket.archetype, interaction: ticket.call, ticket: ticket.id, escalation: escalation.id };
    changeScore(tx, 'coordination', PHONE_POINTS.acknowledgedInTime, text(`指挥部及时接手热线升级：${reason['zh-CN']}`, `Command took the hotline's escalation on in time: ${reason.en}`), cause);
  }
  return undefined;
}

/** A timer of the hotline's work has come: a call-back falls due or breaks, an escalation goes stale. */
export function runPhoneTimer(tx: Transition, kind: 'callbackDue' | 'callbackBroken' | 'escalationStale', ref: string): void {
  const { index, state } = tx;
  const phone = state.work!.phone!;
  const room = index.scenario.phone!.room;
  if (kind === 'escalationStale') {
    const escalation = phone.escalations.find((e) => e.id === ref)!;
    if (escalation.status !== 'waiting') return;
    escalation.status = 'stale';
    const ticket = phone.tickets.find((t) => t.id === escalation.ticket)!;
    emit(tx, { type: 'escalationStale', room: index.postRoom.get(index.scenario.phone!.inbox)!, escalation: ref, ticket: ticket.id });
    const reason = callOf(index, ticket.call)!.reason;
    const cause: Cause = { kind: 'timeout', work: 'escalation', post: index.scenario.phone!.inbox, npc: ticket.npc, archetype: ticket.archetype, interaction: ticket.call, ticket: ticket.id, escalation: ref };
    changeScore(tx, 'coordination', PHONE_POINTS.acknowledgedStale, text(`热线的升级十分钟无人接手：${reason['zh-CN']}`, `The hotline's escalation sat ten minutes unanswered: ${reason.en}`), cause);
    return;
  }
  const ticket = phone.tickets.find((t) => t.id === ref)!;
  if (kind === 'callbackDue') {
    if (ticket.status !== 'promised') return;
    ticket.status = 'due';
    emit(tx, { type: 'callbackDue', room, ticket: ticket.id, npc: ticket.npc });
    return;
  }
  if (ticket.status !== 'promised' && ticket.status !== 'due') return;
  ticket.status = 'broken';
  emit(tx, { type: 'callbackBroken', room, ticket: ticket.id, npc: ticket.npc });
  const reason = callOf(index, ticket.call)!.reason;
  const cause: Cause = { kind: 'timeout', work: 'callback', post: ticket.post, npc: ticket.npc, archetype: ticket.archetype, interaction: ticket.call, ticket: ticket.id };
  changeScore(tx, 'trust', PHONE_POINTS.broken, text(`承诺的回访没有兑现：${reason['zh-CN']}`, `A promised call-back was never made: ${reason.en}`), cause);
}
