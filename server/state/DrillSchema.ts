import { schema, type SchemaType } from '@colyseus/schema';

// The synchronised mirror of a drill. Defined with schema() rather than decorators, which the
// Oxc transform used by Vite/Vitest does not compile the way @colyseus/schema expects.
// Texts travel in both languages so that a client can switch language mid-drill.
//
// Lists nested inside items of a view-filtered collection (the responses of an NPC card in a
// post's panel) did not reach clients with @colyseus/schema 3.0.76's StateView when the items
// were added after the view was set: the items arrived, their inner lists stayed empty. Those
// small inner lists therefore travel as JSON strings; test/server covers that they arrive.

export const NpcCard = schema(
  {
    id: 'string',
    archetype: 'string',
    kind: 'string',
    nameZh: 'string',
    nameEn: 'string',
    mood: 'number',
    openedAt: 'number',
    expiresAt: 'number',
    interaction: 'string',
    promptZh: 'string',
    promptEn: 'string',
    /** JSON of ResponseOption[] (see the note on nested lists above). */
    responses: 'string',
  },
  'NpcCard',
);
export type NpcCard = SchemaType<typeof NpcCard>;

/** A fact the post's room knows; `unknownTo` is a JSON array of the rooms that do not. */
export const KnownFact = schema({ id: 'string', zh: 'string', en: 'string', unknownTo: 'string' }, 'KnownFact');

/** One post's private view: who waits in its room and what its room knows. */
export const PostPanel = schema({ post: 'string', room: 'string', waiting: [NpcCard], facts: [KnownFact] }, 'PostPanel');
export type PostPanel = SchemaType<typeof PostPanel>;

/** One answer on offer, as carried (JSON) in NpcCard.responses, in the order shown. */
export interface ResponseOption {
  id: string;
  zh: string;
  en: string;
  available: boolean;
  /** While it is locked: why, in each language. */
  lockZh?: string;
  lockEn?: string;
}

export const SeatState = schema(
  { post: 'string', room: 'string', holder: 'string', kind: 'string', skill: 'string', connected: 'boolean', ready: 'boolean' },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const RoomStatus = schema({ id: 'string', type: 'string', waiting: 'number', angry: 'number' }, 'RoomStatus');

export const ExpectedState = schema({ id: 'string', post: 'string', status: 'string', deadline: 'number' }, 'ExpectedState');

/**
 * float64 rather than 'number': @colyseus/schema encodes a fractional 'number' as float32, so a
 * total of 64.2 would reach clients as 64.19999694824219.
 */
export const Scoreboard = schema(
  { trust: 'float64', reputation: 'float64', compliance: 'float64', continuity: 'float64', timeliness: 'float64', coordination: 'float64', total: 'float64' },
  'Scoreboard',
);

export const DrillSchema = schema(
  {
    code: 'string',
    mode: 'string',
    scenario: 'string',
    team: 'string',
    /** lobby, running, paused, ended or failed. */
    phase: 'string',
    /** Scenario clock, seconds since 00:00. */
    clock: 'number',
    speed: 'number',
    ending: 'string',
    scores: Scoreboard,
    seats: { map: SeatState },
    rooms: { map: RoomStatus },
    expected: { map: ExpectedState },
    /** Private per post: a client sees only the panel of its own post (the trainer sees all). */
    panels: { map: PostPanel, view: true },
    /** Names of people in the drill without a post (waiting to take one). */
    unseated: ['string'],
  },
  'DrillSchema',
);
export type DrillSchema = SchemaType<typeof DrillSchema>;
