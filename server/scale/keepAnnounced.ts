import { matchMaker } from '@colyseus/core';

/** How often a process of a cluster restates its room count in Redis. */
export const ANNOUNCE_EVERY_MS = 5000;

/**
 * Keeps this process among those new drills are placed on. Colyseus (0.16) drops a process from
 * the cluster's room counts when it answers a create request late (over 2 s, as a busy process
 * may) and writes the count back only when its own rooms change, or after a minute: until then
 * every new drill goes elsewhere. Restating it every few seconds undoes that for a live process;
 * a dead one cannot, so it stays out. Returns the function that stops it.
 */
export function keepAnnounced(): () => void {
  const timer = setInterval(() => void Promise.resolve(matchMaker.stats.persist(true)).catch(() => {}), ANNOUNCE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
