import { z } from 'zod';
import { SkillSchema } from '../bots/skill.js';
import { IdSchema } from '../scenario/schema.js';
import { ControlSchema, IntentSchema } from './intents.js';
import { LevelSchema } from '../scenario/levels.js';

/** The one room type the server defines: every drill, in every mode, is one of these. */
export const DRILL_ROOM = 'drill';

export const MODES = ['training', 'team', 'solo'] as const;
export const ModeSchema = z.enum(MODES);
export type Mode = z.infer<typeof ModeSchema>;

/** Scenario seconds per real second: 1 is real time, 3600 plays an hour a second (for tests). */
export const SpeedSchema = z.number().min(0.5).max(3600);

const NameSchema = z
  .string()
  .trim()
  .min(1, 'enter a name')
  .max(24, 'use at most 24 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');
export const DisplayNameSchema = NameSchema;

/** A client-chosen number echoed in the reply, so a client can match a refusal to what it sent. */
const Ref = z.number().int().nonnegative().max(2 ** 31).optional();

/** HTTP body of POST /api/drills: creates a drill and says how to join it. */
export const CreateDrillSchema = z.discriminatedUnion('mode', [
  // `level` changes the drill itself (shared/scenario/drawMorning.ts); standard when left out.
  z.strictObject({ mode: z.literal('training'), scenario: IdSchema, speed: SpeedSchema.optional(), level: LevelSchema.optional() }),
  // With `competition`, the server sets seed and speed from the competition (see server/competitions/).
  z.strictObject({ mode: z.literal('team'), scenario: IdSchema, team: NameSchema, speed: SpeedSchema.optional(), level: LevelSchema.optional(), seed: z.number().int().min(0).max(0xffffffff).optional(), competition: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'not a competition id').optional() }),
  z.strictObject({ mode: z.literal('solo'), scenario: IdSchema, post: IdSchema, skill: SkillSchema, speed: SpeedSchema.optional(), level: LevelSchema.optional() }),
]);
export type CreateDrill = z.infer<typeof CreateDrillSchema>;

/** Options of `joinById(code, options)`. */
export const JoinOptionsSchema = z.union([
  z.strictObject({ trainerKey: z.string().min(16).max(64) }),
  z.strictObject({ name: NameSchema, post: IdSchema.optional(), participant: z.string().min(16).max(64).optional() }),
  z.strictObject({ spectate: z.literal(true), trainerKey: z.string().min(16).max(64) }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** A frame over this size closes the connection (WebSocket 1009). */
export const MAX_MESSAGE_BYTES = 4096;

/** Messages a client sends, by type. */
export const CLIENT_MESSAGES = {
  intent: z.strictObject({ ref: Ref, intent: IntentSchema }),
  seat: z.strictObject({ ref: Ref, action: z.enum(['take', 'release']), post: IdSchema }),
  ready: z.strictObject({ ref: Ref, ready: z.boolean() }),
  /** Trainer (or the solo player): start, pause, resume, speed. */
  clock: z.strictObject({ ref: Ref, action: z.enum(['start', 'pause', 'resume', 'speed']), speed: SpeedSchema.optional() }),
  /** Trainer only: changes to the drill itself. */
  control: z.strictObject({ ref: Ref, control: ControlSchema }),
  /** Trainer only: a private hint to one post. */
  hint: z.strictObject({ ref: Ref, post: IdSchema, text: z.string().trim().min(1).max(280) }),
  /**
   * Trainer only: who holds a post. `free` moves the trainee off it (a bot takes over, the trainee
   * stays in the drill without a post); `takeOver` lets the trainer play it; `release` hands the
   * trainer's post back to a bot.
   */
  post: z.strictObject({ ref: Ref, action: z.enum(['free', 'takeOver', 'release']), post: IdSchema }),
  /**
   * A line of team chat. `channel` is "team", a post id (the pair channel between your post and
   * that one) or a pair channel written out ("a~b": the trainer's way to reach any pair). Only the
   * types are checked here: the channel and the text are judged by shared/session/chatRules.ts,
   * which gives each refusal its own code.
   */
  chat: z.strictObject({ ref: Ref, channel: z.string().max(200), text: z.string().max(MAX_MESSAGE_BYTES) }),
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

/**
 * Whether a message type is one of ours. By own keys only: `type in CLIENT_MESSAGES` is true for
 * "toString", "constructor" and every other name an object inherits.
 */
export function isClientMessageType(type: string): type is ClientMessageType {
  return Object.hasOwn(CLIENT_MESSAGES, type);
}
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof CLIENT_MESSAGES)[T]>;

/** Messages the server sends, by type. */
export const SERVER_MESSAGES = {
  /** After joining: who you are in this drill, and the token that gets your seat back. */
  welcome: 'welcome',
  /** Engine events you may see, in order. */
  events: 'events',
  /** A message of yours was refused: code, reason, and your `ref`. */
  rejected: 'rejected',
  /** A private hint from the trainer. */
  hint: 'hint',
  /** To a trainee: the trainer moved you off your post (a bot holds it now). */
  freed: 'freed',
  /** To a player, after an accepted `seat` message: the post now held (null after a release). */
  seated: 'seated',
  /** The drill has ended and its record is stored. */
  ended: 'ended',
  /** One post's private panel, whole. */
  panel: 'panel',
  /** The parts of a post's panel that changed since it was last sent. */
  panelChange: 'panelChange',
  /** A new line of team chat, to exactly those who may read its channel. */
  chat: 'chat',
  /** On joining, coming back or changing post: the latest lines of every channel you may read (replaces what you show). */
  chatHistory: 'chatHistory',
} as const;

/**
 * WebSocket close and join-error codes of our own. Colyseus 0.16 reserves 4000–4010 and
 * 4201–4217 (4002 is its "closed with error"), so ours sit at 4800.
 */
export const CLOSE_CODES = {
  /** Cut off for flooding; the same person cannot connect again for FLOOD_COOL_DOWN_SECONDS. */
  flood: 4801,
  drillFailed: 4802,
  seatLost: 4803,
  /** The server is restarting: the drill comes back by the same code, rejoin with your token. */
  shutdown: 4804,
  badJoin: 4805,
  /** Another connection presented this seat's token: the newer one has the seat now. */
  replaced: 4806,
} as const;

/**
 * Colyseus 0.16's own codes that a client of ours meets: in a refused join's error, or as the
 * code a connection closes with.
 */
export const COLYSEUS_CODES = {
  /** The client left on purpose (`room.leave()`). */
  consented: 4000,
  /** A join refused at connection time, or a frame Colyseus could not decode: that connection is closed. */
  closedWithError: 4002,
  /** A matchmaking route other than joinById and reconnect. */
  routeRefused: 4210,
  /** No drill has that code (or it is full). */
  unknownDrill: 4212,
  /** The seat reservation from joinById was not used in time. */
  reservationExpired: 4214,
} as const;

/** After a cut for flooding, how long the same person is refused. */
export const FLOOD_COOL_DOWN_SECONDS = 30;

