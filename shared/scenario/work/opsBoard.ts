import { z } from 'zod';
import { ChoiceSchema, ConditionSchema, EffectSchema, IdSchema, type Effect } from '../parts.js';
import { MinutesSchema } from '../clockTime.js';

/** What starting an option does at once (`effects`), and when it may be started (`requires`). */
const Startable = { requires: ConditionSchema.optional(), effects: z.array(EffectSchema).default([]) };
const Staff = z.number().int().min(0).max(20);

/**
 * The incident board of the ops room: a team of `staff` people to put on investigations (which
 * run in parallel, take time and reveal what they find), fixes (one at a time; each succeeds with
 * its chance, drawn from the drill's seed), the emergency level, working groups (which keep their
 * people) and units sent out (which arrive after a while). Every option is judged by the
 * procedure like a response: quality and note.
 */
export const OpsBoardSchema = z.strictObject({
  staff: z.number().int().min(1).max(20),
  /** From when the board can be used; from the start without it. */
  opens: ConditionSchema.optional(),
  /**
   * Investigations with one `goal` are alternative ways to find the same thing: starting one
   * rules out the others. Without a goal an investigation stands alone.
   */
  investigations: z.array(ChoiceSchema.extend({ ...Startable, goal: IdSchema.optional(), minutes: MinutesSchema, staff: Staff, done: z.array(EffectSchema).min(1) })).default([]),
  fixes: z
    .array(
      ChoiceSchema.extend({
        ...Startable,
        minutes: MinutesSchema,
        staff: Staff,
        /** Per cent chance that it works. */
        chance: z.number().int().min(0).max(100),
        success: z.array(EffectSchema).min(1),
        failure: z.array(EffectSchema).default([]),
      }),
    )
    .default([]),
  levels: z.array(ChoiceSchema.extend(Startable)).default([]),
  groups: z.array(ChoiceSchema.extend({ ...Startable, staff: Staff })).default([]),
  dispatch: z.array(ChoiceSchema.extend({ ...Startable, minutes: MinutesSchema, staff: Staff, arrival: z.array(EffectSchema).min(1) })).default([]),
});
export type OpsBoard = z.infer<typeof OpsBoardSchema>;
export const BOARD_KINDS = ['investigation', 'fix', 'level', 'group', 'dispatch'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export type BoardOptionData =
  | OpsBoard['investigations'][number]
  | OpsBoard['fixes'][number]
  | OpsBoard['levels'][number]
  | OpsBoard['groups'][number]
  | OpsBoard['dispatch'][number];

/** The board's lists by their names in the file. */
export function boardLists(board: OpsBoard): Record<'investigations' | 'fixes' | 'levels' | 'groups' | 'dispatch', readonly BoardOptionData[]> {
  return { investigations: board.investigations, fixes: board.fixes, levels: board.levels, groups: board.groups, dispatch: board.dispatch };
}

/** Every list of effects an option has, by its key: on start, and when it finishes (found, worked or not, arrived). */
export function effectListsOf(o: BoardOptionData): [string, Effect[]][] {
  const out: [string, Effect[]][] = [['effects', o.effects]];
  if ('done' in o) out.push(['done', o.done]);
  if ('success' in o) out.push(['success', o.success], ['failure', o.failure]);
  if ('arrival' in o) out.push(['arrival', o.arrival]);
  return out;
}
