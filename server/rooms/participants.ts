import type { Client, Deferred } from '@colyseus/core';
import type { StateView } from '@colyseus/schema';
import type { Holder } from '../../shared/protocol/intents.js';
import type { RateLimiter } from '../net/RateLimiter.js';

/** A person in a drill, kept by a stable token rather than by socket, so a reload keeps the seat. */
export interface Participant {
  /** Public and stable: names the person in the input log ("p3"); never a secret. */
  id: string;
  /** Secret: presented to get the seat back after a reload. */
  token: string;
  role: 'trainer' | 'player' | 'spectator';
  name: string;
  post?: string;
  client?: Client;
  /** What this person's connection may see of the private panels. */
  view?: StateView;
  ready: boolean;
  /** Every frame the person sends, on any connection, counts against this one allowance. */
  limiter: RateLimiter;
  /** After a cut for flooding: no connection is accepted from this person before this time (ms). */
  cutUntil?: number;
  /** The verdict of the allowance on the frame being handled (set as the frame arrives). */
  frameVerdict?: 'ok' | 'throttled' | 'cut-off';
  /** While the connection is down: the pending reconnection, to cancel if the person rejoins by token. */
  awaiting?: Deferred<Client>;
  /** The trainer freed this person's post while they were away: told when they are back. */
  freedWhileAway?: { post: string; at: number };
}

/** How a participant appears as the holder of a post in the input log. */
export function holderOf(person: Participant): Holder {
  return { kind: 'human', id: person.id, name: person.role === 'player' ? person.name : person.role };
}

/** Who may see an event: the trainer everything, a player the public events and its own room's. */
export function canSee(event: { room?: string; type: string; to?: string[]; from?: string }, role: Participant['role'], room: string | undefined): boolean {
  if (role !== 'player') return true;
  if (event.room === undefined) {
    if (event.type !== 'factShared') return true;
    return room !== undefined && (event.from === room || (event.to ?? []).includes(room));
  }
  return event.room === room;
}
