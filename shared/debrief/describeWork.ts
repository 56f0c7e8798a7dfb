import type { DrillEvent } from '../engine/events.js';
import { ELEMENT_LABELS, FEED_ACTION_LABELS, TONE_LABELS } from '../engine/work/composerLabels.js';
import type { Text } from '../i18n/text.js';
import type { Quality, Scenario, StatementElement } from '../scenario/schema.js';
import { LINE_ELEMENTS } from '../scenario/work/statements.js';
import type { Composed, FiledField } from './schema.js';
import { boardOption } from '../engine/work/opsBoard.js';
import { joinTexts, say } from './strings.js';

type Published = Extract<DrillEvent, { type: 'statementPublished' }>;
type Reviewed = Extract<DrillEvent, { type: 'draftReviewed' }>;

/** What the debrief says of a published statement: its parts as judged, an overall mark, and why. */
export function describeStatement(scenario: Scenario, e: Published): { situation: Text; choice: Text; quality: Quality; note: Text; composed: Composed } {
  const statement = scenario.statements.find((s) => s.id === e.statement)!;
  const lines = LINE_ELEMENTS.flatMap((element) => {
    const id = e.lines[element];
    const line = id === undefined ? undefined : statement.lines[element]?.find((l) => l.id === id);
    return line ? [{ element: ELEMENT_LABELS[element], text: line.text, quality: line.quality, note: line.note }] : [];
  });
  const claims = e.claims.map(({ claim: id, status }) => {
    const claim = scenario.claims.find((c) => c.id === id)!;
    return { text: claim.text, status, accurate: claim.accurate, note: claim.note };
  });
  const missing = e.missing.map((m: StatementElement) => ELEMENT_LABELS[m]);
  const open = e.open.map((topic) => statement.topics.find((t) => t.topic === topic)!.question);
  const tone = { chosen: TONE_LABELS[e.tone], best: TONE_LABELS[statement.tone.best], note: statement.tone.note };

  const worst = (...qs: Quality[]): Quality => (['bad', 'poor', 'good', 'best'] as const).find((q) => qs.includes(q)) ?? 'best';
  const quality = worst(
    ...lines.map((l) => l.quality),
    ...claims.map((c) => (!c.accurate || c.status === 'disproved' ? 'bad' : c.status === 'unconfirmed' ? 'poor' : 'best') as Quality),
    missing.length ? 'poor' : 'best',
    open.length ? 'good' : 'best',
    e.tone === statement.tone.best ? 'best' : e.tone === 'defensive' ? 'poor' : 'good',
  );
  // Why: what the procedure would have changed, part by part; the procedure itself when nothing.
  const problems: Text[] = [
    ...claims.filter((c) => c.status !== 'confirmed' || !c.accurate).map((c) => c.note),
    ...lines.filter((l) => l.quality !== 'best').map((l) => l.note),
    ...(missing.length ? [say('debrief.statement.missing', { parts: joinTexts(missing) })] : []),
    ...(open.length ? [say('debrief.statement.open', { questions: joinTexts(open) })] : []),
    ...(e.tone !== statement.tone.best ? [tone.note] : []),
  ];
  const note = problems.length ? joinSentences(problems) : statement.procedure;
  const body = [...lines.map((l) => l.text), ...claims.map((c) => c.text)];
  return {
    situation: say('debrief.statement.situation', { title: statement.title }),
    choice: body.length ? joinSentences(body) : say('debrief.statement.empty'),
    quality,
    note,
    composed: { lines, claims, missing, open, tone },
  };
}

/** What the debrief says of an approver's answer to a draft. */
export function describeReview(scenario: Scenario, e: Reviewed): { situation: Text; choice: Text; quality: Quality; note: Text } {
  const statement = scenario.statements.find((s) => s.id === e.statement)!;
  const approve = e.verdict === 'approve';
  const quality: Quality = approve ? (e.risky ? 'bad' : e.sound ? 'best' : 'good') : e.sound ? 'poor' : 'best';
  const note = say(approve ? (e.risky ? 'debrief.review.approvedRisky' : 'debrief.review.approved') : e.sound ? 'debrief.review.returnedSound' : 'debrief.review.returned');
  return {
    situation: say('debrief.review.situation', { title: statement.title }),
    choice: say(approve ? 'debrief.review.approve' : 'debrief.review.return'),
    quality,
    note,
  };
}

type Answered = Extract<DrillEvent, { type: 'feedAnswered' }>;

/** What the debrief says of an action on a post in the feed; a rebuttal without a confirmed fact behind it backfired. */
export function describeFeedAction(scenario: Scenario, e: Answered, backfired: boolean): { situation: Text; choice: Text; quality: Quality; note: Text } {
  const item = scenario.feed.find((f) => f.id === e.item)!;
  const judged = item.actions[e.action];
  const claim = e.claim === undefined ? undefined : scenario.claims.find((c) => c.id === e.claim);
  const choice = claim ? say('debrief.feed.rebut', { action: FEED_ACTION_LABELS[e.action], claim: claim.text }) : FEED_ACTION_LABELS[e.action];
  const quality: Quality = backfired ? (judged.quality === 'bad' ? 'bad' : 'poor') : judged.quality;
  return {
    situation: say('debrief.feed.situation', { author: item.author, text: item.text }),
    choice,
    quality,
    note: backfired && claim ? joinSentences([judged.note, claim.note]) : judged.note,
  };
}

type Filed = Extract<DrillEvent, { type: 'reportFiled' }>;

/** What the debrief says of a filed report: each field as judged, an overall mark, and why. */
export function describeReport(scenario: Scenario, e: Filed): { situation: Text; choice: Text; quality: Quality; note: Text; filed: FiledField[] } {
  const report = scenario.reports.find((r) => r.id === e.report)!;
  const filed: FiledField[] = e.fields.map(({ field, claim: id, verdict }) => {
    const claim = id === null ? undefined : scenario.claims.find((c) => c.id === id);
    return { label: report.fields.find((f) => f.id === field)!.label, text: claim?.text ?? null, verdict, note: verdict === 'accurate' || !claim ? null : claim.note };
  });
  const verdicts = filed.map((f) => f.verdict);
  const quality: Quality = verdicts.includes('wrong') ? 'bad' : verdicts.includes('unconfirmed') ? 'poor' : verdicts.includes('blank') ? 'good' : 'best';
  const notes = filed.flatMap((f) => (f.note ? [f.note] : []));
  const lines = filed.map((f) => say('debrief.report.field', { label: f.label, text: f.text ?? say('debrief.report.blank') }));
  return {
    situation: say('debrief.report.situation', { title: report.title }),
    choice: joinSentences(lines, '；', '; '),
    quality,
    note: notes.length ? joinSentences(notes) : report.procedure,
    filed,
  };
}

type Started = Extract<DrillEvent, { type: 'boardStarted' }>;

/** What the debrief says of an option started on the incident board. */
export function describeBoardMove(scenario: Scenario, e: Started): { situation: Text; choice: Text; quality: Quality; note: Text } {
  const option = boardOption(scenario.board!, e.kind, e.option)!;
  return { situation: say(`debrief.board.${e.kind}`), choice: option.text, quality: option.quality, note: option.note };
}

function joinSentences(texts: Text[], zh = '', en = ' '): Text {
  return { 'zh-CN': texts.map((t) => t['zh-CN']).join(zh), en: texts.map((t) => t.en).join(en) };
}
