import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { IdSchema, PLACES } from '../scenario/parts.js';
import { CallbackMinutesSchema as Minutes } from '../scenario/work/phone.js';

/** The hotline's and the floor's parts of a panel's `work` (shared/protocol/workPanel.ts). */
const Clock = z.number().int().nonnegative();
const PlaceSchema = z.enum(PLACES);

/** A caller waiting in the queue: who, why they call (the queue shows it), since when, and until when they will wait. */
export const QueuedCallViewSchema = z.strictObject({ npc: z.string(), archetype: IdSchema, call: IdSchema, name: TextSchema, reason: TextSchema, since: Clock, expiresAt: Clock });

export const TicketViewSchema = z.strictObject({
  id: z.string(),
  reason: TextSchema,
  category: IdSchema,
  label: TextSchema,
  callback: Minutes,
  due: Clock.optional(),
  status: z.enum(['logged', 'promised', 'due', 'kept', 'late', 'broken']),
  escalation: z.string().optional(),
});

export const PhonePanelSchema = z.strictObject({
  /** In order of arrival. */
  queue: z.array(QueuedCallViewSchema),
  /** The call on this post's line (its card is in `waiting`), or the call whose ticket is due. */
  line: z.strictObject({ npc: z.string(), archetype: IdSchema, call: IdSchema, name: TextSchema, reason: TextSchema, since: Clock, phase: z.enum(['talking', 'wrapUp']) }).optional(),
  /** The wrap-up form: categories in an order drawn from the seed (`faq`: the published FAQ answers such calls now), the call-back times on offer. */
  categories: z.array(z.strictObject({ id: IdSchema, label: TextSchema, faq: z.boolean() })),
  callbacks: z.array(Minutes),
  /** Every ticket this post's room logged, in the order logged. */
  tickets: z.array(TicketViewSchema),
  /** How many waiting callers the published FAQ's queue message has answered so far. */
  answeredByFaq: z.number().int().nonnegative(),
});

/** A ticket the hotline sent to this post; `status` stale once it waited too long. */
export const EscalationViewSchema = z.strictObject({
  id: z.string(),
  ticket: z.string(),
  reason: TextSchema,
  label: TextSchema,
  since: Clock,
  status: z.enum(['waiting', 'acknowledged', 'stale']),
});

export const FloorPanelSchema = z.strictObject({
  /** Customers waiting with their ticket numbers, in number order; `disruptive` and `filming` as the floor sees them. */
  queue: z.array(z.strictObject({ number: z.number().int().positive(), npc: z.string(), archetype: IdSchema, name: TextSchema, since: Clock, disruptive: z.boolean(), filming: z.boolean() })),
  /** Each place (counter, private room, security) with its capacity and who is being served there until when. */
  places: z.array(z.strictObject({ place: PlaceSchema, label: TextSchema, capacity: z.number().int().nonnegative(), serving: z.array(z.strictObject({ number: z.number().int().positive(), name: TextSchema, until: Clock })) })),
  meter: z.strictObject({ value: z.number().int().nonnegative(), threshold: z.number().int().positive(), posted: z.boolean() }),
  /** Published statements the floor can read to the queue, and whether it has. */
  lines: z.array(z.strictObject({ statement: IdSchema, title: TextSchema, read: z.boolean() })),
});

export type QueuedCallView = z.infer<typeof QueuedCallViewSchema>;
export type TicketView = z.infer<typeof TicketViewSchema>;
export type PhonePanel = z.infer<typeof PhonePanelSchema>;
export type EscalationView = z.infer<typeof EscalationViewSchema>;
export type FloorPanel = z.infer<typeof FloorPanelSchema>;
