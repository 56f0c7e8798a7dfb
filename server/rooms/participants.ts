import type { Client } from '@colyseus/core';
import type { Deferred } from '@colyseus/core';

/** A person in a drill, kept by a stable token rather than by socket, so a reload keeps the seat. */
export interface Participant {
  token: string;
  role: 'trainer' | 'player' | 'spectator';
  name: string;
  post?: string;
  client?: Client;
  ready: boolean;
  /** While the connection is down: the pending reconnection, to cancel if the person rejoins by token. */
  awaiting?: Deferred<Client>;
  /** The trainer freed this person's post while they were away: told when they are back. */
  freedWhileAway?: { post: string; at: number };
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
