import { rawFixture } from './fixtures.js';

/** The small fixture with one variant of each kind. */
export function varied(mutate: (doc: Record<string, any>) => void = () => {}): Record<string, any> {
  const doc = rawFixture();
  const blog = doc.injects.find((i: any) => i.id === 'blog');
  doc.injects.push({ ...blog, id: 'forum', title: { 'zh-CN': '论坛帖', en: 'Forum thread' } });
  const queue = doc.injects.find((i: any) => i.id === 'queue');
  doc.injects.push({ ...queue, id: 'second-queue', at: '09:20' });
  const alarm = doc.injects.find((i: any) => i.id === 'alarm');
  alarm.message = { 'zh-CN': '{{accounts}}个账户余额异常。', en: 'Balances look wrong on {{accounts}} accounts.' };
  doc.variants = {
    slots: [{ id: 'first-post', choices: [{ id: 'blog', injects: ['blog'] }, { id: 'forum', injects: ['forum'] }] }],
    complications: { count: 1, pool: [{ id: 'second-queue', label: { 'zh-CN': '第二波排队', en: 'A second queue' }, injects: ['second-queue'] }, { id: 'power', label: { 'zh-CN': '停电', en: 'Power cut' }, injects: ['power-cut'] }] },
    timing: [{ inject: 'calls', earliest: -3, latest: 4 }],
    values: [{ id: 'accounts', choices: [{ accounts: { 'zh-CN': '1200', en: '1,200' } }, { accounts: { 'zh-CN': '3500', en: '3,500' } }] }],
  };
  mutate(doc);
  return doc;
}

