import { z } from 'zod';
import { CallbackMinutesSchema as Minutes } from '../../scenario/work/phone.js';

/** Events of the hotline's queue; `base` is the seq, time and room every event carries. */
export const PHONE_EVENTS = <B extends z.ZodRawShape>(base: B) =>
  [
    /** A caller joined the queue (`call`: the interaction they call about). */
    z.strictObject({ ...base, type: z.literal('callQueued'), npc: z.string(), call: z.string() }),
    /** A post took a call off the queue after it waited `waited` seconds; the caller now stays until `expiresAt`. */
    z.strictObject({ ...base, type: z.literal('callPickedUp'), post: z.string(), npc: z.string(), call: z.string(), waited: z.number().int().nonnegative(), expiresAt: z.number().int().nonnegative() }),
    /** The queue's recorded message gave a waiting caller the published FAQ's answer, and they hung up answered. */
    z.strictObject({ ...base, type: z.literal('callAnsweredByFaq'), npc: z.string(), call: z.string(), category: z.string() }),
    /** A caller gave up in the queue before anyone picked up. */
    z.strictObject({ ...base, type: z.literal('callAbandoned'), npc: z.string(), call: z.string(), vulnerable: z.boolean(), influence: z.number().int() }),
    /** The call in a post's hand is over: its ticket is due. */
    z.strictObject({ ...base, type: z.literal('callEnded'), post: z.string(), npc: z.string(), call: z.string() }),
    /** `right`: the category the call belongs to; `needed`: whether the caller needed a call-back; `due`: when the promised one is due. */
    z.strictObject({
      ...base,
      type: z.literal('ticketLogged'),
      post: z.string(),
      ticket: z.string(),
      npc: z.string(),
      call: z.string(),
      category: z.string(),
      right: z.boolean(),
      callback: Minutes,
      needed: z.boolean(),
      due: z.number().int().nonnegative().optional(),
    }),
    z.strictObject({ ...base, type: z.literal('callbackDue'), ticket: z.string(), npc: z.string() }),
    /** `late`: after the time promised (but before it counted as broken). */
    z.strictObject({ ...base, type: z.literal('callbackKept'), post: z.string(), ticket: z.string(), npc: z.string(), late: z.boolean() }),
    /** A promised call-back was not made within its grace after the time promised. */
    z.strictObject({ ...base, type: z.literal('callbackBroken'), ticket: z.string(), npc: z.string() }),
    /** A ticket went to the incident room's inbox (the event is that room's); `needed`: its category calls for it. */
    z.strictObject({ ...base, type: z.literal('escalated'), post: z.string(), ticket: z.string(), escalation: z.string(), category: z.string(), needed: z.boolean() }),
    /** The incident room took an escalation on (told to the hotline); `stale`: only after it had sat too long. */
    z.strictObject({ ...base, type: z.literal('escalationAcknowledged'), post: z.string(), escalation: z.string(), ticket: z.string(), stale: z.boolean() }),
    z.strictObject({ ...base, type: z.literal('escalationStale'), escalation: z.string(), ticket: z.string() }),
  ] as const;
