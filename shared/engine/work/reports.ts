import type { IntentOf } from '../../protocol/intents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { Report } from '../../scenario/schema.js';
import { holds } from '../conditions.js';
import type { Cause, DrillState } from '../drillState.js';
import { applyEffects, changeScore } from '../effects.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { emit, type Transition } from '../transition.js';
import { claimStatus } from './claims.js';

/** How each field of a report is judged, by what the filing room could confirm when it filed. */
export type FieldVerdict = 'accurate' | 'unconfirmed' | 'wrong' | 'blank';

/** Compliance for each field: only confirmed facts; "still being verified" beats a guess, right or wrong. */
export const FIELD_POINTS: Record<FieldVerdict, number> = { accurate: 2, unconfirmed: -2, wrong: -5, blank: -1 };

type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });

export function fieldVerdict(index: ScenarioIndex, state: DrillState, room: string, claimId: string | null): FieldVerdict {
  if (claimId === null) return 'blank';
  const claim = index.claims.get(claimId)!;
  if (!claim.accurate) return 'wrong';
  return claimStatus(state, claim, room) === 'confirmed' ? 'accurate' : 'unconfirmed';
}

/** Whether `post` may file the report now. */
export function reportOpen(index: ScenarioIndex, state: DrillState, report: Report): boolean {
  return !report.opens || holds({ index, state }, report.opens, { room: index.postRoom.get(report.post)! });
}

/** The post files a report: every field answered with one of its claims or left blank, judged field by field. */
export function fileReport(tx: Transition, post: string, intent: IntentOf<'fileReport'>): Refusal | undefined {
  const { index, state } = tx;
  const report = index.reports.get(intent.report);
  if (!report) return refuse('unknown-report', `no report "${intent.report}"`);
  if (report.post !== post) return refuse('not-your-report', `post "${post}" does not file "${report.id}"`);
  if (state.work!.reports[report.id]) return refuse('already-filed', `"${report.id}" is already filed`);
  if (!reportOpen(index, state, report)) return refuse('report-not-open', `"${report.id}" cannot be filed yet`);
  for (const id of Object.keys(intent.fields)) if (!report.fields.some((f) => f.id === id)) return refuse('bad-report', `"${report.id}" has no field "${id}"`);
  const fields: Record<string, string | null> = {};
  for (const field of report.fields) {
    const answer = intent.fields[field.id] ?? null;
    if (answer !== null && !field.claims.includes(answer)) return refuse('bad-report', `field "${field.id}" offers no claim "${answer}"`);
    fields[field.id] = answer;
  }

  const room = index.postRoom.get(post)!;
  const cause: Cause = { kind: 'report', post, report: report.id };
  const verdicts = report.fields.map((f) => ({ field: f.id, claim: fields[f.id]!, verdict: fieldVerdict(index, state, room, fields[f.id]!) }));
  state.work!.reports[report.id] = { filedAt: state.clock, fields };
  emit(tx, { type: 'reportFiled', room, post, report: report.id, fields: verdicts });
  for (const { field, claim, verdict } of verdicts) {
    const label = report.fields.find((f) => f.id === field)!.label;
    const said = claim === null ? undefined : index.claims.get(claim)!.text;
    changeScore(tx, 'compliance', FIELD_POINTS[verdict], reasonFor(verdict, label, said), cause);
  }
  applyEffects(tx, report.onFiled, { room, cause });
  if (verdicts.some((v) => v.verdict === 'wrong')) applyEffects(tx, report.onInaccurate, { room, cause });
  return undefined;
}

function reasonFor(verdict: FieldVerdict, label: { 'zh-CN': string; en: string }, said: { 'zh-CN': string; en: string } | undefined) {
  switch (verdict) {
    case 'accurate':
      return { 'zh-CN': `报告“${label['zh-CN']}”一栏如实、已核实：${said!['zh-CN']}`, en: `The report's "${label.en}" is accurate and verified: ${said!.en}` };
    case 'unconfirmed':
      return { 'zh-CN': `报告“${label['zh-CN']}”一栏写了尚未核实的内容：${said!['zh-CN']}`, en: `The report's "${label.en}" states what was not yet verified: ${said!.en}` };
    case 'wrong':
      return { 'zh-CN': `报告“${label['zh-CN']}”一栏与事实不符：${said!['zh-CN']}`, en: `The report's "${label.en}" is untrue: ${said!.en}` };
    case 'blank':
      return { 'zh-CN': `报告“${label['zh-CN']}”一栏留待核实后续报`, en: `The report's "${label.en}" is left for a follow-up once verified` };
  }
}
