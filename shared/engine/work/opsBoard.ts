import type { IntentOf } from '../../protocol/intents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { BoardKind, OpsBoard } from '../../scenario/schema.js';
import { holds } from '../conditions.js';
import type { Cause, DrillState } from '../drillState.js';
import { applyEffects } from '../effects.js';
import { derivedGenerator, nextRandom } from '../rng.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { emit, type Transition } from '../transition.js';
import type { BoardJob, BoardState } from './workState.js';
import { boardLists, type BoardOptionData } from '../../scenario/work/opsBoard.js';

type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });

export type BoardOption = BoardOptionData;

const LISTS = { investigation: 'investigations', fix: 'fixes', level: 'levels', group: 'groups', dispatch: 'dispatch' } as const;

/** The board's options of one kind, in the file's order. */
export function boardOptions(board: OpsBoard, kind: BoardKind): readonly BoardOption[] {
  return boardLists(board)[LISTS[kind]];
}

export function boardOption(board: OpsBoard, kind: BoardKind, id: string): BoardOption | undefined {
  return boardOptions(board, kind).find((o) => o.id === id);
}

const staffOf = (o: BoardOption) => ('staff' in o ? o.staff : 0);

/** People free to put on something new: the room's staff less those on running jobs and committed for good. */
export function freeStaff(board: OpsBoard, progress: BoardState): number {
  return board.staff - progress.committed - progress.jobs.reduce((n, j) => n + j.staff, 0);
}

export function boardRoom(index: ScenarioIndex): string | undefined {
  return index.scenario.rooms.find((r) => r.type === 'ops')?.id;
}

/** Why the option cannot be started now, or undefined if it can. */
export function boardRefusal(index: ScenarioIndex, state: DrillState, kind: BoardKind, id: string): Refusal | undefined {
  const board = index.scenario.board!;
  const progress = state.work!.board!;
  const room = boardRoom(index)!;
  if (board.opens && !holds({ index, state }, board.opens, { room })) return refuse('not-available', 'the incident board is not in use yet');
  const option = boardOption(board, kind, id);
  if (!option) return refuse('unknown-option', `the board has no ${kind} "${id}"`);
  const running = progress.jobs.some((j) => j.kind === kind && j.id === id);
  const finished = progress.done.some((d) => d.kind === kind && d.id === id);
  if (running) return refuse('already-running', `${kind} "${id}" is already running`);
  if (finished || (kind === 'group' && progress.groups.includes(id)) || (kind === 'level' && progress.level === id)) return refuse('already-done', `${kind} "${id}" was already done`);
  const goal = kind === 'investigation' ? (option as OpsBoard['investigations'][number]).goal : undefined;
  if (goal !== undefined) {
    const taken = [...progress.jobs, ...progress.done].some((j) => j.kind === 'investigation' && j.id !== id && board.investigations.find((i) => i.id === j.id)?.goal === goal);
    if (taken) return refuse('already-done', `another way to ${goal} is already under way or done`);
  }
  if (kind === 'fix' && progress.jobs.some((j) => j.kind === 'fix')) return refuse('already-running', 'a fix is already running: one at a time');
  if (kind === 'fix' && progress.done.some((d) => d.kind === 'fix' && d.ok)) return refuse('already-done', 'the system is already fixed');
  if (option.requires && !holds({ index, state }, option.requires, { room })) return refuse('not-available', `${kind} "${id}" is not possible yet`);
  if (staffOf(option) > freeStaff(board, progress)) return refuse('no-staff', `"${id}" needs ${staffOf(option)} people; ${freeStaff(board, progress)} are free`);
  return undefined;
}

/** The ops room starts an option of its board. */
export function startOnBoard(tx: Transition, post: string, intent: IntentOf<'board'>): Refusal | undefined {
  const { index, state } = tx;
  if (!index.scenario.board || !state.work?.board) return refuse('not-available', 'this drill has no incident board');
  const room = index.postRoom.get(post)!;
  if (room !== boardRoom(index)) return refuse('not-your-room', 'only the ops room works the incident board');
  const refused = boardRefusal(index, state, intent.kind, intent.option);
  if (refused) return refused;
  const board = index.scenario.board;
  const progress = state.work.board;
  const option = boardOption(board, intent.kind, intent.option)!;
  const cause: Cause = { kind: 'board', post, option: `${intent.kind}:${option.id}` };
  if (intent.kind === 'level') progress.level = option.id;
  if (intent.kind === 'group') {
    progress.groups.push(option.id);
    progress.committed += staffOf(option);
  }
  let job: BoardJob | undefined;
  if ('minutes' in option) {
    job = { kind: intent.kind as BoardJob['kind'], id: option.id, startedAt: state.clock, doneAt: state.clock + option.minutes, staff: staffOf(option) };
    const i = progress.jobs.findIndex((j) => j.doneAt > job!.doneAt);
    progress.jobs.splice(i === -1 ? progress.jobs.length : i, 0, job);
  }
  emit(tx, { type: 'boardStarted', room, post, kind: intent.kind, option: option.id, ...(job && { doneAt: job.doneAt }), free: freeStaff(board, progress) });
  applyEffects(tx, option.effects, { room, cause });
  return undefined;
}

/** The first job due to finish, if any. */
export function nextJob(state: DrillState): BoardJob | undefined {
  return state.work?.board?.jobs[0];
}

/**
 * A job finished: an investigation brings what it found, a fix works or not (by its chance, from
 * the drill's seed, so every team on a seed gets the same luck), a unit arrives. Its people are
 * free again, except a unit's, who stay at the branch.
 */
export function finishJob(tx: Transition): void {
  const { index, state } = tx;
  const board = index.scenario.board!;
  const progress = state.work!.board!;
  const job = progress.jobs.shift()!;
  const option = boardOption(board, job.kind, job.id)!;
  const room = boardRoom(index)!;
  const cause: Cause = { kind: 'board', option: `${job.kind}:${job.id}` };
  if (job.kind === 'dispatch') progress.committed += job.staff;
  let ok: boolean | undefined;
  if (job.kind === 'fix') {
    const attempt = progress.done.filter((d) => d.kind === 'fix').length;
    const fix = option as OpsBoard['fixes'][number];
    ok = nextRandom(derivedGenerator(state.seed, `fix:${job.id}:${attempt}`)) * 100 < fix.chance;
  }
  progress.done.push({ kind: job.kind, id: job.id, at: state.clock, ...(ok !== undefined && { ok }) });
  emit(tx, { type: 'boardDone', room, kind: job.kind, option: job.id, ...(ok !== undefined && { ok }), free: freeStaff(board, progress) });
  const effects = job.kind === 'investigation' ? (option as OpsBoard['investigations'][number]).done
    : job.kind === 'dispatch' ? (option as OpsBoard['dispatch'][number]).arrival
    : ok ? (option as OpsBoard['fixes'][number]).success : (option as OpsBoard['fixes'][number]).failure;
  applyEffects(tx, effects, { room, cause });
}
