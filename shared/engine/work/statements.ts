import type { IntentOf } from '../../protocol/intents.js';
import type { Draft } from '../../protocol/statementIntents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { Statement } from '../../scenario/schema.js';
import { LINE_ELEMENTS } from '../../scenario/work/statements.js';
import { MINUTE } from '../../scenario/clockTime.js';
import { holds } from '../conditions.js';
import type { Cause, DrillState } from '../drillState.js';
import { applyEffects, changeScore } from '../effects.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { emit, type Transition } from '../transition.js';
import { hasHeard, sayClaims } from './claims.js';
import { judgeDraft } from './judgeDraft.js';
import { coolFeed } from './feed.js';
import type { StatementProgress } from './workState.js';

/** What an approver's answer costs or earns. */
export const REVIEW_POINTS = {
  /** Approving a draft that states what is not confirmed. */
  approvedRisk: -4,
  /** Sending back a draft the procedure would change. */
  returnedRisk: 3,
  /** Sending back a draft that was sound: the statement goes out later for nothing. */
  returnedSound: -3,
  /** For each full ten minutes a draft waited for an answer. */
  perTenMinutesWaited: -2,
  waitedFloor: -8,
} as const;

type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });

/** The statement and its progress, if `post` may work on it now; otherwise why not. */
export function statementFor(index: ScenarioIndex, state: DrillState, post: string, id: string, as: 'author' | 'approver'): { statement: Statement; progress: StatementProgress } | Refusal {
  const statement = index.statements.get(id);
  const progress = state.work?.statements[id];
  if (!statement || !progress) return refuse('unknown-statement', `no statement "${id}"`);
  if ((as === 'author' ? statement.post : statement.approver) !== post) return refuse('not-your-statement', `post "${post}" does not ${as === 'author' ? 'write' : 'approve'} "${id}"`);
  if (progress.publishedAt !== undefined) return refuse('already-published', `"${id}" is already published`);
  if (statement.opens && !holds({ index, state }, statement.opens, { room: index.postRoom.get(statement.post)! })) return refuse('statement-not-open', `"${id}" cannot be written yet`);
  return { statement, progress };
}

/** A draft may only name lines on offer for the statement and claims its room has heard, each once. */
export function draftProblem(index: ScenarioIndex, state: DrillState, statement: Statement, draft: Draft): Refusal | undefined {
  for (const element of LINE_ELEMENTS) {
    const id = draft.lines[element];
    if (id !== undefined && !statement.lines[element]?.some((c) => c.id === id)) return refuse('bad-draft', `"${statement.id}" has no ${element} line "${id}"`);
  }
  if (new Set(draft.claims).size !== draft.claims.length) return refuse('bad-draft', 'a claim is listed twice');
  const room = index.postRoom.get(statement.post)!;
  for (const id of draft.claims) {
    const claim = index.claims.get(id);
    if (!claim || !hasHeard(state, claim, room)) return refuse('bad-draft', `no claim "${id}" your room could state`);
  }
  return undefined;
}

export function publishStatement(tx: Transition, post: string, intent: IntentOf<'publish'>): Refusal | undefined {
  const found = statementFor(tx.index, tx.state, post, intent.statement, 'author');
  if ('ok' in found) return found;
  if (found.statement.approver) return refuse('needs-approval', `"${intent.statement}" goes out only once its approver has approved a draft`);
  const bad = draftProblem(tx.index, tx.state, found.statement, intent.draft);
  if (bad) return bad;
  publish(tx, found.statement, found.progress, intent.draft, { kind: 'statement', post, statement: found.statement.id });
  return undefined;
}

export function submitDraft(tx: Transition, post: string, intent: IntentOf<'submitDraft'>): Refusal | undefined {
  const found = statementFor(tx.index, tx.state, post, intent.statement, 'author');
  if ('ok' in found) return found;
  if (!found.statement.approver) return refuse('no-approval-needed', `"${intent.statement}" needs no approval: publish it`);
  if (found.progress.pending) return refuse('draft-pending', `a draft of "${intent.statement}" is already waiting for its approver`);
  const bad = draftProblem(tx.index, tx.state, found.statement, intent.draft);
  if (bad) return bad;
  found.progress.pending = { draft: intent.draft, at: tx.state.clock };
  emit(tx, { type: 'draftSubmitted', room: tx.index.postRoom.get(post)!, post, statement: found.statement.id, approver: found.statement.approver });
  return undefined;
}

export function reviewDraft(tx: Transition, post: string, intent: IntentOf<'review'>): Refusal | undefined {
  const found = statementFor(tx.index, tx.state, post, intent.statement, 'approver');
  if ('ok' in found) return found;
  const { statement, progress } = found;
  const pending = progress.pending;
  if (!pending) return refuse('nothing-to-review', `no draft of "${intent.statement}" is waiting for you`);
  const { state, index } = tx;
  const authorRoom = index.postRoom.get(statement.post)!;
  const verdict = judgeDraft(index, state, authorRoom, statement, pending.draft);
  const cause: Cause = { kind: 'statement', post, statement: statement.id };
  const risky = verdict.claims.some((c) => c.status !== 'confirmed');
  delete progress.pending;
  emit(tx, { type: 'draftReviewed', room: authorRoom, post, statement: statement.id, verdict: intent.verdict, risky, sound: verdict.sound });

  const waited = Math.floor((state.clock - pending.at) / (10 * MINUTE));
  if (waited > 0) {
    const delta = Math.max(REVIEW_POINTS.waitedFloor, waited * REVIEW_POINTS.perTenMinutesWaited);
    changeScore(tx, 'coordination', delta, { 'zh-CN': `声明草稿等待审批${waited * 10}分钟以上`, en: `A draft statement waited ${waited * 10}+ minutes for approval` }, cause);
  }
  if (intent.verdict === 'approve') {
    if (risky) changeScore(tx, 'compliance', REVIEW_POINTS.approvedRisk, { 'zh-CN': '批准了含有未经确认说法的声明', en: 'Approved a statement that says what was not confirmed' }, cause);
    publish(tx, statement, progress, pending.draft, { kind: 'statement', post: statement.post, statement: statement.id });
  } else {
    progress.returned++;
    if (verdict.sound) changeScore(tx, 'timeliness', REVIEW_POINTS.returnedSound, { 'zh-CN': '退回了一份无需修改的声明草稿', en: 'Sent back a draft that needed no change' }, cause);
    else changeScore(tx, 'coordination', REVIEW_POINTS.returnedRisk, { 'zh-CN': '审核把关：退回需要修改的声明草稿', en: 'Review caught a draft that needed changes' }, cause);
  }
  return undefined;
}

/** The statement goes out: it is scored, its claims are said in public, and its effects follow. */
function publish(tx: Transition, statement: Statement, progress: StatementProgress, draft: Draft, cause: Cause): void {
  const { index, state } = tx;
  const room = index.postRoom.get(statement.post)!;
  const verdict = judgeDraft(index, state, room, statement, draft);
  progress.publishedAt = state.clock;
  progress.published = draft;
  emit(tx, {
    type: 'statementPublished',
    post: statement.post,
    statement: statement.id,
    lines: { ...draft.lines },
    claims: verdict.claims,
    missing: verdict.missing,
    open: verdict.open,
    tone: draft.tone,
  });
  for (const line of verdict.scores) changeScore(tx, line.dim, line.delta, line.reason, cause);
  sayClaims(tx, room, draft.claims, 'statement', cause);
  coolFeed(tx, verdict.claims.filter((c) => c.status === 'confirmed' && index.claims.get(c.claim)!.accurate).map((c) => index.claims.get(c.claim)!.topic));
  for (const element of LINE_ELEMENTS) {
    const chosen = draft.lines[element];
    if (chosen !== undefined) applyEffects(tx, statement.lines[element]!.find((l) => l.id === chosen)!.effects, { room, cause });
  }
  applyEffects(tx, statement.onPublish, { room, cause });
  if (verdict.claims.some((c) => c.status !== 'confirmed')) applyEffects(tx, statement.onRisky, { room, cause });
}
