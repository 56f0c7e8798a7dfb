import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { matchMaker, Server } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express from 'express';
import { DRILL_ROOM, MAX_MESSAGE_BYTES } from '../shared/protocol/messages.js';
import { apiRoutes } from './http/apiRoutes.js';
import { reportRoutes } from './http/reportRoutes.js';
import { competitionRoutes } from './http/competitionRoutes.js';
import { leaderboardRoutes } from './http/leaderboardRoutes.js';
import { replayRoutes } from './http/replayRoutes.js';
import { apiErrors, apiNotFound, siteErrors } from './http/apiErrors.js';
import { clientFiles } from './http/clientFiles.js';
import { colyseusLogger } from './net/colyseusLogger.js';
import { serveMatchmaking } from './net/joinGuard.js';
import { keepAnnounced } from './scale/keepAnnounced.js';
import { DrillRoom } from './rooms/DrillRoom.js';
import type { ServerServices } from './services.js';

export const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface App {
  http: HttpServer;
  colyseus: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * @colyseus/schema 3.0.76 cuts a per-client (view) patch off at its encode buffer, 8 KB by
 * default, instead of using the larger buffer it grows into: clients then decode half an NPC
 * card. A trainer's first sync of a busy drill is tens of kilobytes, so each room's encoder gets
 * 256 KB (about 50 MB for 200 drills). test/server/largePatches.test.ts guards this.
 */
export const ENCODER_BUFFER_BYTES = 256 * 1024;

/** Wires HTTP routes, the built client and the Colyseus rooms on one port. Tests boot this too. */
export function createApp(services: ServerServices): App {
  Encoder.BUFFER_SIZE = ENCODER_BUFFER_BYTES;
  const web = express();
  web.disable('x-powered-by');
  // Production settings unless asked otherwise: Express shows stack traces only in development.
  web.set('env', process.env.NODE_ENV === 'development' ? 'development' : 'production');
  web.use('/api', replayRoutes(services));
  web.use('/api', leaderboardRoutes(services));
  web.use('/api', competitionRoutes(services));
  web.use('/api', reportRoutes(services)); // first: the survey body may exceed apiRoutes' 4 KB limit
  web.use('/api', apiRoutes(services));
  web.use('/api', apiNotFound);
  web.use('/api', apiErrors(services.log));
  const clientDir = services.clientDir ?? CLIENT_DIST;
  if (existsSync(clientDir)) web.use(clientFiles(clientDir));
  web.use(siteErrors(services.log));

  const http = createServer(web);
  const colyseus = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    greet: false,
    // main.ts stops the server on SIGINT/SIGTERM itself: Colyseus's own handler would run a second shutdown.
    gracefullyShutdown: false,
    logger: colyseusLogger(services.log),
    ...services.scaleOut,
  });
  // Drills are created by the server alone (creationTickets.ts); clients may only join by code or reconnect.
  matchMaker.controller.exposedMethods = ['joinById', 'reconnect'];
  class BoundDrillRoom extends DrillRoom {
    static override services = services;
  }
  colyseus.define(DRILL_ROOM, BoundDrillRoom);
  serveMatchmaking(http, () => matchMaker.presence, services.joinLimit);
  let stopAnnouncing = () => {};

  return {
    http,
    colyseus,
    async listen(port, host = '0.0.0.0') {
      await colyseus.listen(port, host);
      if (services.scaleOut) stopAnnouncing = keepAnnounced();
      const address = http.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async close() {
      stopAnnouncing();
      await colyseus.gracefullyShutdown(false);
      await services.store.close();
    },
  };
}
