import { z } from 'zod';
import { IdSchema } from '../scenario/parts.js';
import { CallbackMinutesSchema } from '../scenario/work/phone.js';
import { NpcIdSchema } from './npcId.js';

/** Tickets and escalations are numbered by the engine ("t3", "e1"). */
export const TicketIdSchema = z.string().regex(/^t\d{1,5}$/, 'must be a ticket id such as t3');
export const EscalationIdSchema = z.string().regex(/^e\d{1,5}$/, 'must be an escalation id such as e1');

/** The hotline's work on its queue, and the incident room's answer to an escalation. */
export const PHONE_INTENTS = [
  /** Take a waiting call off the queue: its card opens for this post (one call at a time). */
  z.strictObject({ type: z.literal('pickUp'), npc: NpcIdSchema }),
  /** The wrap-up of the call just ended: its category and the call-back promised, in minutes (0: none). */
  z.strictObject({ type: z.literal('logTicket'), category: IdSchema, callback: CallbackMinutesSchema }),
  /** Keep a promised call-back. */
  z.strictObject({ type: z.literal('callBack'), ticket: TicketIdSchema }),
  /** Send a logged ticket to the incident room's inbox. */
  z.strictObject({ type: z.literal('escalate'), ticket: TicketIdSchema }),
  /** The incident room takes an escalation on. */
  z.strictObject({ type: z.literal('acknowledge'), escalation: EscalationIdSchema }),
] as const;
