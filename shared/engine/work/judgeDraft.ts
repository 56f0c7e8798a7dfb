import type { Text } from '../../i18n/text.js';
import type { Draft } from '../../protocol/statementIntents.js';
import type { Quality, Statement, StatementElement } from '../../scenario/schema.js';
import { LINE_ELEMENTS } from '../../scenario/work/statements.js';
import type { Dimension } from '../../scores/dimensions.js';
import type { DrillState } from '../drillState.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { claimStatus, type ClaimStatus } from './claims.js';
import { ELEMENT_LABELS, TONE_LABELS } from './composerLabels.js';

/** Points a statement earns or loses as it goes out, by what it says and how. */
export const STATEMENT_POINTS = {
  line: { best: 3, good: 1, poor: -2, bad: -5 } satisfies Record<Quality, number>,
  /** An element the procedure requires is missing (completeness). */
  missingElement: -3,
  /** A question the statement should answer, answered with a confirmed fact. */
  topicConfirmed: 2,
  /** A question the statement should answer left unanswered. */
  topicOpen: -2,
  /** A true claim stated before the room could confirm it (accuracy). */
  unconfirmed: -4,
  /** A claim that is not true: costs now, and more when it is exposed. */
  untrue: -6,
  /** A claim the room already knew to be wrong. */
  knownWrong: -10,
  toneBest: 2,
  toneDefensive: -6,
  toneOther: -2,
} as const;

export interface ScoreLine {
  dim: Dimension;
  delta: number;
  reason: Text;
}

export interface DraftVerdict {
  claims: { claim: string; status: ClaimStatus }[];
  missing: StatementElement[];
  /** Topics of the statement that no claim in it answers. */
  open: string[];
  /** Whether the draft has nothing the procedure would change: all lines best, only confirmed claims, every element and topic, the right tone. */
  sound: boolean;
  scores: ScoreLine[];
}

const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/**
 * How a draft of `statement` would score if it went out now from `room`: pure, so the composer,
 * the approver and the bots judge a draft the same way the engine will when it is published.
 */
export function judgeDraft(index: ScenarioIndex, state: DrillState, room: string, statement: Statement, draft: Draft): DraftVerdict {
  const scores: ScoreLine[] = [];
  const title = statement.title;
  let sound = true;
  for (const element of LINE_ELEMENTS) {
    const id = draft.lines[element];
    if (id === undefined) continue;
    const choice = statement.lines[element]!.find((c) => c.id === id)!;
    if (choice.quality !== 'best') sound = false;
    scores.push({ dim: 'reputation', delta: STATEMENT_POINTS.line[choice.quality], reason: text(`声明“${title['zh-CN']}”的措辞：${choice.text['zh-CN']}`, `Wording of "${title.en}": ${choice.text.en}`) });
  }
  const missing = statement.elements.filter((e) => (e === 'facts' ? draft.claims.length === 0 : draft.lines[e] === undefined));
  for (const e of missing) {
    sound = false;
    scores.push({ dim: 'reputation', delta: STATEMENT_POINTS.missingElement, reason: text(`声明“${title['zh-CN']}”缺少要素：${ELEMENT_LABELS[e]['zh-CN']}`, `"${title.en}" leaves out an element: ${ELEMENT_LABELS[e].en.toLowerCase()}`) });
  }

  const topics = new Set(statement.topics.map((t) => t.topic));
  const claims = draft.claims.map((id) => ({ claim: id, status: claimStatus(state, index.claims.get(id)!, room) }));
  const answered = new Set<string>();
  for (const { claim: id, status } of claims) {
    const claim = index.claims.get(id)!;
    const says = text(claim.text['zh-CN'], claim.text.en);
    if (status === 'disproved') {
      sound = false;
      scores.push({ dim: 'compliance', delta: STATEMENT_POINTS.knownWrong, reason: text(`声明写入了已知不实的说法：${says['zh-CN']}`, `The statement says what the room knew to be wrong: ${says.en}`) });
    } else if (!claim.accurate) {
      sound = false;
      scores.push({ dim: 'compliance', delta: STATEMENT_POINTS.untrue, reason: text(`声明写入了未经核实的说法：${says['zh-CN']}`, `The statement says what nobody had verified: ${says.en}`) });
    } else if (status === 'unconfirmed') {
      sound = false;
      scores.push({ dim: 'compliance', delta: STATEMENT_POINTS.unconfirmed, reason: text(`声明在确认之前就写入：${says['zh-CN']}`, `The statement says it before it was confirmed: ${says.en}`) });
    } else if (topics.has(claim.topic) && !answered.has(claim.topic)) {
      answered.add(claim.topic);
      scores.push({ dim: 'reputation', delta: STATEMENT_POINTS.topicConfirmed, reason: text(`声明以已确认事实回答了公众关切：${says['zh-CN']}`, `The statement answers a public question with a confirmed fact: ${says.en}`) });
    }
    if (!topics.has(claim.topic)) sound = false;
  }
  const covered = new Set(draft.claims.map((id) => index.claims.get(id)!.topic));
  const unanswered = statement.elements.includes('facts') ? statement.topics.filter((t) => !covered.has(t.topic)) : [];
  for (const { question } of unanswered) {
    sound = false;
    scores.push({ dim: 'reputation', delta: STATEMENT_POINTS.topicOpen, reason: text(`声明“${title['zh-CN']}”没有回答：${question['zh-CN']}`, `"${title.en}" leaves a question unanswered: ${question.en}`) });
  }
  const open = unanswered.map((t) => t.topic);

  if (draft.tone === statement.tone.best) scores.push({ dim: 'reputation', delta: STATEMENT_POINTS.toneBest, reason: text(`声明语气得当：${TONE_LABELS[draft.tone]['zh-CN']}`, `The statement's tone fits: ${TONE_LABELS[draft.tone].en.toLowerCase()}`) });
  else {
    sound = false;
    const defensive = draft.tone === 'defensive';
    scores.push({
      dim: 'reputation',
      delta: defensive ? STATEMENT_POINTS.toneDefensive : STATEMENT_POINTS.toneOther,
      reason: text(`声明语气不当：${TONE_LABELS[draft.tone]['zh-CN']}`, `The statement's tone does not fit: ${TONE_LABELS[draft.tone].en.toLowerCase()}`),
    });
  }
  return { claims, missing, open, sound, scores };
}
