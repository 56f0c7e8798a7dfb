import type { DrillState } from '../drillState.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { reportOpen } from './reports.js';
import { statementFor } from './statements.js';
import { blowUpAt } from './feed.js';
import { boardRefusal, boardRoom } from './opsBoard.js';

/**
 * Decisions waiting on the board: a goal nobody has started an investigation for, a fix to choose
 * once the cause is known, the level to set. Working groups and units are choices that may rightly
 * never be made, so they do not count.
 */
function boardHasDecisions(index: ScenarioIndex, state: DrillState): boolean {
  const board = index.scenario.board!;
  const open = (kind: 'investigation' | 'fix' | 'level', id: string) => boardRefusal(index, state, kind, id) === undefined;
  if (state.work!.board!.level === undefined && board.levels.some((l) => open('level', l.id))) return true;
  return board.investigations.some((i) => open('investigation', i.id)) || board.fixes.some((f) => open('fix', f.id));
}

/**
 * Which rooms have something to do right now: someone waiting for an answer, a call in the queue
 * or a ticket or call-back due, an escalation to acknowledge, a customer waiting on the floor, a
 * statement open and not yet out, a draft waiting for its approver, a post in the feed still
 * spreading, a decision waiting on the incident board, a report open and not filed. The simulator samples it to print how much of a drill each room is busy.
 */
export function roomsWithWork(index: ScenarioIndex, state: DrillState): Set<string> {
  const busy = new Set<string>();
  for (const npc of state.npcs) if (npc.status === 'waiting') busy.add(npc.room);
  const work = state.work;
  if (!work) return busy;
  for (const statement of index.scenario.statements) {
    const progress = work.statements[statement.id]!;
    if (progress.pending && statement.approver) busy.add(index.postRoom.get(statement.approver)!);
    else if (!('ok' in statementFor(index, state, statement.post, statement.id, 'author'))) busy.add(index.postRoom.get(statement.post)!);
  }
  for (const id in work.feed) {
    if (blowUpAt(index.feedItems.get(id)!, work.feed[id]!) !== Infinity) busy.add(index.scenario.rooms.find((r) => r.type === 'newsroom')!.id);
  }
  const board = index.scenario.board;
  if (board && work.board && boardHasDecisions(index, state)) busy.add(boardRoom(index)!);
  const phone = work.phone;
  const phoneConfig = index.scenario.phone;
  if (phone && phoneConfig) {
    const wrapping = Object.values(phone.lines).some((l) => l.phase === 'wrapUp');
    if (phone.queue.length > 0 || wrapping || phone.tickets.some((t) => t.status === 'due')) busy.add(phoneConfig.room);
    if (phone.escalations.some((e) => e.status === 'waiting')) busy.add(index.postRoom.get(phoneConfig.inbox)!);
  }
  if (work.floor && index.scenario.floor && work.floor.queue.length > 0) busy.add(index.scenario.floor.room);
  for (const report of index.scenario.reports) {
    if (!work.reports[report.id] && reportOpen(index, state, report)) busy.add(index.postRoom.get(report.post)!);
  }
  return busy;
}
