import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { RateLimiter } from './RateLimiter.js';

const JOIN_ROUTE = '/matchmake/joinById/';

/**
 * Limits join-by-code attempts per client address, so join codes cannot be found by trying
 * them: a whole class behind one address can join at once (the burst), a guesser gets one try
 * a second. Installed in front of Colyseus' own matchmaking listener.
 */
export function guardJoins(http: HttpServer, options = { perSecond: 1, burst: 60 }): void {
  const limiters = new Map<string, RateLimiter>();
  const colyseusListeners = http.listeners('request').slice(0) as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith(JOIN_ROUTE)) {
      const address = req.socket.remoteAddress ?? 'unknown';
      let limiter = limiters.get(address);
      if (!limiter) limiters.set(address, (limiter = new RateLimiter(options.perSecond, options.burst, Infinity, Date.now())));
      if (limiter.take(Date.now()) !== 'ok') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '5' });
        res.end(JSON.stringify({ code: 429, error: 'too many join attempts from this address; wait a few seconds' }));
        return;
      }
      // Forget idle addresses now and then, so the map cannot grow without bound.
      if (limiters.size > 10_000) limiters.clear();
    }
    for (const listener of colyseusListeners) listener.call(http, req, res);
  });
}
