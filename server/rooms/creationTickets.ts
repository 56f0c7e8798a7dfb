import type { Presence } from '@colyseus/core';
import { newSecret } from '../net/secrets.js';
import type { Checkpoint } from '../checkpoints/Checkpoint.js';
import type { DrillCreation } from '../store/drillCreation.js';

/** What a drill room is created with: a new drill the API decided on, or one restored from its checkpoint. */
export type DrillTicket = { kind: 'new'; creation: DrillCreation; trainerKey: string } | { kind: 'restore'; checkpoint: Checkpoint };

/** A ticket is redeemed within moments of being issued; one left over is gone after this. */
const TICKET_SECONDS = 60;
const keyOf = (ticket: string) => `crisis-drill:creation-ticket:${ticket}`;

/**
 * The only way to create a drill room. Colyseus hands `onCreate` whatever options the caller of
 * `matchMaker.createRoom` passed, and with several processes that call may run on another one;
 * so server code never passes the drill's terms as options. It files them under a random ticket
 * in presence (shared by every process over Redis), passes only the ticket, and the room redeems
 * it once. A ticket nobody issued opens nothing, whatever route or process it comes through.
 */
export async function issueTicket(presence: Presence, ticket: DrillTicket): Promise<{ ticket: string }> {
  const id = newSecret();
  await presence.setex(keyOf(id), JSON.stringify(ticket), TICKET_SECONDS);
  return { ticket: id };
}

/** The terms filed under a ticket, once: a second redemption, or an unknown ticket, gets nothing. */
export async function redeemTicket(presence: Presence, options: unknown): Promise<DrillTicket | undefined> {
  const id = (options as { ticket?: unknown } | null | undefined)?.ticket;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const stored: unknown = await presence.get(keyOf(id));
  if (typeof stored !== 'string') return undefined;
  await presence.del(keyOf(id));
  return JSON.parse(stored) as DrillTicket;
}
