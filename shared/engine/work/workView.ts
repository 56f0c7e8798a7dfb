import type { Draft } from '../../protocol/statementIntents.js';
import type { BoardView, ComposerView, FeedItemView, PublishedView, ReportView, ReviewView, WorkView } from '../../protocol/workPanel.js';
import { reportOpen } from './reports.js';
import { boardOption, boardOptions, boardRefusal, boardRoom, freeStaff } from './opsBoard.js';
import { BOARD_KINDS } from '../../scenario/work/opsBoard.js';
import type { BoardKind } from '../../scenario/schema.js';
import type { Statement } from '../../scenario/schema.js';
import { FEED_ACTIONS, type FeedAction } from '../../scenario/work/feed.js';
import { feedActionRefusal, heatOf } from './feed.js';
import { MINUTE } from '../../scenario/clockTime.js';
import { LINE_ELEMENTS, TONES } from '../../scenario/work/statements.js';
import { holds } from '../conditions.js';
import type { DrillState } from '../drillState.js';
import { seededShuffle } from '../shownOrder.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { claimStatus, hasHeard } from './claims.js';
import { floorViewFor, inboxViewFor, phoneViewFor } from './roomWorkView.js';

export type { ClaimView, ComposerView, FeedItemView, PublishedView, ReportView, ReviewView, WorkView } from '../../protocol/workPanel.js';

/**
 * The seeded orders of a drill's lists, kept per drill state: they depend only on the seed and
 * the list, and bots ask for their view hundreds of times a drill.
 */
const ordersByDrill = new WeakMap<DrillState, Map<string, number[]>>();

function seeded<T>(state: DrillState, label: string, items: readonly T[]): T[] {
  let orders = ordersByDrill.get(state);
  if (!orders) ordersByDrill.set(state, (orders = new Map()));
  const key = `${label}#${items.length}`;
  let order = orders.get(key);
  if (!order) orders.set(key, (order = seededShuffle(state.seed, label, items.map((_, i) => i))));
  return order.map((i) => items[i]!);
}

type ComposerParts = Omit<ComposerView, 'status' | 'returned'>;
const composersByDrill = new WeakMap<DrillState, Map<string, ComposerParts>>();

/** What the composer shows of a statement that never changes in a drill: its lists, in their seeded orders. Built once per drill. */
function composerOf(state: DrillState, statement: Statement): ComposerParts {
  let composers = composersByDrill.get(state);
  if (!composers) composersByDrill.set(state, (composers = new Map()));
  let parts = composers.get(statement.id);
  if (!parts) {
    parts = {
      id: statement.id,
      title: statement.title,
      ...(statement.approver && { approver: statement.approver }),
      lines: Object.fromEntries(
        LINE_ELEMENTS.filter((e) => statement.lines[e]).map((e) => [e, seeded(state, `statement:${statement.id}:${e}`, statement.lines[e]!.map((c) => ({ id: c.id, text: c.text })))]),
      ),
      questions: statement.topics.map((t) => ({ topic: t.topic, question: t.question })),
      tones: seeded(state, `tone:${statement.id}`, TONES),
    };
    composers.set(statement.id, parts);
  }
  return parts;
}

/** The claims this post's room has heard of, in the drill's order, each with its status there. */
function claimsView(index: ScenarioIndex, state: DrillState, room: string): WorkView['claims'] {
  return seeded(state, `claims:${room}`, index.scenario.claims)
    .filter((claim) => hasHeard(state, claim, room))
    .map((claim) => ({ id: claim.id, topic: claim.topic, text: claim.text, status: claimStatus(state, claim, room) }));
}

/** Every statement published so far, as published. */
function publishedView(index: ScenarioIndex, state: DrillState): PublishedView[] {
  const published: PublishedView[] = [];
  for (const statement of index.scenario.statements) {
    const progress = state.work!.statements[statement.id]!;
    if (progress.publishedAt !== undefined) {
      published.push({ statement: statement.id, title: statement.title, at: progress.publishedAt, ...draftText(index, statement.id, progress.published!) });
    }
  }
  return published;
}

/** The statements this post writes that are open to compose now, or already out. */
function composingView(index: ScenarioIndex, state: DrillState, post: string, room: string): ComposerView[] {
  const composing: ComposerView[] = [];
  for (const statement of index.scenario.statements) {
    if (statement.post !== post) continue;
    const progress = state.work!.statements[statement.id]!;
    if (progress.publishedAt !== undefined || !statement.opens || holds({ index, state }, statement.opens, { room })) {
      composing.push({
        ...composerOf(state, statement),
        status: progress.publishedAt !== undefined ? 'published' : progress.pending ? 'pending' : 'drafting',
        returned: progress.returned,
      });
    }
  }
  return composing;
}

/** The drafts waiting for this post's approval. */
function reviewsView(index: ScenarioIndex, state: DrillState, post: string, room: string): ReviewView[] {
  const reviews: ReviewView[] = [];
  for (const statement of index.scenario.statements) {
    const progress = state.work!.statements[statement.id]!;
    if (statement.approver !== post || !progress.pending) continue;
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
  return reviews;
}

/** The reports this post files that are open now or filed. */
function reportsView(index: ScenarioIndex, state: DrillState, post: string, room: string): ReportView[] {
  const reports: ReportView[] = [];
  for (const report of index.scenario.reports) {
    if (report.post !== post) continue;
    const filed = state.work!.reports[report.id];
    if (!filed && !reportOpen(index, state, report)) continue;
    reports.push({
      id: report.id,
      title: report.title,
      filedAt: filed?.filedAt ?? null,
      fields: report.fields.map((f) => ({
        id: f.id,
        label: f.label,
        options: seeded(state, `report:${report.id}:${f.id}`, f.claims).map((id) => {
          const claim = index.claims.get(id)!;
          return { id, topic: claim.topic, text: claim.text, status: claimStatus(state, claim, room) };
        }),
        filed: filed ? filed.fields[f.id]! : null,
      })),
    });
  }
  return reports;
}

/** The rooms' own work as one post sees it; undefined in a drill without any. */
export function workViewFor(index: ScenarioIndex, state: DrillState, post: string): WorkView | undefined {
  if (!state.work) return undefined;
  const room = index.postRoom.get(post)!;
  const phone = phoneViewFor(index, state, post);
  const inbox = inboxViewFor(index, state, post);
  const floor = floorViewFor(index, state, post);
  return {
    claims: claimsView(index, state, room),
    composing: composingView(index, state, post, room),
    reviews: reviewsView(index, state, post, room),
    published: publishedView(index, state),
    feed: room === newsroom(index) ? feedView(index, state) : [],
    reports: reportsView(index, state, post, room),
    board: room === boardRoom(index) ? boardView(index, state) : null,
    ...(phone && { phone }),
    ...(inbox && { inbox }),
    ...(floor && { floor }),
  };
}

/**
 * The same view, each part built only when first read. Bots read a few parts and stop at the
 * first move they find, hundreds of times a drill, so most parts of most of their views are never
 * needed. Read it at once: a part read after the drill moved on would show the drill as it is then.
 * The parts are getters of a class (not properties defined one by one), which keeps every such
 * view the same shape for the JIT; spreading it or JSON would see none of them, and bots do neither.
 */
class LazyWorkView implements WorkView {
  #claims?: WorkView['claims'];
  #composing?: WorkView['composing'];
  #reviews?: WorkView['reviews'];
  #published?: WorkView['published'];
  #feed?: WorkView['feed'];
  #reports?: WorkView['reports'];
  #board?: WorkView['board'];
  #phone?: WorkView['phone'] | null;
  #inbox?: WorkView['inbox'] | null;
  #floor?: WorkView['floor'] | null;

  constructor(
    private readonly index: ScenarioIndex,
    private readonly state: DrillState,
    private readonly post: string,
    private readonly room: string,
  ) {}

  get claims() {
    return (this.#claims ??= claimsView(this.index, this.state, this.room));
  }
  get composing() {
    return (this.#composing ??= composingView(this.index, this.state, this.post, this.room));
  }
  get reviews() {
    return (this.#reviews ??= reviewsView(this.index, this.state, this.post, this.room));
  }
  get published() {
    return (this.#published ??= publishedView(this.index, this.state));
  }
  get feed() {
    return (this.#feed ??= this.room === newsroom(this.index) ? feedView(this.index, this.state) : []);
  }
  get reports() {
    return (this.#reports ??= reportsView(this.index, this.state, this.post, this.room));
  }
  get board() {
    if (this.#board === undefined) this.#board = this.room === boardRoom(this.index) ? boardView(this.index, this.state) : null;
    return this.#board;
  }
  get phone() {
    if (this.#phone === undefined) this.#phone = phoneViewFor(this.index, this.state, this.post) ?? null;
    return this.#phone ?? undefined;
  }
  get inbox() {
    if (this.#inbox === undefined) this.#inbox = inboxViewFor(this.index, this.state, this.post) ?? null;
    return this.#inbox ?? undefined;
  }
  get floor() {
    if (this.#floor === undefined) this.#floor = floorViewFor(this.index, this.state, this.post) ?? null;
    return this.#floor ?? undefined;
  }
}

export function lazyWorkViewFor(index: ScenarioIndex, state: DrillState, post: string): WorkView | undefined {
  if (!state.work) return undefined;
  return new LazyWorkView(index, state, post, index.postRoom.get(post)!);
}

const newsroom = (index: ScenarioIndex) => index.scenario.rooms.find((r) => r.type === 'newsroom')?.id;

function feedView(index: ScenarioIndex, state: DrillState): FeedItemView[] {
  const out: FeedItemView[] = [];
  for (const id in state.work!.feed) {
    const item = index.feedItems.get(id)!;
    const progress = state.work!.feed[id]!;
    out.push({
      id,
      author: item.author,
      text: item.text,
      postedAt: progress.postedAt,
      heat: Math.round(heatOf(item, progress, state.clock)),
      threshold: item.threshold,
      rising: item.growth > 0 && !progress.blewUp && !progress.settled,
      blewUp: progress.blewUp === true,
      done: progress.actions as FeedAction[],
      actions: seeded(state, `feed:${id}`, FEED_ACTIONS),
      blocked: Object.fromEntries(FEED_ACTIONS.flatMap((a) => {
        const refusal = feedActionRefusal(state.work!, progress, a);
        return refusal ? [[a, refusal.rejection.code]] : [];
      })),
    });
  }
  return out.sort((a, b) => b.postedAt - a.postedAt || (a.id < b.id ? -1 : 1));
}

function boardView(index: ScenarioIndex, state: DrillState): BoardView | null {
  const board = index.scenario.board;
  const progress = state.work!.board;
  if (!board || !progress) return null;
  const text = (kind: BoardKind, id: string) => boardOption(board, kind, id)!.text;
  const all = BOARD_KINDS.flatMap((kind) => boardOptions(board, kind).map((o) => ({ kind, o })));
  return {
    staff: board.staff,
    free: freeStaff(board, progress),
    running: progress.jobs.map((j) => ({ kind: j.kind, id: j.id, text: text(j.kind, j.id), startedAt: j.startedAt, doneAt: j.doneAt, staff: j.staff })),
    done: progress.done.map((d) => ({ kind: d.kind, id: d.id, text: text(d.kind, d.id), at: d.at, ...(d.ok !== undefined && { ok: d.ok }) })),
    level: progress.level ?? null,
    groups: [...progress.groups],
    options: seeded(state, 'board', all).map(({ kind, o }) => ({
      kind,
      id: o.id,
      text: o.text,
      // Scenario durations are held in seconds; the board shows minutes.
      ...('minutes' in o && { minutes: Math.round(o.minutes / MINUTE) }),
      staff: 'staff' in o ? o.staff : 0,
      blocked: boardRefusal(index, state, kind, o.id)?.rejection.code ?? null,
    })),
  };
}

function draftText(index: ScenarioIndex, statementId: string, draft: Draft) {
  const statement = index.statements.get(statementId)!;
  return {
    lines: LINE_ELEMENTS.filter((e) => draft.lines[e] !== undefined).map((element) => ({ element, text: statement.lines[element]!.find((c) => c.id === draft.lines[element])!.text })),
    claims: draft.claims.map((id) => ({ id, text: index.claims.get(id)!.text })),
    tone: draft.tone,
  };
}
