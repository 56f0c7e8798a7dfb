import { parseScenarioOrThrow } from '../../shared/scenario/parseScenario.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { rawFixture } from './fixtures.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const line = (id: string, quality: string, en: string) => ({ id, text: t(en, en), quality, note: t(`${quality}。`, `${quality}.`) });

/**
 * The small outage drill with claims and a holding statement: the cause is confirmed once ops
 * finds it (and shares it), the funds are confirmed in the newsroom from the start, and a rumour
 * of an attack is shown wrong by the cause. `approver` puts the statement behind ops' approval.
 */
export function statementScenario(options: { approver?: boolean } = {}): Scenario {
  const raw = rawFixture();
  raw.facts.push({ id: 'funds-checked', text: t('资金核对无误', 'Balances reconciled: no funds lost'), knownBy: ['newsroom'] });
  // The hotline's brush-off guesses at the cause out loud.
  raw.interactions.find((i: { id: string }) => i.id === 'caller-worried').responses.find((r: { id: string }) => r.id === 'hang-up').says = ['cause-attack'];
  raw.claims = [
    { id: 'cause-script', topic: 'cause', text: t('故障源于升级脚本', 'A faulty upgrade script caused the outage'), accurate: true, confirmedBy: 'root-cause', note: t('属实。', 'True.') },
    { id: 'cause-attack', topic: 'cause', text: t('系统遭到网络攻击', 'The bank was hit by a cyber-attack'), accurate: false, disprovedBy: 'root-cause', note: t('谣言。', 'A rumour.') },
    { id: 'funds-safe', topic: 'funds', text: t('客户资金安全', 'No customer funds were lost'), accurate: true, confirmedBy: 'funds-checked', note: t('属实。', 'True.') },
    { id: 'funds-lost', topic: 'funds', text: t('部分资金丢失', 'Some funds are missing'), accurate: false, disprovedBy: 'funds-checked', note: t('不实。', 'Not true.') },
    { id: 'back-by-noon', topic: 'eta', text: t('中午前恢复', 'Service is back by noon'), accurate: true, note: t('无法确认。', 'Nobody can confirm it.') },
  ];
  raw.statements = [
    {
      id: 'holding',
      post: 'pr',
      title: t('情况说明', 'Holding statement'),
      ...(options.approver && { approver: 'commander' }),
      elements: ['acknowledge', 'apologise', 'facts', 'channel'],
      lines: {
        acknowledge: [line('ack-plain', 'best', 'We know some customers cannot see their balances.'), line('ack-vague', 'poor', 'Some users may have noticed something.')],
        apologise: [line('sorry', 'best', 'We are sorry.'), line('sorry-but', 'bad', 'We are sorry, but the vendor is to blame.')],
        actions: [line('act-fixing', 'best', 'Engineers are on it.'), line('act-all', 'good', 'Every team is on it.')],
        channel: [line('hotline', 'best', 'Call 95xxx with questions.'), line('no-channel', 'poor', 'Updates will follow.')],
      },
      topics: [
        { topic: 'cause', question: t('是什么导致了故障？', 'What caused it?') },
        { topic: 'funds', question: t('我的钱安全吗？', 'Is my money safe?') },
      ],
      tone: { best: 'plain', note: t('平实。', 'Plain.') },
      onPublish: [{ type: 'setFlag', flag: 'statement-out' }],
      procedure: t('只说已确认的事实。', 'State only confirmed facts.'),
    },
  ];
  const judged = (quality: string) => ({ quality, note: t(`${quality}。`, `${quality}.`) });
  raw.feed = [
    {
      id: 'attack-rumour', author: t('@网友', '@someone'), text: t('银行被黑了！', 'The bank was hacked!'), claim: 'cause-attack',
      heat: 20, growth: 10, threshold: 60,
      onThreshold: [{ type: 'score', dim: 'reputation', delta: -5, reason: t('谣言扩散', 'The rumour spread') }],
      actions: { rebut: judged('best'), reply: judged('good'), escalate: judged('poor') },
    },
    {
      id: 'complaint', author: t('@客户', '@customer'), text: t('排了一小时队！', 'An hour in the queue!'),
      heat: 10, growth: 0, threshold: 50,
      onThreshold: [{ type: 'score', dim: 'trust', delta: -1, reason: t('抱怨', 'Complaint') }],
      actions: { reply: judged('best'), rebut: judged('bad'), escalate: judged('poor') },
    },
  ];
  const blog = raw.injects.find((i: { id: string }) => i.id === 'blog');
  blog.effects = [...(blog.effects ?? []), { type: 'feedPost', item: 'attack-rumour' }, { type: 'feedPost', item: 'complaint' }];
  return parseScenarioOrThrow(raw, 'statement-fixture');
}

/** A complete draft that states only what the newsroom can confirm once it knows the cause. */
export const soundDraft = () => ({
  lines: { acknowledge: 'ack-plain', apologise: 'sorry', actions: 'act-fixing', channel: 'hotline' },
  claims: ['cause-script', 'funds-safe'],
  tone: 'plain' as const,
});
