import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advanceTo } from '../../../../shared/engine/advanceTo.js';
import { createDrill } from '../../../../shared/engine/createDrill.js';
import type { DrillState } from '../../../../shared/engine/drillState.js';
import type { DrillEvent } from '../../../../shared/engine/events.js';
import type { Intent } from '../../../../shared/protocol/intents.js';
import type { RejectionCode } from '../../../../shared/protocol/rejections.js';
import { intentSteps } from '../../../helpers/intentSteps.js';
import { indexScenario } from '../../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../../shared/engine/viewFor.js';
import { CALLBACK_GRACE, FAQ_MESSAGE_HOLD, PHONE_POINTS } from '../../../../shared/engine/work/phone.js';
import { WorkPanelSchema } from '../../../../shared/protocol/workPanel.js';
import { teamTotal } from '../../../../shared/scores/dimensions.js';
import { at, humanRoster, miniScenario } from '../../../helpers/fixtures.js';
import { roomWorkScenario } from '../../../helpers/roomWorkFixture.js';

const scenario = roomWorkScenario();
const index = indexScenario(scenario);

function drill(seed = 1, to = at('09:07')): DrillState {
  const state = createDrill(scenario, { seed, roster: humanRoster(scenario) }).state;
  advanceTo(index, state, to);
  return state;
}
const { act, must, refused } = intentSteps(index);
const queued = (state: DrillState) => state.work!.phone!.queue.map((q) => q.npc);
const callers = (state: DrillState) => state.npcs.filter((n) => n.room === 'phone');
/** Picks up the first worried caller, answers it well and leaves the call in its wrap-up. */
function takeCall(state: DrillState, npc = callers(state).find((n) => n.archetype === 'caller')!.id): string {
  must(state, 'agent', { type: 'pickUp', npc });
  must(state, 'agent', { type: 'respond', npc, response: 'empathise' });
  return npc;
}

describe('the call queue', () => {
  it('queues callers on arrival with no card until a post picks one up', () => {
    const state = drill();
    expect(queued(state)).toHaveLength(3);
    const view = roomView(index, state, 'agent');
    expect(view.waiting).toHaveLength(0);
    expect(view.work!.phone!.queue.map((q) => q.reason.en)).toEqual(['Balance looks wrong', 'Balance looks wrong', 'Possible scam']);
    expect(WorkPanelSchema.parse(view.work)).toBeTruthy();
    const npc = queued(state)[0]!;
    const result = act(state, 'agent', { type: 'respond', npc, response: 'empathise' });
    expect(result).toMatchObject({ ok: false, rejection: { code: 'not-picked-up' } });
  });

  it('opens the card on pickUp, one call at a time, and asks for a ticket before the next', () => {
    const state = drill();
    const [first, second] = queued(state);
    const events = must(state, 'agent', { type: 'pickUp', npc: first! });
    expect(events.map((e) => e.type)).toEqual(['callPickedUp']);
    expect(roomView(index, state, 'agent').waiting.map((n) => n.id)).toEqual([first]);
    expect(act(state, 'agent', { type: 'pickUp', npc: second! })).toMatchObject({ ok: false, rejection: { code: 'call-in-hand' } });
    must(state, 'agent', { type: 'respond', npc: first!, response: 'empathise' });
    expect(state.work!.phone!.lines.agent!.phase).toBe('wrapUp');
    expect(act(state, 'agent', { type: 'pickUp', npc: second! })).toMatchObject({ ok: false, rejection: { code: 'wrap-up-pending' } });
    must(state, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    must(state, 'agent', { type: 'pickUp', npc: second! });
  });

  it('gives the caller a few minutes on the line however long they queued', () => {
    const state = drill(1, at('09:13'));
    const npc = queued(state)[0]!;
    must(state, 'agent', { type: 'pickUp', npc });
    expect(state.npcs.find((n) => n.id === npc)!.expiresAt).toBeGreaterThanOrEqual(state.clock + 5 * 60);
  });

  it('scores the ticket: the right category, and a call-back where one was needed', () => {
    const right = drill();
    takeCall(right);
    const before = { ...right.scores };
    must(right, 'agent', { type: 'logTicket', category: 'balance', callback: 30 });
    expect(right.scores.coordination - before.coordination).toBe(PHONE_POINTS.categoryRight);
    expect(right.scores.trust).toBe(before.trust);
    expect(right.work!.phone!.tickets[0]).toMatchObject({ id: 't1', status: 'promised', due: right.clock + 30 * 60 });

    const wrong = drill();
    takeCall(wrong);
    const was = { ...wrong.scores };
    const events = must(wrong, 'agent', { type: 'logTicket', category: 'other', callback: 0 });
    expect(events.find((e) => e.type === 'ticketLogged')).toMatchObject({ right: false, needed: true, callback: 0 });
    expect(wrong.scores.coordination - was.coordination).toBe(PHONE_POINTS.categoryWrong);
    expect(wrong.scores.trust - was.trust).toBe(PHONE_POINTS.callbackMissing);
  });

  it('needs no call-back for a category the published FAQ covers, and a needless promise costs a little', () => {
    const state = drill();
    state.flags['faq-out'] = true;
    takeCall(state);
    const view = roomView(index, state, 'agent').work!.phone!;
    expect(view.categories.find((c) => c.id === 'balance')!.faq).toBe(true);
    const before = { ...state.scores };
    const events = must(state, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    expect(events.find((e) => e.type === 'ticketLogged')).toMatchObject({ needed: false });
    expect(state.scores.timeliness - before.timeliness).toBe(PHONE_POINTS.callbackNeedless);
    expect(state.scores.trust).toBe(before.trust);
  });

  it('costs more when a vulnerable caller gives up in the queue', () => {
    const state = drill();
    const events = advanceTo(index, state, at('09:30'));
    expect(state.work!.phone!.queue).toHaveLength(0);
    const abandoned = events.filter((e) => e.type === 'callAbandoned');
    expect(abandoned.filter((e) => e.type === 'callAbandoned' && e.vulnerable)).toHaveLength(1);
    expect(abandoned).toHaveLength(3);
    // Only the elderly caller costs the queue's extra.
    const extra = events.filter((e) => e.type === 'score' && e.reason.en.startsWith('A caller gave up in the queue'));
    expect(extra).toMatchObject([{ dim: 'trust', delta: PHONE_POINTS.abandonedVulnerable }]);
  });
});

describe("the FAQ's queue message", () => {
  const of = <T extends DrillEvent['type']>(events: readonly DrillEvent[], type: T) => events.filter((e): e is Extract<DrillEvent, { type: T }> => e.type === type);
  const npcs = (events: readonly { npc: string }[]) => events.map((e) => e.npc);

  it('answers a waiting caller whose question the published FAQ covers, who hangs up answered and costs nothing', () => {
    const state = drill();
    const balance = state.work!.phone!.queue.filter((q) => q.call === 'caller-worried');
    expect(balance).toHaveLength(2);
    state.flags['faq-out'] = true;
    const before = { ...state.scores };
    const events = advanceTo(index, state, balance[0]!.since + FAQ_MESSAGE_HOLD);
    expect(npcs(of(events, 'callAnsweredByFaq'))).toEqual(balance.map((q) => q.npc));
    expect(of(events, 'npcLeft')).toMatchObject(balance.map((q) => ({ npc: q.npc, satisfied: true })));
    expect(of(events, 'callAbandoned')).toHaveLength(0);
    expect(state.scores).toEqual(before);
    expect(queued(state)).toEqual(state.work!.phone!.queue.filter((q) => q.call === 'elderly-scam').map((q) => q.npc));
    expect(roomView(index, state, 'agent').work!.phone!.answeredByFaq).toBe(2);
  });

  it('never answers a caller the FAQ does not cover: they wait for an agent, and give up if nobody comes', () => {
    const state = drill();
    state.flags['faq-out'] = true;
    const scam = state.work!.phone!.queue.find((q) => q.call === 'elderly-scam')!;
    const events = advanceTo(index, state, at('09:30'));
    expect(npcs(of(events, 'callAnsweredByFaq'))).not.toContain(scam.npc);
    expect(npcs(of(events, 'callAbandoned'))).toEqual([scam.npc]);
  });

  it('answers nobody before the FAQ is out, and plays again later to a caller still waiting, in case it comes out', () => {
    const state = drill();
    const first = state.work!.phone!.queue[0]!;
    const early = advanceTo(index, state, first.since + FAQ_MESSAGE_HOLD);
    expect(npcs(of(early, 'callAnsweredByFaq'))).toEqual([]);
    expect(queued(state)).toContain(first.npc);
    expect(state.work!.timers).toContainEqual(expect.objectContaining({ kind: 'faqMessage', ref: first.npc, at: first.since + 2 * FAQ_MESSAGE_HOLD }));
  });

  it('leaves a caller an agent picked up on the line', () => {
    const state = drill();
    state.flags['faq-out'] = true;
    const npc = queued(state)[0]!;
    must(state, 'agent', { type: 'pickUp', npc });
    const events = advanceTo(index, state, state.work!.phone!.lines.agent!.since + FAQ_MESSAGE_HOLD);
    expect(npcs(of(events, 'callAnsweredByFaq'))).not.toContain(npc);
    expect(state.work!.phone!.lines.agent).toMatchObject({ npc, phase: 'talking' });
  });
});

describe('call-backs', () => {
  function promised(seed = 1): DrillState {
    const state = drill(seed);
    takeCall(state);
    must(state, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    return state;
  }

  it('kept on time earns trust', () => {
    const state = promised();
    advanceTo(index, state, state.clock + 10 * 60);
    const before = state.scores.trust;
    const events = must(state, 'agent', { type: 'callBack', ticket: 't1' });
    expect(events.find((e) => e.type === 'callbackKept')).toMatchObject({ late: false });
    expect(state.scores.trust - before).toBe(PHONE_POINTS.kept);
    // The call-back's own timers are called off (the queue's message may still be due for callers waiting).
    expect(state.work!.timers!.filter((t) => t.ref === 't1')).toEqual([]);
  });

  it('late earns less, and the due time is announced', () => {
    const state = promised();
    const events = advanceTo(index, state, state.clock + 20 * 60);
    expect(events.some((e) => e.type === 'callbackDue' && e.ticket === 't1')).toBe(true);
    const before = state.scores.trust;
    must(state, 'agent', { type: 'callBack', ticket: 't1' });
    expect(state.scores.trust - before).toBe(PHONE_POINTS.late);
  });

  it('broken when never made: trust falls, the event says so, and it cannot be kept afterwards', () => {
    const state = promised();
    const due = state.work!.phone!.tickets[0]!.due!;
    const events = advanceTo(index, state, due + CALLBACK_GRACE);
    expect(events.find((e) => e.type === 'callbackBroken')).toMatchObject({ ticket: 't1', at: due + CALLBACK_GRACE });
    const cost = events.filter((e) => e.type === 'score' && e.cause.work === 'callback');
    expect(cost).toMatchObject([{ dim: 'trust', delta: PHONE_POINTS.broken, cause: { kind: 'timeout', ticket: 't1' } }]);
    expect(act(state, 'agent', { type: 'callBack', ticket: 't1' })).toMatchObject({ ok: false, rejection: { code: 'no-callback-due' } });
  });

  it('a broken call-back always scores below a kept one, in every seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const kept = promised(seed);
        advanceTo(index, kept, kept.clock + 5 * 60);
        must(kept, 'agent', { type: 'callBack', ticket: 't1' });
        const broken = promised(seed);
        advanceTo(index, kept, at('09:55'));
        advanceTo(index, broken, at('09:55'));
        expect(teamTotal(broken.scores)).toBeLessThan(teamTotal(kept.scores));
      }),
      { numRuns: 25 },
    );
  });
});

describe('escalations', () => {
  function logged(category = 'fraud'): DrillState {
    const state = drill();
    const elderly = callers(state).find((n) => n.archetype === 'elderly')!.id;
    must(state, 'agent', { type: 'pickUp', npc: elderly });
    must(state, 'agent', { type: 'respond', npc: elderly, response: 'scam-best' });
    must(state, 'agent', { type: 'logTicket', category, callback: 0 });
    return state;
  }

  it('earns coordination when the category calls for it, and ops sees it in its inbox', () => {
    const state = logged();
    const before = state.scores.coordination;
    const events = must(state, 'agent', { type: 'escalate', ticket: 't1' });
    expect(events.find((e) => e.type === 'escalated')).toMatchObject({ room: 'ops', needed: true, escalation: 'e1' });
    expect(state.scores.coordination - before).toBe(PHONE_POINTS.escalationRight);
    expect(roomView(index, state, 'commander').work!.inbox).toMatchObject([{ id: 'e1', ticket: 't1', status: 'waiting' }]);
    expect(act(state, 'agent', { type: 'escalate', ticket: 't1' })).toMatchObject({ ok: false, rejection: { code: 'already-escalated' } });
  });

  it('costs coordination when the call did not need command', () => {
    const state = drill();
    takeCall(state);
    must(state, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    const before = state.scores.coordination;
    must(state, 'agent', { type: 'escalate', ticket: 't1' });
    expect(state.scores.coordination - before).toBe(PHONE_POINTS.escalationNeedless);
  });

  it('acknowledged within ten minutes earns coordination; left longer it goes stale', () => {
    const fast = logged();
    must(fast, 'agent', { type: 'escalate', ticket: 't1' });
    advanceTo(index, fast, fast.clock + 5 * 60);
    const before = fast.scores.coordination;
    expect(act(fast, 'agent', { type: 'acknowledge', escalation: 'e1' })).toMatchObject({ ok: false, rejection: { code: 'not-your-desk' } });
    must(fast, 'commander', { type: 'acknowledge', escalation: 'e1' });
    expect(fast.scores.coordination - before).toBe(PHONE_POINTS.acknowledgedInTime);
    expect(act(fast, 'commander', { type: 'acknowledge', escalation: 'e1' })).toMatchObject({ ok: false, rejection: { code: 'already-acknowledged' } });

    const slow = logged();
    must(slow, 'agent', { type: 'escalate', ticket: 't1' });
    const was = slow.scores.coordination;
    const events = advanceTo(index, slow, slow.clock + 11 * 60);
    expect(events.some((e) => e.type === 'escalationStale')).toBe(true);
    expect(slow.scores.coordination - was).toBe(PHONE_POINTS.acknowledgedStale);
    const late = must(slow, 'commander', { type: 'acknowledge', escalation: 'e1' });
    expect(late.find((e) => e.type === 'escalationAcknowledged')).toMatchObject({ stale: true });
    expect(slow.scores.coordination - was).toBe(PHONE_POINTS.acknowledgedStale);
  });
});

describe('refusals leave the drill as it was', () => {
  it.each<[string, string, Intent, RejectionCode]>([
    ['a call not in the queue', 'agent', { type: 'pickUp', npc: 'n999' }, 'not-in-queue'],
    ['another room picking up', 'pr', { type: 'pickUp', npc: 'n1' }, 'not-your-desk'],
    ['a ticket with no call ended', 'agent', { type: 'logTicket', category: 'balance', callback: 0 }, 'nothing-to-log'],
    ['an unknown ticket', 'agent', { type: 'callBack', ticket: 't9' }, 'unknown-ticket'],
    ['escalating an unknown ticket', 'agent', { type: 'escalate', ticket: 't9' }, 'unknown-ticket'],
    ['an unknown escalation', 'commander', { type: 'acknowledge', escalation: 'e9' }, 'unknown-escalation'],
  ])('%s', (_, post, intent, code) => {
    refused(drill(), post, intent, code);
  });

  it('an unknown category in the wrap-up', () => {
    const state = drill();
    takeCall(state);
    refused(state, 'agent', { type: 'logTicket', category: 'weather', callback: 0 }, 'unknown-category');
  });

  it('a call-back while a call is in hand', () => {
    const state = drill();
    takeCall(state);
    must(state, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    must(state, 'agent', { type: 'pickUp', npc: queued(state)[0]! });
    refused(state, 'agent', { type: 'callBack', ticket: 't1' }, 'call-in-hand');
  });

  it('a drill without a call queue', () => {
    const mini = miniScenario();
    const state = createDrill(mini, { seed: 1, roster: humanRoster(mini) }).state;
    intentSteps(indexScenario(mini)).refused(state, 'agent', { type: 'pickUp', npc: 'n1' }, 'not-available');
    expect(state.work).toBeUndefined();
  });
});

describe('timers in the time loop', () => {
  it('run the same however time is sliced', () => {
    const whole = drill();
    takeCall(whole);
    must(whole, 'agent', { type: 'logTicket', category: 'balance', callback: 15 });
    const sliced = structuredClone(whole);
    advanceTo(index, whole, at('09:59'));
    for (let t = sliced.clock; t <= at('09:59'); t += 37) advanceTo(index, sliced, Math.min(t, at('09:59')));
    advanceTo(index, sliced, at('09:59'));
    expect(sliced).toEqual(whole);
  });
});
