import type { Panel } from '../../shared/protocol/serverMessages.js';
import type { DrillStateJson } from '../../shared/protocol/stateShape.js';

// What the client draws from: the synchronised state as plain data (`room.state.toJSON()`, shaped
// by shared/protocol/stateShape.ts, the one definition the server's schema is built from) and
// the private panels received as `panel` messages (shared/protocol/serverMessages.ts).

export type { DrillStateJson, SeatStateJson } from '../../shared/protocol/stateShape.js';
export type { Card, Panel } from '../../shared/protocol/serverMessages.js';

/** The state and the panels this client holds, by post. */
export interface DrillJson extends DrillStateJson {
  panels?: Record<string, Panel>;
}

/** Who this client is in the drill, from the `welcome` message. */
export interface Me {
  role: 'player' | 'trainer' | 'spectator';
  post: string | null;
  name?: string;
}
