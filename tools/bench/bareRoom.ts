// The baseline of the server benchmark: a Colyseus room that does nothing but echo a counter,
// on the same transport, port layout and patch rate (Colyseus' default, 50 ms) as the drill app.
import { createServer, type Server as HttpServer } from 'node:http';
import { Room, Server, type Client } from '@colyseus/core';
import { schema, type SchemaType } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MAX_MESSAGE_BYTES } from '../../shared/protocol/messages.js';

export const BARE_ROOM = 'bare';

/**
 * `counter` counts every message of the room; `echo` holds, per client, the `ref` of the last
 * message the room took from it, so that a client can tell exactly when its own message is in
 * the state (a shared counter alone cannot say whose increment a patch carries).
 */
export const BareState = schema({ counter: 'number', echo: { map: 'number' } }, 'BareState');
export type BareState = SchemaType<typeof BareState>;

export class BareRoom extends Room<BareState> {
  override state = new BareState();
  override maxClients = 4;

  override onCreate(): void {
    this.state.counter = 0;
    this.onMessage('bump', (client: Client, message: unknown) => {
      const ref = typeof message === 'object' && message !== null ? (message as { ref?: unknown }).ref : undefined;
      this.state.counter += 1;
      if (typeof ref === 'number') this.state.echo.set(client.sessionId, ref);
      // As the drill room does for an accepted move: send the change now, not at the next patch.
      this.broadcastPatch();
    });
  }

  override onLeave(client: Client): void {
    this.state.echo.delete(client.sessionId);
  }
}

export interface BareApp {
  http: HttpServer;
  colyseus: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The same wiring as server/app.ts (one HTTP server, WebSocketTransport, no greeting), with one room type. */
export function createBareApp(): BareApp {
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const colyseus = new Server({ transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }), greet: false });
  colyseus.define(BARE_ROOM, BareRoom);
  return {
    http,
    colyseus,
    async listen(port, host) {
      await colyseus.listen(port, host);
      const address = http.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    close: () => colyseus.gracefullyShutdown(false),
  };
}
