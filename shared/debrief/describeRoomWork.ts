import type { DrillEvent } from '../engine/events.js';
import { PLACE_LABELS } from '../engine/work/floor.js';
import type { Text } from '../i18n/text.js';
import type { Quality, Scenario } from '../scenario/schema.js';
import { formatClockTime } from '../scenario/clockTime.js';
import { same, say } from './strings.js';

type Of<T extends DrillEvent['type']> = Extract<DrillEvent, { type: T }>;
export type RoomWorkEvent = Of<'ticketLogged' | 'callbackKept' | 'callbackBroken' | 'escalated' | 'escalationAcknowledged' | 'escalationStale' | 'customerAssigned' | 'lineRead'>;
export type RoomWorkKind = 'ticket' | 'callback' | 'escalation' | 'assignment' | 'line';

export interface RoomWorkDecision {
  kind: RoomWorkKind;
  /** Absent for what nobody did in time (a call-back never made, an escalation left to go stale). */
  post: string | null;
  situation: Text;
  choice: Text;
  quality: Quality;
  note: Text;
}

const ROOM_WORK_EVENTS = new Set<DrillEvent['type']>(['ticketLogged', 'callbackKept', 'callbackBroken', 'escalated', 'escalationAcknowledged', 'escalationStale', 'customerAssigned', 'lineRead']);
export const isRoomWorkEvent = (e: DrillEvent): e is RoomWorkEvent => ROOM_WORK_EVENTS.has(e.type);

const sentences = (...texts: Text[]): Text => ({ 'zh-CN': texts.map((t) => t['zh-CN']).join(''), en: texts.map((t) => t.en).join(' ') });

/**
 * What the debrief says of a move of the hotline or the floor: the ticket as filed (category and
 * call-back against what the call needed), the call-back kept or broken, the escalation and its
 * answer, where a customer was sent, the line read to the queue. `ticketOf` finds a ticket's
 * logging in the same log (the call-backs and escalations refer to it).
 */
export function describeRoomWork(scenario: Scenario, e: RoomWorkEvent, ticketOf: (id: string) => Of<'ticketLogged'> | undefined, nameOf: (npc: string) => { archetype: string; name: Text }): RoomWorkDecision {
  const phone = scenario.phone;
  const callOf = (interaction: string) => phone!.calls.find((c) => c.interaction === interaction)!;
  const categoryOf = (id: string) => phone!.categories.find((c) => c.id === id)!;
  switch (e.type) {
    case 'ticketLogged': {
      const call = callOf(e.call);
      const promised = e.callback > 0;
      const quality: Quality = e.right ? (promised === e.needed ? 'best' : e.needed ? 'poor' : 'good') : promised === e.needed ? 'poor' : 'bad';
      const notes = [call.note];
      if (!e.right) notes.push(say('debrief.ticket.wrongCategory', { chosen: categoryOf(e.category).label, right: categoryOf(call.category).label }));
      if (e.needed && !promised) notes.push(say('debrief.ticket.noCallback'));
      if (!e.needed && promised) notes.push(say('debrief.ticket.needlessCallback'));
      return {
        kind: 'ticket',
        post: e.post,
        situation: say('debrief.ticket.situation', { reason: call.reason }),
        choice: promised ? say('debrief.ticket.choicePromised', { category: categoryOf(e.category).label, minutes: e.callback }) : say('debrief.ticket.choice', { category: categoryOf(e.category).label }),
        quality,
        note: quality === 'best' ? sentences(call.note, phone!.procedure) : sentences(...notes),
      };
    }
    case 'callbackKept':
    case 'callbackBroken': {
      const ticket = ticketOf(e.ticket);
      const reason = ticket ? callOf(ticket.call).reason : same(e.ticket);
      const due = ticket?.due !== undefined ? same(formatClockTime(ticket.due)) : same('');
      const broken = e.type === 'callbackBroken';
      return {
        kind: 'callback',
        post: broken ? null : e.post,
        situation: say('debrief.callback.situation', { reason, due }),
        choice: say(broken ? 'debrief.callback.broken' : e.late ? 'debrief.callback.late' : 'debrief.callback.kept'),
        quality: broken ? 'bad' : e.late ? 'good' : 'best',
        note: broken ? sentences(say('debrief.callback.brokenNote'), phone!.procedure) : phone!.procedure,
      };
    }
    case 'escalated': {
      const ticket = ticketOf(e.ticket);
      const reason = ticket ? callOf(ticket.call).reason : same(e.ticket);
      const right = ticket ? categoryOf(callOf(ticket.call).category) : categoryOf(e.category);
      return {
        kind: 'escalation',
        post: e.post,
        situation: say('debrief.escalation.situation', { reason }),
        choice: say('debrief.escalation.choice'),
        quality: e.needed ? 'best' : 'poor',
        note: e.needed ? right.note : sentences(say('debrief.escalation.needless'), right.note),
      };
    }
    case 'escalationAcknowledged':
    case 'escalationStale': {
      const ticket = ticketOf(e.ticket);
      const reason = ticket ? callOf(ticket.call).reason : same(e.ticket);
      const stale = e.type === 'escalationStale';
      return {
        kind: 'escalation',
        post: stale ? null : e.post,
        situation: say('debrief.inbox.situation', { reason }),
        choice: say(stale ? 'debrief.inbox.stale' : e.stale ? 'debrief.inbox.late' : 'debrief.inbox.inTime'),
        quality: stale ? 'bad' : e.stale ? 'poor' : 'best',
        note: say('debrief.inbox.note'),
      };
    }
    case 'customerAssigned': {
      const floor = scenario.floor!;
      const { archetype, name } = nameOf(e.npc);
      const service = floor.customers.find((c) => c.archetype === archetype)?.places[e.place];
      return {
        kind: 'assignment',
        post: e.post,
        situation: say('debrief.assignment.situation', { npc: name, number: e.number }),
        choice: say('debrief.assignment.choice', { place: PLACE_LABELS[e.place] }),
        quality: e.quality,
        note: service ? service.note : sentences(say('debrief.assignment.unlisted'), floor.procedure),
      };
    }
    case 'lineRead': {
      const statement = scenario.statements.find((s) => s.id === e.statement)!;
      return {
        kind: 'line',
        post: e.post,
        situation: say('debrief.line.situation', { title: statement.title }),
        choice: say('debrief.line.choice'),
        quality: 'best',
        note: scenario.floor!.line.note,
      };
    }
  }
}
