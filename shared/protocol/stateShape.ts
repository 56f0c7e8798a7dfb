// The synchronised state every participant of a drill receives, defined once: the server builds
// its @colyseus/schema classes from these field maps (server/state/DrillSchema.ts) and the client
// and the benchmarks read the plain types derived from them. Private panels are not part of it:
// each post's panel travels as a `panel` message to the people who may see it.

/** A schema field type, as @colyseus/schema spells it. float64: a fractional `number` would be encoded as float32. */
type FieldType = 'string' | 'number' | 'boolean' | 'float64';
type Plain<F extends Record<string, FieldType>> = { -readonly [K in keyof F]: F[K] extends 'string' ? string : F[K] extends 'boolean' ? boolean : number };

export const DRILL_FIELDS = {
  code: 'string',
  mode: 'string',
  scenario: 'string',
  team: 'string',
  /** lobby, running, paused, ended, failed or abandoned. */
  phase: 'string',
  /** Scenario clock, seconds since 00:00. */
  clock: 'number',
  speed: 'float64',
  ending: 'string',
} as const satisfies Record<string, FieldType>;

export const SCORE_FIELDS = {
  trust: 'float64',
  reputation: 'float64',
  compliance: 'float64',
  continuity: 'float64',
  timeliness: 'float64',
  coordination: 'float64',
  total: 'float64',
} as const satisfies Record<string, FieldType>;

/** Who holds a post: `kind` human, trainer or bot; during a reconnection window `connected` is false. */
export const SEAT_FIELDS = { post: 'string', room: 'string', holder: 'string', kind: 'string', skill: 'string', connected: 'boolean', ready: 'boolean' } as const satisfies Record<string, FieldType>;

/** What anyone may see of a room: how many wait there, and how many of them are angry. */
export const ROOM_FIELDS = { id: 'string', type: 'string', waiting: 'number', angry: 'number' } as const satisfies Record<string, FieldType>;

/** A duty: its status, and its deadline in scenario seconds (0 while it has none yet). */
export const DUTY_FIELDS = { id: 'string', post: 'string', status: 'string', deadline: 'number' } as const satisfies Record<string, FieldType>;

export type SeatStateJson = Plain<typeof SEAT_FIELDS>;
export type RoomStateJson = Plain<typeof ROOM_FIELDS>;
export type DutyStateJson = Plain<typeof DUTY_FIELDS>;
export type ScoresJson = Plain<typeof SCORE_FIELDS>;

/** The state as plain data (`room.state.toJSON()`): maps become objects keyed by id. */
export interface DrillStateJson extends Plain<typeof DRILL_FIELDS> {
  scores: ScoresJson;
  seats: Record<string, SeatStateJson>;
  rooms: Record<string, RoomStateJson>;
  expected: Record<string, DutyStateJson>;
  /** Names of the players in the drill without a post. */
  unseated: string[];
}
