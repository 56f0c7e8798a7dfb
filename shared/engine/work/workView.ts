import type { Draft } from '../../protocol/statementIntents.js';
import type { ComposerView, PublishedView, ReviewView, WorkView } from '../../protocol/workPanel.js';
import { LINE_ELEMENTS, TONES } from '../../scenario/work/statements.js';
import { holds } from '../conditions.js';
import type { DrillState } from '../drillState.js';
import { seededShuffle as seeded } from '../shownOrder.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { claimStatus, claimsOf } from './claims.js';
import { floorViewFor, inboxViewFor, phoneViewFor } from './roomWorkView.js';

export type { ClaimView, ComposerView, PublishedView, ReviewView, WorkView } from '../../protocol/workPanel.js';

/** The rooms' own work as one post sees it; undefined in a drill without any. */
export function workViewFor(index: ScenarioIndex, state: DrillState, post: string): WorkView | undefined {
  const work = state.work;
  if (!work) return undefined;
  const room = index.postRoom.get(post)!;
  const claims = seeded(state.seed, `claims:${room}`, claimsOf(index, state, room)).map(({ claim, status }) => ({ id: claim.id, topic: claim.topic, text: claim.text, status }));
  const composing: ComposerView[] = [];
  const reviews: ReviewView[] = [];
  const published: PublishedView[] = [];
  for (const statement of index.scenario.statements) {
    const progress = work.statements[statement.id]!;
    if (progress.publishedAt !== undefined) {
      published.push({ statement: statement.id, title: statement.title, at: progress.publishedAt, ...draftText(index, statement.id, progress.published!) });
    }
    if (statement.post === post && (progress.publishedAt !== undefined || !statement.opens || holds({ index, state }, statement.opens, { room }))) {
      composing.push({
        id: statement.id,
        title: statement.title,
        ...(statement.approver && { approver: statement.approver }),
        status: progress.publishedAt !== undefined ? 'published' : progress.pending ? 'pending' : 'drafting',
        returned: progress.returned,
        lines: Object.fromEntries(
          LINE_ELEMENTS.filter((e) => statement.lines[e]).map((e) => [e, seeded(state.seed, `statement:${statement.id}:${e}`, statement.lines[e]!.map((c) => ({ id: c.id, text: c.text })))]),
        ),
        questions: statement.topics.map((t) => ({ topic: t.topic, question: t.question })),
        tones: seeded(state.seed, `tone:${statement.id}`, TONES),
      });
    }
    if (statement.approver === post && progress.pending) {
      const { draft, at } = progress.pending;
      const text = draftText(index, statement.id, draft);
      reviews.push({
        statement: statement.id,
        title: statement.title,
        author: statement.post,
        since: at,
        lines: text.lines,
        claims: draft.claims.map((id) => {
          const claim = index.claims.get(id)!;
          return { id, topic: claim.topic, text: claim.text, status: claimStatus(state, claim, room) };
        }),
        tone: draft.tone,
      });
    }
  }
  const phone = phoneViewFor(index, state, post);
  const inbox = inboxViewFor(index, state, post);
  const floor = floorViewFor(index, state, post);
  return { claims, composing, reviews, published, ...(phone && { phone }), ...(inbox && { inbox }), ...(floor && { floor }) };
}

function draftText(index: ScenarioIndex, statementId: string, draft: Draft) {
  const statement = index.statements.get(statementId)!;
  return {
    lines: LINE_ELEMENTS.filter((e) => draft.lines[e] !== undefined).map((element) => ({ element, text: statement.lines[element]!.find((c) => c.id === draft.lines[element])!.text })),
    claims: draft.claims.map((id) => ({ id, text: index.claims.get(id)!.text })),
    tone: draft.tone,
  };
}
