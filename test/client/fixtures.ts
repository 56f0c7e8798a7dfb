import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { DrillData } from '../../client/view/toViewModel.js';
import type { Card } from '../../shared/protocol/serverMessages.js';

/** A drill state as `room.state.toJSON()` gives it (shared/protocol/stateShape.ts), with the panels a client received. */
export function stateJson(overrides: Partial<DrillData> = {}): DrillData {
  return {
    code: 'ABCD2345',
    mode: 'training',
    scenario: 'mini',
    team: '',
    phase: 'running',
    clock: 9 * 3600 + 35 * 60 + 20,
    speed: 12,
    ending: '',
    scores: { trust: 60, reputation: 55, compliance: 70, continuity: 40, timeliness: 71, coordination: 62, total: 59.7 },
    seats: {
      manager: { post: 'manager', room: 'lobby', holder: '王芳', kind: 'human', skill: 'competent', connected: true, ready: true },
      agent: { post: 'agent', room: 'phone', holder: '', kind: 'bot', skill: 'competent', connected: false, ready: false },
    },
    rooms: {
      lobby: { id: 'lobby', type: 'lobby', waiting: 2, angry: 1 },
      phone: { id: 'phone', type: 'phone', waiting: 0, angry: 0 },
    },
    expected: {
      'report-regulator': { id: 'report-regulator', post: 'manager', status: 'pending', deadline: 9 * 3600 + 45 * 60 },
      'open-statement': { id: 'open-statement', post: 'agent', status: 'pending', deadline: 0 },
      'calm-lobby': { id: 'calm-lobby', post: 'manager', status: 'met', deadline: 9 * 3600 + 30 * 60 },
    },
    panels: {
      manager: {
        post: 'manager',
        room: 'lobby',
        waiting: [card({ id: 'n3' }), card({ id: 'n7', mood: 15, openedAt: 9 * 3600 + 30 * 60, expiresAt: 9 * 3600 + 40 * 60 })],
        facts: [{ id: 'root-cause', text: { 'zh-CN': '原因已确认', en: 'Cause confirmed' }, unknownTo: ['phone'] }],
      },
    },
    unseated: [],
    ...overrides,
  };
}

export function card(overrides: Partial<Card> = {}): Card {
  return {
    id: 'n1',
    archetype: 'anxious-depositor',
    kind: 'customer',
    name: { 'zh-CN': '焦虑的储户', en: 'Anxious depositor' },
    mood: 55,
    moodAt: 9 * 3600 + 30 * 60,
    temper: 0,
    openedAt: 9 * 3600 + 30 * 60,
    expiresAt: 9 * 3600 + 50 * 60,
    interaction: 'lobby-balance',
    prompt: { 'zh-CN': '我的钱呢？', en: 'Where is my money?' },
    responses: [
      { id: 'explain', text: { 'zh-CN': '我帮您查', en: 'Let me check' }, available: true },
      { id: 'cite-cause', text: { 'zh-CN': '原因是…', en: 'The cause is…' }, available: false, locked: { 'zh-CN': '需要：本房间已掌握「原因」', en: 'Needs your room to know “the cause”' } },
    ],
    ...overrides,
  };
}

export const scenarioInfo: ScenarioSummary = {
  id: 'mini',
  version: 1,
  title: { 'zh-CN': '小型故障', en: 'Mini outage' },
  summary: { 'zh-CN': '摘要', en: 'Summary' },
  briefing: { 'zh-CN': '简报', en: 'Briefing' },
  clock: { start: 9 * 3600, end: 10 * 3600, compression: 12 },
  levels: null,
  rooms: [
    { id: 'lobby', type: 'lobby', name: { 'zh-CN': '大堂', en: 'Lobby' } },
    { id: 'phone', type: 'phone', name: { 'zh-CN': '热线', en: 'Hotline' } },
  ],
  posts: [
    { id: 'manager', room: 'lobby', name: { 'zh-CN': '大堂经理', en: 'Branch manager' }, brief: { 'zh-CN': '管大堂', en: 'Run the lobby' } },
    { id: 'agent', room: 'phone', name: { 'zh-CN': '坐席', en: 'Agent' }, brief: { 'zh-CN': '接电话', en: 'Answer calls' } },
  ],
  expected: [],
  endings: [],
};
