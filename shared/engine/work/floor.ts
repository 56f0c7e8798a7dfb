import type { IntentOf } from '../../protocol/intents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { Text } from '../../i18n/text.js';
import type { Place, Quality, Service } from '../../scenario/schema.js';
import { MINUTE } from '../../scenario/clockTime.js';
import type { Cause, NpcState } from '../drillState.js';
import { applyEffects, changeScore } from '../effects.js';
import { filmsTheRoom } from '../filming.js';
import { closeNpc, fireInject } from '../injects.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { emit, type Transition } from '../transition.js';
import { sayClaims } from './claims.js';
import { addTimer } from './timers.js';
import type { FloorState } from './workState.js';

/** Trust a floor assignment earns or costs by how well the place serves the customer. */
export const FLOOR_POINTS = { best: 2, good: 1, poor: -2, bad: -5 } as const satisfies Record<Quality, number>;
/** Filming customers weigh this much on the crowd meter. */
export const FILMING_WEIGHT = 2;

const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });

export const PLACE_LABELS: Record<Place, Text> = {
  counter: text('柜台', 'Counter'),
  'private-room': text('贵宾室（单独接待）', 'Private room'),
  security: text('安保', 'Security'),
};

/** A place the floor data does not list for an archetype serves it poorly, quickly. */
const UNLISTED: Service = { quality: 'poor', minutes: 5, effects: [], note: text('这里不适合接待这位客户。', 'This place is not suited to this customer.') };

/** How `place` serves a customer of `archetype`. */
export function serviceAt(index: ScenarioIndex, archetype: string, place: Place): Service {
  return index.floorCustomers.get(archetype)?.places[place] ?? UNLISTED;
}

/** Customers of the floor's archetypes take a ticket number as they walk in. */
export function floorArrive(tx: Transition, npc: NpcState): void {
  const { index, state } = tx;
  const floor = state.work?.floor;
  if (!floor || npc.room !== index.scenario.floor!.room || !index.floorCustomers.has(npc.archetype)) return;
  const number = floor.next++;
  floor.queue.push({ number, npc: npc.id, archetype: npc.archetype, since: state.clock });
  emit(tx, { type: 'floorTicket', room: npc.room, npc: npc.id, number });
  checkMeter(tx, floor);
}

/** A customer left (answered at the card, or gave up): their ticket leaves the queue. */
export function floorClosed(tx: Transition, npc: NpcState): void {
  const floor = tx.state.work?.floor;
  if (!floor) return;
  const at = floor.queue.findIndex((t) => t.npc === npc.id);
  if (at !== -1) floor.queue.splice(at, 1);
}

/** Waiting customers, plus those filming counted again. */
export function meterOf(index: ScenarioIndex, floor: FloorState): number {
  let value = 0;
  for (const t of floor.queue) value += filmsTheRoom({ archetype: t.archetype, kind: index.archetypes.get(t.archetype)!.kind }) ? FILMING_WEIGHT : 1;
  return value;
}

function checkMeter(tx: Transition, floor: FloorState): void {
  const { index, state } = tx;
  const meter = index.scenario.floor!.meter;
  if (floor.meterAt !== undefined) return;
  const value = meterOf(index, floor);
  if (value < meter.threshold) return;
  floor.meterAt = state.clock;
  emit(tx, { type: 'crowdMeter', room: index.scenario.floor!.room, value, threshold: meter.threshold, inject: meter.inject });
  fireInject(tx, index.injects.get(meter.inject)!);
}

function floorOf(tx: Transition, post: string): { floor: FloorState; room: string } | Refusal {
  const floor = tx.state.work?.floor;
  if (!floor) return refuse('not-available', `scenario ${tx.index.scenario.id} has no branch floor`);
  const room = tx.index.postRoom.get(post)!;
  if (room !== tx.index.scenario.floor!.room) return refuse('not-your-desk', `post "${post}" does not run the floor`);
  return { floor, room };
}

export function assign(tx: Transition, post: string, intent: IntentOf<'assign'>): Refusal | undefined {
  const found = floorOf(tx, post);
  if ('ok' in found) return found;
  const { floor, room } = found;
  const at = floor.queue.findIndex((t) => t.number === intent.ticket);
  if (at === -1) return refuse('not-waiting-on-floor', `nobody with ticket ${intent.ticket} is waiting`);
  const busy = floor.serving.filter((s) => s.place === intent.place).length;
  if (busy >= floor.capacity[intent.place]) return refuse('place-full', `no free place at ${intent.place}`);
  const { index, state } = tx;
  const waiting = floor.queue.splice(at, 1)[0]!;
  const npc = state.npcs.find((n) => n.id === waiting.npc)!;
  const service = serviceAt(index, waiting.archetype, intent.place);
  const until = state.clock + service.minutes * MINUTE;
  floor.serving.push({ number: waiting.number, npc: waiting.npc, archetype: waiting.archetype, place: intent.place, since: state.clock, until });
  addTimer(tx, 'serviceDone', until, String(waiting.number));
  emit(tx, { type: 'customerAssigned', room, post, npc: npc.id, number: waiting.number, place: intent.place, quality: service.quality, until });
  const cause: Cause = { kind: 'response', work: 'assignment', post, npc: npc.id, archetype: npc.archetype, interaction: npc.interaction, place: intent.place };
  const name = index.archetypes.get(npc.archetype)!.name;
  changeScore(tx, 'trust', FLOOR_POINTS[service.quality], text(`把${name['zh-CN']}安排到${PLACE_LABELS[intent.place]['zh-CN']}`, `Sent the ${name.en.toLowerCase()} to: ${PLACE_LABELS[intent.place].en.toLowerCase()}`), cause);
  applyEffects(tx, service.effects, { room, npc, cause });
  if (state.npcs.includes(npc)) closeNpc(tx, npc, service.quality === 'best' || service.quality === 'good');
  return undefined;
}

export function readLine(tx: Transition, post: string, intent: IntentOf<'readLine'>): Refusal | undefined {
  const found = floorOf(tx, post);
  if ('ok' in found) return found;
  const { floor, room } = found;
  const { index, state } = tx;
  const progress = state.work!.statements[intent.statement];
  if (!progress) return refuse('unknown-statement', `no statement "${intent.statement}"`);
  if (progress.publishedAt === undefined) return refuse('statement-not-published', `"${intent.statement}" is not published yet`);
  if (floor.read.includes(intent.statement)) return refuse('line-already-read', `"${intent.statement}" was already read to the queue`);
  floor.read.push(intent.statement);
  const line = index.scenario.floor!.line;
  emit(tx, { type: 'lineRead', room, post, statement: intent.statement });
  const cause: Cause = { kind: 'response', work: 'line', post, statement: intent.statement };
  const title = index.statements.get(intent.statement)!.title;
  applyEffects(tx, [{ type: 'crowd', room, delta: line.crowd }], { room, cause });
  changeScore(tx, 'continuity', line.continuity, text(`向排队客户宣读正式口径：${title['zh-CN']}`, `Read the official line to the queue: ${title.en}`), cause);
  sayClaims(tx, room, progress.published!.claims, 'line', cause);
  return undefined;
}

/** A place is free again: the customer's service there is over. */
export function serviceDone(tx: Transition, ref: string): void {
  const floor = tx.state.work!.floor!;
  const at = floor.serving.findIndex((s) => String(s.number) === ref);
  if (at === -1) return;
  const done = floor.serving.splice(at, 1)[0]!;
  emit(tx, { type: 'placeFreed', room: tx.index.scenario.floor!.room, number: done.number, place: done.place });
}

/** Ops opens or closes places on the floor (another counter, a guard). */
export function changeCapacity(tx: Transition, place: Place, delta: number, cause: Cause): void {
  const floor = tx.state.work?.floor;
  if (!floor) return;
  const capacity = Math.max(0, floor.capacity[place] + delta);
  if (capacity === floor.capacity[place]) return;
  floor.capacity[place] = capacity;
  emit(tx, { type: 'floorCapacity', room: tx.index.scenario.floor!.room, place, capacity, cause });
}
