import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../shared/engine/events.js';
import { toConsoleModel } from '../../client/view/consoleModel.js';
import { toPresenterModel } from '../../client/view/presenterModel.js';
import { targetScene } from '../../client/view/targetScene.js';
import { toViewModel } from '../../client/view/toViewModel.js';
import { scenarioInfo, stateJson } from './fixtures.js';

const trainer = { role: 'trainer' as const, post: null };
const text = (en: string, zh = en) => ({ 'zh-CN': zh, en });
const injects = [{ id: 'power-cut', room: 'lobby', title: text('Power cut', '停电') }];
const history: DrillEvent[] = [
  { seq: 1, at: 9 * 3600 + 10 * 60, room: 'lobby', type: 'inject', inject: 'power-cut', title: text('Power cut', '停电'), message: text('Dark') },
  { seq: 2, at: 9 * 3600 + 20 * 60, room: 'phone', type: 'timeout', npc: 'n2', interaction: 'x', outcome: text('The caller hung up') },
  { seq: 3, at: 9 * 3600 + 21 * 60, type: 'deadlineExtended', expected: 'report-regulator', deadline: 9 * 3600 + 55 * 60 },
];

function consoleOf(state = stateJson(), events = history) {
  const view = toViewModel(state, trainer, { scenario: scenarioInfo });
  return toConsoleModel({ view, history: events, injects, locale: 'en' });
}

describe('the trainer console model', () => {
  it('shows every room: who waits there with their mood, the queue, and its latest incidents', () => {
    const model = consoleOf();
    expect(model.rooms.map((r) => r.id)).toEqual(['lobby', 'phone']);
    const lobby = model.rooms[0]!;
    expect(lobby).toMatchObject({ name: 'Lobby', waiting: 2, angry: 1, holders: '王芳', lookPost: 'manager', feed: null });
    expect(lobby.npcs.map((n) => [n.id, n.band])).toEqual([['n3', 'upset'], ['n7', 'furious']]);
    expect(lobby.incidents).toEqual([{ at: '09:10', text: 'Power cut', bad: false }]);
    expect(model.rooms[1]).toMatchObject({ holders: 'Bot', incidents: [{ at: '09:20', text: 'The caller hung up', bad: true }] });
  });

  it('gives a newsroom its heat (100 − reputation) and the posts out on the feed', () => {
    const state = stateJson({
      rooms: { news: { id: 'news', type: 'newsroom', waiting: 0, angry: 0 } },
      seats: { pr: { post: 'pr', room: 'news', holder: '', kind: 'bot', skill: 'expert', connected: false, ready: false } },
      panels: {},
    });
    const feedEvent: DrillEvent = { seq: 9, at: 9 * 3600, room: 'news', type: 'inject', inject: 'viral', title: text('Viral'), message: text('!') };
    expect(consoleOf(state, [feedEvent]).rooms[0]!.feed).toEqual({ heat: 45, published: 1 });
  });

  it('lists the live scores with the total, and every post with its holder and what the trainer may do', () => {
    const model = consoleOf();
    expect(model.scores.map((s) => s.value)).toEqual([60, 55, 70, 40, 71, 62]);
    expect(model.total).toBe(59.7);
    expect(model.posts.map((p) => [p.post, p.holder, p.status, p.canFree, p.canTakeOver, p.canRelease])).toEqual([
      ['manager', '王芳', 'online', true, false, false],
      ['agent', 'Bot', 'Bot (Competent)', false, true, false],
    ]);
    expect(model.hintTargets).toEqual([{ post: 'manager', label: '王芳 · Branch manager' }]);
  });

  it('knows the post the trainer took over, which the trainer may then play and hand back', () => {
    const state = stateJson();
    state.seats.agent = { ...state.seats.agent!, kind: 'trainer', holder: 'trainer', connected: true };
    const view = toViewModel(state, { role: 'trainer', post: 'agent' }, { scenario: scenarioInfo, viewPost: 'agent' });
    expect(view.me.canAct).toBe(true);
    const model = toConsoleModel({ view, history, injects, locale: 'zh-CN' });
    expect(model.playing).toBe('agent');
    expect(model.posts[1]).toMatchObject({ holder: '培训师', canRelease: true, canTakeOver: false });
  });

  it('offers the clock controls that apply now, the open deadlines and the optional injects', () => {
    const model = consoleOf();
    expect(model.clock).toMatchObject({ canStart: false, canPause: true, canResume: false });
    expect(model.clock.speeds.find((s) => s.current)?.speed).toBe(12);
    expect(model.deadlines.map((d) => [d.id, d.due])).toEqual([['report-regulator', '09:45']]);
    expect(model.injects).toEqual([{ id: 'power-cut', title: 'Power cut', roomName: 'Lobby', fired: 1 }]);
    expect(consoleOf(stateJson({ phase: 'paused' })).clock).toMatchObject({ canPause: false, canResume: true });
    expect(consoleOf(stateJson({ phase: 'lobby' })).clock.canStart).toBe(true);
    expect(consoleOf(stateJson({ phase: 'lobby' })).live).toBe(false);
  });
});

describe('where the trainer is', () => {
  it('is the console while the drill runs, a room after choosing one, the console again after coming back', () => {
    expect(targetScene(toViewModel(stateJson(), trainer), false)).toBe('TrainerConsole');
    expect(targetScene(toViewModel(stateJson(), trainer, { viewPost: 'agent' }), false)).toBe('PhoneQueue');
    expect(targetScene(toViewModel(stateJson(), trainer, { viewPost: null }), false)).toBe('TrainerConsole');
  });

  it('is never the console for a player or a spectator', () => {
    expect(targetScene(toViewModel(stateJson(), { role: 'player', post: 'manager' }), false)).toBe('BranchLobby');
    expect(toViewModel(stateJson(), { role: 'spectator', post: null }).me.onConsole).toBe(false);
  });
});

describe('the presenter model', () => {
  it('says the phase in a few large lines: time, latest event, next deadline, score headline, latest duty', () => {
    const view = toViewModel(stateJson({ phase: 'paused' }), { role: 'spectator', post: null }, { scenario: scenarioInfo });
    const model = toPresenterModel(view, history, 'en');
    expect(model.title).toBe('Mini outage');
    expect(model.bullets.map((b) => b.text)).toEqual([
      'Scenario time 09:35 · paused',
      'Latest, at 09:10: Power cut',
      'Next deadline: Report regulator (by 09:45)',
      'Team score 59.7 · weakest: Service continuity 40',
      'Report regulator moved to 09:55',
    ]);
    expect(model.bullets.length).toBeGreaterThanOrEqual(3);
    expect(model.bullets.length).toBeLessThanOrEqual(5);
  });

  it('reads in Chinese and gives the final score once the drill is over', () => {
    const view = toViewModel(stateJson({ phase: 'ended' }), { role: 'spectator', post: null }, { scenario: scenarioInfo });
    const model = toPresenterModel(view, [], 'zh-CN');
    expect(model.bullets.map((b) => b.text)).toEqual(['演练时间 09:35 · 已结束', '本屏打开以来暂无新事件', '最终团队总分 59.7']);
  });
});
