import type { MatchMakerDriver, Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';

/**
 * What several server processes share to act as one: Colyseus' presence (pub/sub between
 * processes, seat reservations for a room on another process) and its matchmaking driver (the
 * cluster-wide room listing, so a join code is found whichever process is asked). The field
 * names are those of `new Server({...})`.
 */
export interface ScaleOut {
  presence: Presence;
  driver: MatchMakerDriver;
  /**
   * host:port (no scheme) at which clients reach this process. A seat reserved through another
   * process carries it, and colyseus.js opens the room's WebSocket there.
   */
  publicAddress: string;
}

/** How long start-up waits for Redis to answer before giving up with a clear error. */
const REDIS_ANSWER_MS = 5000;

/** `REDIS_URL` for display: without its password. */
export function redactedRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unreadable REDIS_URL';
  }
}

/**
 * Scale-out from the environment: `REDIS_URL` turns it on and then `PUBLIC_ADDRESS` is required
 * (each process has its own). Without `REDIS_URL` there is none: one process, Colyseus' local
 * presence and driver. Throws with the reason on a bad setting or a Redis that does not answer.
 */
export async function scaleOutFromEnv(env: NodeJS.ProcessEnv): Promise<ScaleOut | undefined> {
  const url = env.REDIS_URL?.trim();
  if (!url) return undefined;
  if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${redactedRedisUrl(url)}")`);
  const publicAddress = env.PUBLIC_ADDRESS?.trim() ?? '';
  if (!publicAddress) throw new Error('REDIS_URL is set, so PUBLIC_ADDRESS must be too: the host:port at which players reach this process, e.g. PUBLIC_ADDRESS=10.0.0.5:2567');
  if (!/^[^\s/:]+(:\d{1,5})?(\/\S*)?$/.test(publicAddress)) throw new Error(`PUBLIC_ADDRESS must be host:port without a scheme, e.g. 10.0.0.5:2567 (got "${publicAddress}")`);

  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  let timer: NodeJS.Timeout | undefined;
  try {
    // ioredis queues commands while it connects, and would wait for ever: bound the first answer.
    await Promise.race([
      Promise.all([presence.exists('crisis-drill:ping'), driver.has('crisis-drill:ping')]),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis at ${redactedRedisUrl(url)} did not answer within ${REDIS_ANSWER_MS / 1000} s`)), REDIS_ANSWER_MS);
      }),
    ]);
  } catch (err) {
    // Not awaited: a quit waits for a connection that may never come. The caller exits.
    presence.shutdown();
    void driver.shutdown().catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return { presence, driver, publicAddress };
}
