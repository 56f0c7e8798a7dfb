import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { IdSchema, type Scenario } from '../scenario/schema.js';
import { LevelSchema } from '../scenario/levels.js';

/**
 * One entry of GET /api/scenarios: what a menu, a lobby or a board shows of a scenario, and
 * nothing of its rules. The server builds each entry with `scenarioSummary` and the client
 * checks the list with this schema. Times are scenario seconds since 00:00.
 */
export const ScenarioSummarySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  title: TextSchema,
  summary: TextSchema,
  briefing: TextSchema,
  clock: z.object({ start: z.number().int(), end: z.number().int(), compression: z.number() }),
  /** The simulator's median totals of novice and expert teams at each level, as last measured (null if not measured on this version). */
  levels: z.record(LevelSchema, z.object({ novice: z.number(), expert: z.number() })).nullable(),
  rooms: z.array(z.object({ id: IdSchema, type: z.string(), name: TextSchema })),
  posts: z.array(z.object({ id: IdSchema, room: IdSchema, name: TextSchema, brief: TextSchema })),
  // Duties are public (the ops board lists them); their procedures stay for the debrief.
  expected: z.array(z.object({ id: IdSchema, post: IdSchema, title: TextSchema })),
  endings: z.array(z.object({ id: IdSchema, outcome: z.string(), title: TextSchema, summary: TextSchema })),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ScenarioListSchema = z.array(ScenarioSummarySchema);

/** The list entry of a loaded scenario. */
export function scenarioSummary(s: Scenario, levels: ScenarioSummary['levels'] = null): ScenarioSummary {
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    summary: s.summary,
    briefing: s.briefing,
    clock: s.clock,
    levels,
    rooms: s.rooms.map((r) => ({ id: r.id, type: r.type, name: r.name })),
    posts: s.posts.map((p) => ({ id: p.id, room: p.room, name: p.name, brief: p.brief })),
    expected: s.expected.map((x) => ({ id: x.id, post: x.post, title: x.title })),
    endings: s.endings.map((e) => ({ id: e.id, outcome: e.outcome, title: e.title, summary: e.summary })),
  };
}
