import type { Text } from '../i18n/text.js';

/**
 * The debrief's own sentences, in both languages; `{name}` is filled by `say`. Scenario text
 * (names, answers, notes, procedures) is never written here: it comes from the scenario file.
 */
export const DEBRIEF_STRINGS = {
  'who.human': { 'zh-CN': '{post}（{name}）', en: '{post} ({name})' },
  'who.bot': { 'zh-CN': '{post}（机器人·{skill}）', en: '{post} (bot, {skill})' },
  'who.team': { 'zh-CN': '全队', en: 'Whole team' },
  'skill.novice': { 'zh-CN': '新手', en: 'novice' },
  'skill.competent': { 'zh-CN': '熟练', en: 'competent' },
  'skill.expert': { 'zh-CN': '专家', en: 'expert' },
  'list.sep': { 'zh-CN': '、', en: ', ' },
  'quality.best': { 'zh-CN': '最佳', en: 'best' },
  'quality.good': { 'zh-CN': '良好', en: 'good' },
  'quality.poor': { 'zh-CN': '欠佳', en: 'poor' },
  'quality.bad': { 'zh-CN': '错误', en: 'bad' },
  'shown.item': { 'zh-CN': '{n} {quality}', en: '{n} {quality}' },
  'shown.chosen': { 'zh-CN': '{n} {quality}（所选）', en: '{n} {quality} (chosen)' },
  'shown.line': { 'zh-CN': '选项显示顺序：{items}', en: 'Options as shown: {items}' },
  'quote': { 'zh-CN': '{npc}：“{line}”', en: '{npc}: “{line}”' },
  'share.situation': { 'zh-CN': '通报事实：{fact}', en: 'Memo: {fact}' },
  'share.choice': { 'zh-CN': '通报给：{rooms}', en: 'Shared with {rooms}' },
  'share.note': {
    'zh-CN': '把已确认的事实通报给其他房间，他们才能据此行动（协同配合）。',
    en: 'A confirmed fact shared with other rooms lets them act on it (coordination).',
  },

  'dim.high': { 'zh-CN': '{dim}收于 {final} 分（起点 {baseline}）', en: '{dim} ended at {final} (from {baseline})' },
  'dim.low': { 'zh-CN': '{dim}仅收于 {final} 分（起点 {baseline}）', en: '{dim} ended at only {final} (from {baseline})' },
  'dim.gain': { 'zh-CN': '{time} {delta}：{reason}', en: '{time} {delta}: {reason}' },
  'dim.action': { 'zh-CN': '避免这项最大的失分：{reason}（{time}）。{advice}', en: 'Avoid the largest loss: {reason} ({time}). {advice}' },
  'duty.early': { 'zh-CN': '“{duty}”比期限早 {minutes} 分钟完成', en: '“{duty}” done {minutes} min before its deadline' },
  'duty.late': { 'zh-CN': '“{duty}”晚了 {minutes} 分钟才完成', en: '“{duty}” done {minutes} min late' },
  'duty.missed': { 'zh-CN': '“{duty}”未完成（期限 {time}）', en: '“{duty}” missed (deadline {time})' },
  'duty.by': { 'zh-CN': '{time} 由{who}完成', en: 'Done at {time} by {who}' },
  'duty.deadline': { 'zh-CN': '期限 {time}，{who}负责', en: 'Deadline {time}, duty of {who}' },
  'waiting.title': { 'zh-CN': '{room}有 {count} 位来访者等不及而离开', en: 'In {room}, {count} people gave up waiting' },
  'waiting.item': { 'zh-CN': '{time} {npc}：{outcome}', en: '{time} {npc}: {outcome}' },
  'waiting.action': { 'zh-CN': '在{npc}失去耐心之前回应。最佳回答：“{best}”——{note}', en: 'Answer {npc} before their patience runs out. The best answer: “{best}” — {note}' },
  'sharing.prompt': { 'zh-CN': '“{fact}”确认后 {minutes} 分钟内通报给了 {count} 个房间', en: '“{fact}” reached {count} room(s) within {minutes} min of being confirmed' },
  'sharing.late': { 'zh-CN': '“{fact}”确认 {minutes} 分钟后才通报给{room}', en: '“{fact}” reached {room} only {minutes} min after it was confirmed' },
  'sharing.never': { 'zh-CN': '“{fact}”从未通报给需要它的{room}', en: '“{fact}” never reached {room}, which needed it' },
  'sharing.learned': { 'zh-CN': '{time} {room}确认了这一事实', en: '{time} {room} confirmed it' },
  'sharing.sent': { 'zh-CN': '{time} {who}通报给{rooms}', en: '{time} {who} shared it with {rooms}' },
  'sharing.action': { 'zh-CN': '事实一经确认，立即用备忘录通报给{room}。', en: 'Send {room} a memo as soon as the fact is confirmed.' },
  'choices.good': { 'zh-CN': '{who}：{good}/{total} 个回答符合规程', en: '{who}: {good} of {total} answers followed the procedure' },
  'choices.bad': { 'zh-CN': '{who}：{bad} 个回答违背规程', en: '{who}: {bad} answer(s) went against the procedure' },
  'choices.item': { 'zh-CN': '{time} “{choice}”——{note}', en: '{time} “{choice}” — {note}' },
  'cost': { 'zh-CN': '代价：{list}', en: 'Cost: {list}' },
  'score.item': { 'zh-CN': '{dim} {delta}', en: '{dim} {delta}' },
  'choices.action': { 'zh-CN': '面对{npc}，应答：“{best}”——{note}', en: 'With {npc}, answer: “{best}” — {note}' },

  'step.choice': { 'zh-CN': '{who}回应{npc}：“{choice}”', en: '{who} answered {npc}: “{choice}”' },
  'step.share': { 'zh-CN': '{who}把“{fact}”通报给{rooms}', en: '{who} shared “{fact}” with {rooms}' },
  'step.reply': { 'zh-CN': '{npc}：“{reply}”', en: '{npc}: “{reply}”' },
  'step.mood': { 'zh-CN': '{npc}情绪 {from}→{to}', en: '{npc}’s mood {from}→{to}' },
  'step.timeout': { 'zh-CN': '{room}无人应答{npc}：{outcome}', en: 'Nobody answered {npc} in {room}: {outcome}' },
  'step.followUp': { 'zh-CN': '随后：{title}', en: 'Then: {title}' },
  'step.inject': { 'zh-CN': '事件：{title}', en: 'Event: {title}' },
  'step.trainer': { 'zh-CN': '培训师触发：{title}', en: 'Fired by the trainer: {title}' },
  'step.duty.met': { 'zh-CN': '“{title}”按时完成', en: '“{title}” met on time' },
  'step.duty.late': { 'zh-CN': '“{title}”迟完成', en: '“{title}” done late' },
  'step.duty.missed': { 'zh-CN': '“{title}”错过期限', en: '“{title}” missed its deadline' },
  'step.score': { 'zh-CN': '{dim} {delta}（至 {value}）：{reason}', en: '{dim} {delta} (to {value}): {reason}' },
} as const satisfies Record<string, Text>;

export type DebriefStringKey = keyof typeof DEBRIEF_STRINGS;
export type SayValue = string | number | Text;

/** Fills a template in both languages; a Text value gives each language its own words. */
export function say(key: DebriefStringKey, params: Record<string, SayValue> = {}): Text {
  const fill = (locale: keyof Text) =>
    DEBRIEF_STRINGS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[locale] : String(value);
    });
  return { 'zh-CN': fill('zh-CN'), en: fill('en') };
}

/** The same words in both languages (a number, a time). */
export function same(value: string): Text {
  return { 'zh-CN': value, en: value };
}

/** Joins lines with the list separator of each language. */
export function joinTexts(items: readonly Text[]): Text {
  const sep = DEBRIEF_STRINGS['list.sep'];
  return { 'zh-CN': items.map((t) => t['zh-CN']).join(sep['zh-CN']), en: items.map((t) => t.en).join(sep.en) };
}

export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}
