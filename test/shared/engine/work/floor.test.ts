import { describe, expect, it } from 'vitest';
import { advanceTo } from '../../../../shared/engine/advanceTo.js';
import { applyControl } from '../../../../shared/engine/applyControl.js';
import { createDrill } from '../../../../shared/engine/createDrill.js';
import type { DrillState } from '../../../../shared/engine/drillState.js';
import type { Intent } from '../../../../shared/protocol/intents.js';
import type { RejectionCode } from '../../../../shared/protocol/rejections.js';
import { intentSteps } from '../../../helpers/intentSteps.js';
import { indexScenario } from '../../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../../shared/engine/viewFor.js';
import { FLOOR_POINTS } from '../../../../shared/engine/work/floor.js';
import { WorkPanelSchema } from '../../../../shared/protocol/workPanel.js';
import { at, humanRoster } from '../../../helpers/fixtures.js';
import { roomWorkScenario } from '../../../helpers/roomWorkFixture.js';

const scenario = roomWorkScenario();
const index = indexScenario(scenario);

function drill(to = at('09:13'), s = scenario): DrillState {
  const state = createDrill(s, { seed: 3, roster: humanRoster(s) }).state;
  advanceTo(indexScenario(s), state, to);
  return state;
}
const { act, must, refused } = intentSteps(index);
const publish = (state: DrillState) => must(state, 'pr', { type: 'publish', statement: 'holding', draft: { lines: { acknowledge: 'ack-plain' }, claims: ['funds-safe'], tone: 'plain' } });

describe('the branch floor', () => {
  it('gives walk-ins ticket numbers and shows the queue, the places and the meter', () => {
    const state = drill();
    expect(state.work!.floor!.queue.map((t) => t.number)).toEqual([1, 2]);
    const floor = roomView(index, state, 'manager').work!.floor!;
    expect(floor.queue.map((q) => q.number)).toEqual([1, 2]);
    expect(floor.places.map((p) => [p.place, p.capacity])).toEqual([['counter', 1], ['private-room', 1], ['security', 1]]);
    expect(floor.meter).toEqual({ value: 2, threshold: 4, posted: false });
    expect(WorkPanelSchema.parse(roomView(index, state, 'manager').work)).toBeTruthy();
    expect(roomView(index, state, 'agent').work!.floor).toBeUndefined();
  });

  it('serves a customer at a place: scored by how well it serves them, busy for the service minutes', () => {
    const state = drill();
    const before = state.scores.trust;
    const events = must(state, 'manager', { type: 'assign', ticket: 1, place: 'counter' });
    expect(events.find((e) => e.type === 'customerAssigned')).toMatchObject({ number: 1, place: 'counter', quality: 'best', until: state.clock + 5 * 60 });
    expect(events.find((e) => e.type === 'npcLeft')).toMatchObject({ satisfied: true });
    expect(state.scores.trust - before).toBe(FLOOR_POINTS.best);
    expect(act(state, 'manager', { type: 'assign', ticket: 2, place: 'counter' })).toMatchObject({ ok: false, rejection: { code: 'place-full' } });
    const later = advanceTo(index, state, state.clock + 5 * 60);
    expect(later.find((e) => e.type === 'placeFreed')).toMatchObject({ number: 1, place: 'counter' });
    must(state, 'manager', { type: 'assign', ticket: 2, place: 'counter' });
  });

  it('serves poorly at a place the floor data does not list, badly where it says so', () => {
    const state = drill();
    const before = state.scores.trust;
    const events = must(state, 'manager', { type: 'assign', ticket: 1, place: 'private-room' });
    expect(events.find((e) => e.type === 'customerAssigned')).toMatchObject({ quality: 'poor' });
    must(state, 'manager', { type: 'assign', ticket: 2, place: 'security' });
    expect(state.scores.trust - before).toBe(FLOOR_POINTS.poor + FLOOR_POINTS.bad);
  });

  it('posts to the newsroom once when the crowd meter passes its threshold, filming counted twice', () => {
    const state = drill(at('09:19'));
    const events = advanceTo(index, state, at('09:21'));
    expect(events.find((e) => e.type === 'crowdMeter')).toMatchObject({ value: 4, threshold: 4, inject: 'crowd-seen' });
    expect(state.fired['crowd-seen']).toBe(1);
    expect(roomView(index, state, 'manager').work!.floor!.meter.posted).toBe(true);
  });

  it('reads a published line to the queue once: the crowd calms, continuity rises, its claims are said from the lobby', () => {
    const state = drill();
    expect(act(state, 'manager', { type: 'readLine', statement: 'holding' })).toMatchObject({ ok: false, rejection: { code: 'statement-not-published' } });
    publish(state);
    expect(roomView(index, state, 'manager').work!.floor!.lines).toMatchObject([{ statement: 'holding', read: false }]);
    const before = state.scores.continuity;
    const events = must(state, 'manager', { type: 'readLine', statement: 'holding' });
    expect(events.some((e) => e.type === 'lineRead')).toBe(true);
    expect(events.some((e) => e.type === 'mood' && e.to > e.from)).toBe(true);
    expect(state.scores.continuity - before).toBe(2);
    expect(state.work!.said.filter((s) => s.room === 'lobby')).toMatchObject([{ claim: 'funds-safe', via: 'line' }]);
    expect(act(state, 'manager', { type: 'readLine', statement: 'holding' })).toMatchObject({ ok: false, rejection: { code: 'line-already-read' } });
  });

  it('opens another counter when ops sends staff (the floorCapacity effect)', () => {
    const state = drill();
    const result = applyControl(index, state, { type: 'inject', inject: 'more-staff' });
    expect(result.ok).toBe(true);
    expect(state.work!.floor!.capacity.counter).toBe(2);
    must(state, 'manager', { type: 'assign', ticket: 1, place: 'counter' });
    must(state, 'manager', { type: 'assign', ticket: 2, place: 'counter' });
  });

  it.each<[string, string, Intent, RejectionCode]>([
    ['a ticket nobody holds', 'manager', { type: 'assign', ticket: 9, place: 'counter' }, 'not-waiting-on-floor'],
    ['another room assigning', 'agent', { type: 'assign', ticket: 1, place: 'counter' }, 'not-your-desk'],
    ['an unknown statement', 'manager', { type: 'readLine', statement: 'nope' }, 'unknown-statement'],
  ])('refuses %s and leaves the drill as it was', (_, post, intent, code) => {
    refused(drill(), post, intent, code);
  });

  it('a customer answered at the card leaves the floor queue', () => {
    const state = drill();
    const npc = state.work!.floor!.queue[0]!.npc;
    must(state, 'manager', { type: 'respond', npc, response: 'explain' });
    expect(state.work!.floor!.queue.map((t) => t.number)).toEqual([2]);
  });
});
