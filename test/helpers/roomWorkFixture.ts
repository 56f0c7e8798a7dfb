import { parseScenarioOrThrow } from '../../shared/scenario/parseScenario.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { rawFixture } from './fixtures.js';
import { statementScenario } from './statementFixture.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const note = (en: string) => t(en, en);

/**
 * The small outage drill with the newsroom's statement, a call queue and a branch floor. Two
 * worried callers ring at 09:05 (their balance: the FAQ covers it once `faq-out` is set, until
 * then they need a call-back); an elderly caller (vulnerable) rings at 09:06 about a scam (no
 * call-back, but the category goes to ops). Two customers walk in at 09:12; a filmer at 09:20. The
 * drill runs to 11:00.
 */
export function roomWorkScenario(options: { meter?: number } = {}): Scenario {
  const raw = structuredClone(rawFixture());
  const statements = statementScenario();
  raw.claims = statements.claims.map((c) => ({ ...c }));
  raw.statements = [rawStatement()];
  // An hour more than the small drill, so that call-backs can come due and break.
  raw.clock.end = '11:00';
  // The FAQ goes out with the confirmed cause.
  raw.injects.find((i: { id: string }) => i.id === 'cause-found').effects.push({ type: 'setFlag', flag: 'faq-out' });
  raw.flags.push({ id: 'faq-out', label: t('问答已发布', 'FAQ out') });
  raw.facts.push({ id: 'funds-checked', text: t('资金核对无误', 'Balances reconciled: no funds lost'), knownBy: ['newsroom'] });
  raw.cast.push(
    { id: 'elderly', kind: 'caller', name: t('老人', 'Elderly caller'), description: t('老人', 'Elderly caller'), traits: { patience: 10, temper: 5, influence: 1, mood: 50, vulnerable: true } },
    { id: 'crowd-filmer', kind: 'customer', name: t('拍摄者', 'Filmer'), description: t('拍摄者', 'Filmer'), traits: { patience: 20, temper: 5, influence: 2, mood: 50 } },
  );
  const responses = (prefix: string) => [
    { id: `${prefix}-best`, text: t('好', 'Good answer'), quality: 'best', note: note('Best.') },
    { id: `${prefix}-poor`, text: t('差', 'Poor answer'), quality: 'poor', note: note('Poor.') },
    { id: `${prefix}-bad`, text: t('坏', 'Bad answer'), quality: 'bad', note: note('Bad.') },
  ];
  raw.interactions.push(
    { id: 'elderly-scam', room: 'phone', npc: 'elderly', prompt: t('有人让我转账', 'Someone asked me to transfer money'), responses: responses('scam'), timeout: { outcome: t('挂断', 'Hangs up'), note: note('Lost.') } },
    { id: 'filmer-films', room: 'lobby', npc: 'crowd-filmer', prompt: t('我在直播', 'I am streaming this'), responses: responses('film'), timeout: { outcome: t('离开', 'Leaves'), note: note('Gone.') } },
  );
  raw.injects.push(
    { id: 'elderly-calls', at: '09:06', room: 'phone', title: t('来电', 'Call'), message: t('老人来电', 'An elderly caller'), spawn: ['elderly-scam'] },
    { id: 'filmer-arrives', at: '09:20', room: 'lobby', title: t('拍摄', 'Filming'), message: t('有人拍摄', 'Someone films'), spawn: ['filmer-films'] },
    { id: 'crowd-seen', room: 'newsroom', title: t('网传排队', 'Queue online'), message: t('网上出现排队视频', 'A video of the queue is online'), effects: [{ type: 'score', dim: 'reputation', delta: -4, reason: t('排队视频', 'Queue video') }] },
    { id: 'more-staff', optional: true, room: 'ops', title: t('增援', 'Staff'), message: t('增派柜员', 'More tellers'), effects: [{ type: 'floorCapacity', place: 'counter', delta: 1 }] },
  );
  raw.phone = {
    room: 'phone',
    inbox: 'commander',
    categories: [
      { id: 'balance', label: t('余额', 'Balance'), faq: { flag: 'faq-out' }, note: note('The FAQ answers balances once out.') },
      { id: 'fraud', label: t('诈骗', 'Fraud'), escalate: true, note: note('Fraud goes to command.') },
      { id: 'other', label: t('其他', 'Other'), note: note('Anything else.') },
    ],
    calls: [
      { interaction: 'caller-worried', reason: t('余额不对', 'Balance looks wrong'), category: 'balance', callback: true, note: note('Needs a call-back until the FAQ is out.') },
      { interaction: 'elderly-scam', reason: t('疑似诈骗', 'Possible scam'), category: 'fraud', note: note('Escalate.') },
    ],
    procedure: note('Log every call; keep every call-back.'),
  };
  raw.floor = {
    room: 'lobby',
    capacity: { counter: 1 },
    customers: [
      { archetype: 'customer', places: { counter: { quality: 'best', minutes: 5, note: note('Served at the counter.') }, security: { quality: 'bad', minutes: 3, note: note('Treated as a threat.') } } },
      { archetype: 'crowd-filmer', disruptive: true, places: { 'private-room': { quality: 'good', minutes: 5, note: note('Taken aside.') } } },
    ],
    meter: { threshold: options.meter ?? 4, inject: 'crowd-seen' },
    line: { note: note('Read the published line.') },
    procedure: note('Triage the floor.'),
  };
  return parseScenarioOrThrow(raw, 'room-work-fixture');
}

/** The statement fixture's holding statement as raw data. */
function rawStatement() {
  const line = (id: string, quality: string, en: string) => ({ id, text: t(en, en), quality, note: t(`${quality}。`, `${quality}.`) });
  return {
    id: 'holding',
    post: 'pr',
    title: t('情况说明', 'Holding statement'),
    elements: ['acknowledge', 'facts'],
    lines: { acknowledge: [line('ack-plain', 'best', 'We know.'), line('ack-vague', 'poor', 'Something happened.')] },
    topics: [{ topic: 'funds', question: t('我的钱安全吗？', 'Is my money safe?') }],
    tone: { best: 'plain', note: t('平实。', 'Plain.') },
    onPublish: [{ type: 'setFlag', flag: 'statement-out' }],
    procedure: t('只说已确认的事实。', 'State only confirmed facts.'),
  };
}
