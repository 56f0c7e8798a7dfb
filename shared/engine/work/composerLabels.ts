import type { Text } from '../../i18n/text.js';
import type { FeedAction, StatementElement, Tone } from '../../scenario/schema.js';

/** How each tone is named on the composer and in the debrief. */
export const TONE_LABELS: Record<Tone, Text> = {
  plain: { 'zh-CN': '平实', en: 'Plain' },
  formal: { 'zh-CN': '正式', en: 'Formal' },
  defensive: { 'zh-CN': '辩解', en: 'Defensive' },
};

/** How each part of a statement is named on the composer and in the debrief. */
export const ELEMENT_LABELS: Record<StatementElement, Text> = {
  acknowledge: { 'zh-CN': '确认事件', en: 'Acknowledgement' },
  apologise: { 'zh-CN': '致歉', en: 'Apology' },
  facts: { 'zh-CN': '已知事实', en: 'Known facts' },
  actions: { 'zh-CN': '正在采取的措施', en: 'Actions under way' },
  commitments: { 'zh-CN': '承诺与时间', en: 'Commitments and times' },
  channel: { 'zh-CN': '咨询渠道', en: 'Where to ask' },
};

/** The newsroom's actions on a post in the feed, as their buttons name them. */
export const FEED_ACTION_LABELS: Record<FeedAction, Text> = {
  reply: { 'zh-CN': '用已发布的声明回复', en: 'Reply with the published statement' },
  rebut: { 'zh-CN': '用事实辟谣', en: 'Rebut with a fact' },
  escalate: { 'zh-CN': '上报指挥室', en: 'Escalate to ops' },
};
