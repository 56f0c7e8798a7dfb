import type { DrillStateJson, DutyStateJson, RoomStateJson, ScoresJson, SeatStateJson } from './stateShape.js';

/** The synchronised state's own fields (code, phase, clock…), as plain values. */
export type DrillFields = Omit<DrillStateJson, 'scores' | 'seats' | 'rooms' | 'expected' | 'unseated'>;

/**
 * One change to the synchronised state, as plain data: a field, the scores, one entry of a map
 * (null when it went away), or the list of players without a post. The client's network layer
 * reports these from the schema's change callbacks; its view applies them.
 */
export type StateChange =
  | { kind: 'field'; field: keyof DrillFields; value: DrillFields[keyof DrillFields] }
  | { kind: 'scores'; scores: ScoresJson }
  | { kind: 'seat'; key: string; value: SeatStateJson | null }
  | { kind: 'room'; key: string; value: RoomStateJson | null }
  | { kind: 'duty'; key: string; value: DutyStateJson | null }
  | { kind: 'unseated'; names: string[] };
