import type { EscalationView, FloorPanel, PhonePanel } from '../../protocol/workPanel.js';
import { CALLBACK_MINUTES } from '../../scenario/work/phone.js';
import { PLACES } from '../../scenario/parts.js';
import type { DrillState } from '../drillState.js';
import { filmsTheRoom } from '../filming.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { seededShuffle } from '../shownOrder.js';
import { PLACE_LABELS, meterOf } from './floor.js';
import { callOf, categoryOf, faqCovers } from './phone.js';

/** The hotline's part of a panel, for a post in the phone room; undefined for any other post. */
export function phoneViewFor(index: ScenarioIndex, state: DrillState, post: string): PhonePanel | undefined {
  const phone = state.work?.phone;
  const config = index.scenario.phone;
  if (!phone || !config || index.postRoom.get(post) !== config.room) return undefined;
  const queue = phone.queue.map((q) => {
    const npc = state.npcs.find((n) => n.id === q.npc)!;
    return { npc: q.npc, archetype: npc.archetype, call: q.call, name: index.archetypes.get(npc.archetype)!.name, reason: callOf(index, q.call)!.reason, since: q.since, expiresAt: npc.expiresAt };
  });
  const line = phone.lines[post];
  return {
    queue,
    ...(line && { line: { npc: line.npc, archetype: line.archetype, call: line.call, name: index.archetypes.get(line.archetype)!.name, reason: callOf(index, line.call)!.reason, since: line.since, phase: line.phase } }),
    categories: seededShuffle(state.seed, `phone:categories`, config.categories.map((c) => ({ id: c.id, label: c.label, faq: faqCovers(index, state, c) }))),
    callbacks: [...CALLBACK_MINUTES],
    tickets: phone.tickets.map((t) => ({
      id: t.id,
      reason: callOf(index, t.call)!.reason,
      category: t.category,
      label: categoryOf(index, t.category)!.label,
      callback: t.callback as PhonePanel['callbacks'][number],
      ...(t.due !== undefined && { due: t.due }),
      status: t.status,
      ...(t.escalation && { escalation: t.escalation }),
    })),
    answeredByFaq: phone.answeredByFaq,
  };
}

/** The escalations sent to this post, if it is the hotline's inbox. */
export function inboxViewFor(index: ScenarioIndex, state: DrillState, post: string): EscalationView[] | undefined {
  const phone = state.work?.phone;
  if (!phone || index.scenario.phone?.inbox !== post) return undefined;
  return phone.escalations.map((e) => {
    const ticket = phone.tickets.find((t) => t.id === e.ticket)!;
    return { id: e.id, ticket: e.ticket, reason: callOf(index, ticket.call)!.reason, label: categoryOf(index, ticket.category)!.label, since: e.at, status: e.status };
  });
}

/** The floor's part of a panel, for a post in the floor's room. */
export function floorViewFor(index: ScenarioIndex, state: DrillState, post: string): FloorPanel | undefined {
  const floor = state.work?.floor;
  const config = index.scenario.floor;
  if (!floor || !config || index.postRoom.get(post) !== config.room) return undefined;
  const archetype = (id: string) => index.archetypes.get(id)!;
  return {
    queue: floor.queue.map((t) => ({
      number: t.number,
      npc: t.npc,
      archetype: t.archetype,
      name: archetype(t.archetype).name,
      since: t.since,
      disruptive: index.floorCustomers.get(t.archetype)!.disruptive,
      filming: filmsTheRoom({ archetype: t.archetype, kind: archetype(t.archetype).kind }),
    })),
    places: PLACES.map((place) => ({
      place,
      label: PLACE_LABELS[place],
      capacity: floor.capacity[place],
      serving: floor.serving.filter((s) => s.place === place).map((s) => ({ number: s.number, name: archetype(s.archetype).name, until: s.until })),
    })),
    meter: { value: meterOf(index, floor), threshold: config.meter.threshold, posted: floor.meterAt !== undefined },
    lines: index.scenario.statements
      .filter((s) => state.work!.statements[s.id]!.publishedAt !== undefined)
      .map((s) => ({ statement: s.id, title: s.title, read: floor.read.includes(s.id) })),
  };
}
