import { schema, type SchemaType } from '@colyseus/schema';
import { DRILL_FIELDS, DUTY_FIELDS, ROOM_FIELDS, SCORE_FIELDS, SEAT_FIELDS } from '../../shared/protocol/stateShape.js';

// The synchronised mirror of a drill, built from the one definition of its shape
// (shared/protocol/stateShape.ts). Defined with schema() rather than decorators, which the Oxc
// transform used by Vite/Vitest does not compile the way @colyseus/schema expects. Everyone in the
// drill receives all of it; what is private to a post goes out as `panel` messages instead.

export const SeatState = schema({ ...SEAT_FIELDS }, 'SeatState');
export type SeatState = SchemaType<typeof SeatState>;

export const RoomStatus = schema({ ...ROOM_FIELDS }, 'RoomStatus');

export const ExpectedState = schema({ ...DUTY_FIELDS }, 'ExpectedState');

export const Scoreboard = schema({ ...SCORE_FIELDS }, 'Scoreboard');

export const DrillSchema = schema(
  {
    ...DRILL_FIELDS,
    scores: Scoreboard,
    seats: { map: SeatState },
    rooms: { map: RoomStatus },
    expected: { map: ExpectedState },
    unseated: ['string'],
  },
  'DrillSchema',
);
export type DrillSchema = SchemaType<typeof DrillSchema>;
