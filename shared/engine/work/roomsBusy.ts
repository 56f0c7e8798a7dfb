import type { DrillState } from '../drillState.js';
import type { ScenarioIndex } from '../scenarioIndex.js';
import { reportOpen } from './reports.js';
import { statementFor } from './statements.js';
import { blowUpAt } from './feed.js';

/**
 * Which rooms have something to do right now: someone waiting for an answer, a statement open
 * and not yet out, a draft waiting for its approver, a post in the feed still spreading, a report
 * open and not filed. The simulator samples it to print how much of a drill each room is busy.
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
  for (const report of index.scenario.reports) {
    if (!work.reports[report.id] && reportOpen(index, state, report)) busy.add(index.postRoom.get(report.post)!);
  }
  return busy;
}
