import { createHash } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { getBearerToken, matchMaker, type Presence } from '@colyseus/core';
import { CLOSE_CODES, COLYSEUS_CODES } from '../../shared/protocol/messages.js';

/** Failed joins an address may make in one window before only correct keys and tokens get through. */
export interface JoinLimit {
  failures: number;
  windowSeconds: number;
}

export const DEFAULT_JOIN_LIMIT: JoinLimit = { failures: 20, windowSeconds: 60 };

/** The only matchmaking a client may do: join a drill by its code, or resume a dropped connection. */
const ROUTE = /^\/matchmake\/(joinById|reconnect)\/([A-Za-z0-9_-]{1,64})$/;
const MAX_BODY = 4096;

const failuresKey = (limit: JoinLimit, now: number) => `crisis-drill:join-failures:${Math.floor(now / 1000 / limit.windowSeconds)}`;
const secretKey = (code: string, secret: string) => `crisis-drill:join-secret:${createHash('sha256').update(`${code}\n${secret}`).digest('hex')}`;

/** Counts one failed join (an unknown code, a wrong key, a seat token that opens nothing) against an address. */
export async function recordJoinFailure(presence: Presence, address: string, limit: JoinLimit): Promise<void> {
  await presence.hincrbyex(failuresKey(limit, Date.now()), address, 1, limit.windowSeconds * 2);
}

async function tooManyFailures(presence: Presence, address: string, limit: JoinLimit): Promise<boolean> {
  const count = Number((await presence.hget(failuresKey(limit, Date.now()), address)) ?? 0);
  return count >= limit.failures;
}

/**
 * The secrets that open a drill (its trainer key, each person's seat token), as hashes in
 * presence, so that any process can tell a correct one from a guess without knowing the drill:
 * an address locked out after failed guesses still lets a correct 128-bit secret through.
 */
export const joinSecrets = {
  publish: (presence: Presence, code: string, secret: string) => presence.setex(secretKey(code, secret), '1', 24 * 3600),
  withdraw: (presence: Presence, code: string, secret: string) => presence.del(secretKey(code, secret)),
  async isKnown(presence: Presence, code: string, secret: string): Promise<boolean> {
    return (await presence.get(secretKey(code, secret))) === '1';
  },
};

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The secret a join presents, if any: a trainer key or a seat token. */
function secretOf(options: unknown): string | undefined {
  if (!options || typeof options !== 'object') return undefined;
  const o = options as { trainerKey?: unknown; participant?: unknown };
  const secret = typeof o.trainerKey === 'string' ? o.trainerKey : typeof o.participant === 'string' ? o.participant : undefined;
  return secret && secret.length >= 16 && secret.length <= 64 ? secret : undefined;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

/**
 * Serves Colyseus's matchmaking routes in its place, and only two of them. Colyseus exposes
 * `/matchmake/{joinOrCreate,create,join,joinById,reconnect}/<room>` for every room type; for
 * drills, creating or joining without a code would let anyone in (or make drills with options of
 * their own), so every route but join-by-code and reconnect is refused here with JSON, before
 * Colyseus sees it. Failed joins are limited per address (codes cannot be found by trying them),
 * while a correct trainer key or seat token always gets through, so a class behind one address is
 * never locked out by one guesser. Installed in front of Colyseus's own request listener.
 */
export function serveMatchmaking(http: HttpServer, presence: () => Presence, limit: JoinLimit = DEFAULT_JOIN_LIMIT): void {
  const others = http.listeners('request').slice(0) as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Colyseus treats any address that contains "/matchmake" as its own.
    if (!req.url?.includes('/matchmake')) {
      for (const listener of others) listener.call(http, req, res);
      return;
    }
    void matchmake(req, res, presence(), limit).catch(() => {
      if (!res.headersSent) answer(res, 500, { code: 0, error: 'the join could not be handled; try again' });
    });
  });
}

async function matchmake(req: IncomingMessage, res: ServerResponse, presence: Presence, limit: JoinLimit): Promise<void> {
  const route = ROUTE.exec(req.url!.split('?')[0]!);
  if (!route || req.method !== 'POST') {
    return answer(res, route ? 405 : 404, { code: COLYSEUS_CODES.routeRefused, error: 'drills are created through POST /api/drills; join one with joinById(code)' });
  }
  if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return answer(res, 503, { code: 503, error: 'the server is restarting; try again in a moment' }, { 'retry-after': '2' });
  const [, method, roomId] = route as unknown as [string, 'joinById' | 'reconnect', string];
  const address = req.socket.remoteAddress ?? 'unknown';
  const body = await readBody(req);
  if (body === null) return answer(res, 413, { code: CLOSE_CODES.badJoin, error: 'join options too large' });
  let options: unknown;
  try {
    options = JSON.parse(body || '{}');
  } catch {
    return answer(res, 400, { code: CLOSE_CODES.badJoin, error: 'join options are not JSON' });
  }
  const secret = method === 'joinById' ? secretOf(options) : undefined;
  const vouched = secret !== undefined && (await joinSecrets.isKnown(presence, roomId, secret));
  if (!vouched && (await tooManyFailures(presence, address, limit))) {
    return answer(res, 429, { code: 429, error: 'too many failed join attempts from this address; wait a minute, or join with your seat link' }, { 'retry-after': String(limit.windowSeconds) });
  }
  try {
    const reservation = await matchMaker.controller.invokeMethod(method, roomId, options as Record<string, unknown>, {
      token: getBearerToken(req.headers.authorization ?? ''),
      headers: req.headers,
      ip: address,
      req,
    } as never);
    answer(res, 200, reservation as object);
  } catch (err) {
    await recordJoinFailure(presence, address, limit);
    const e = err as { code?: number; message?: string };
    answer(res, 200, { code: e.code ?? 0, error: e.message ?? 'join refused' });
  }
}
