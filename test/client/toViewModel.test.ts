import { describe, expect, it } from 'vitest';
import { toViewModel } from '../../client/view/toViewModel.js';
import { card, scenarioInfo, stateJson } from './fixtures.js';

const player = { role: 'player' as const, post: 'manager', name: '王芳' };
const trainer = { role: 'trainer' as const, post: null };

describe('toViewModel', () => {
  it('shows the clock as HH:MM and the join code in two groups of four', () => {
    const view = toViewModel(stateJson(), player);
    expect(view.clockLabel).toBe('09:35');
    expect(view.codeLabel).toBe('ABCD-2345');
  });

  it('lists the six dimensions in display order with bilingual labels, and the total', () => {
    const view = toViewModel(stateJson(), player);
    expect(view.scores.map((s) => s.dim)).toEqual(['trust', 'reputation', 'compliance', 'continuity', 'timeliness', 'coordination']);
    expect(view.scores[3]).toMatchObject({ value: 40, label: { 'zh-CN': '业务连续性', en: 'Service continuity' } });
    expect(view.total).toBe(59.7);
  });

  it("gives a player their own post's panel and lets them act in it", () => {
    const view = toViewModel(stateJson(), player, { scenario: scenarioInfo });
    expect(view.panel?.post).toBe('manager');
    expect(view.me).toMatchObject({ post: 'manager', viewRoomType: 'lobby', canAct: true, isTrainer: false, canControlClock: false, ready: true });
    expect(view.me.postName).toEqual({ 'zh-CN': '大堂经理', en: 'Branch manager' });
  });

  it('parses the responses JSON and keeps unavailable answers, marked as such', () => {
    const npc = toViewModel(stateJson(), player).panel!.npcs[0]!;
    expect(npc.responses).toEqual([
      { id: 'explain', text: { 'zh-CN': '我帮您查', en: 'Let me check' }, available: true },
      { id: 'cite-cause', text: { 'zh-CN': '原因是…', en: 'The cause is…' }, available: false, locked: { 'zh-CN': '需要：本房间已掌握「原因」', en: 'Needs your room to know “the cause”' } },
    ]);
  });

  it('derives patience left and the wait so far from the scenario clock', () => {
    const npc = toViewModel(stateJson(), player).panel!.npcs[1]!;
    // Opened 09:30, expires 09:40, clock 09:35:20: 320 s waited of 600.
    expect(npc.waited).toBe(320);
    expect(npc.waitLabel).toBe('5:20');
    expect(npc.patience).toBeCloseTo(280 / 600);
    expect(npc.band).toBe('furious');
  });

  it('names the rooms a fact can still be shared with', () => {
    const fact = toViewModel(stateJson(), player, { scenario: scenarioInfo }).panel!.facts[0]!;
    expect(fact.unknownTo).toEqual([{ id: 'phone', name: { 'zh-CN': '热线', en: 'Hotline' } }]);
  });

  it('marks which seats are human or bot, mine, and takeable by a player', () => {
    const seats = toViewModel(stateJson(), player).seats;
    expect(seats.find((s) => s.post === 'manager')).toMatchObject({ kind: 'human', holder: '王芳', mine: true, takeable: false });
    expect(seats.find((s) => s.post === 'agent')).toMatchObject({ kind: 'bot', mine: false, takeable: true });
  });

  it('does not offer posts to take in solo practice', () => {
    const seats = toViewModel(stateJson({ mode: 'solo' }), player).seats;
    expect(seats.every((s) => !s.takeable)).toBe(true);
  });

  it('lets the solo player control the clock, but not a trainee', () => {
    expect(toViewModel(stateJson({ mode: 'solo' }), player).me.canControlClock).toBe(true);
    expect(toViewModel(stateJson({ mode: 'training' }), player).me.canControlClock).toBe(false);
  });

  it("lets the trainer watch any post's panel but never act in it", () => {
    const state = stateJson();
    state.panels!.agent = { post: 'agent', room: 'phone', waiting: [], facts: [] };
    const first = toViewModel(state, trainer);
    expect(first.panel?.post).toBe('manager');
    const watching = toViewModel(state, trainer, { viewPost: 'agent' });
    expect(watching.panel?.post).toBe('agent');
    expect(watching.me).toMatchObject({ isTrainer: true, canAct: false, canControlClock: true, viewRoomType: 'phone' });
    expect(watching.rooms.find((r) => r.viewing)?.id).toBe('phone');
  });

  it('sorts duties by deadline, flags urgent ones and shows a readable title without one from the server', () => {
    const duties = toViewModel(stateJson(), player).duties;
    expect(duties.map((d) => d.id)).toEqual(['calm-lobby', 'report-regulator', 'open-statement']);
    expect(duties[1]).toMatchObject({ deadlineLabel: '09:45', urgent: true, mine: true, title: { en: 'Report regulator' } });
    expect(duties[2]).toMatchObject({ deadline: null, deadlineLabel: null, urgent: false });
  });

  it('uses duty titles from the scenario list when the server sends them', () => {
    const scenario = { ...scenarioInfo, expected: [{ id: 'report-regulator', post: 'manager', title: { 'zh-CN': '向监管报告', en: 'Report to the regulator' } }] };
    const duty = toViewModel(stateJson(), player, { scenario }).duties.find((d) => d.id === 'report-regulator')!;
    expect(duty.title['zh-CN']).toBe('向监管报告');
  });

  it('falls back to room type names when the scenario list is not loaded', () => {
    const rooms = toViewModel(stateJson(), player).rooms;
    expect(rooms.find((r) => r.id === 'phone')).toMatchObject({ name: { 'zh-CN': '客服热线', en: 'Phone queue' }, waiting: 0, mine: false });
    expect(rooms.find((r) => r.id === 'lobby')).toMatchObject({ waiting: 2, angry: 1, mine: true, viewing: true });
  });

  it('has no panel for a player without a post', () => {
    const view = toViewModel(stateJson(), { role: 'player', post: null });
    expect(view.panel).toBeNull();
    expect(view.me.canAct).toBe(false);
  });

  it("carries the panel's work part as it came, keeping its identity while only the clock moves", () => {
    const claim = { id: 'funds-safe', topic: 'funds', text: { 'zh-CN': '资金安全', en: 'Funds are safe' }, status: 'confirmed' as const };
    const work = { claims: [claim], composing: [], reviews: [], published: [], feed: [], reports: [], board: null };
    const state = stateJson();
    state.panels!.manager = { ...state.panels!.manager!, work };
    const first = toViewModel(state, player);
    expect(first.panel!.work).toEqual(work);
    const later = toViewModel({ ...state, clock: state.clock + 60 }, player, {}, first, new Set(['clock', 'panels']));
    expect(later.panel!.work).toBe(first.panel!.work);
    expect(toViewModel(stateJson(), player).panel!.work).toBeNull();
  });
});
