import type { Text } from '../../shared/i18n/text.js';

// The shapes the client receives, as plain data: `room.state.toJSON()` of server/state/DrillSchema.ts
// (maps become objects, arrays stay arrays) and the JSON of GET /api/scenarios. Kept here as types
// only, so the client never loads server code.

export interface NpcCardJson {
  id: string;
  archetype: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  mood: number;
  openedAt: number;
  expiresAt: number;
  interaction: string;
  promptZh: string;
  promptEn: string;
  /** JSON of ResponseOption[]: see the note on nested lists in DrillSchema.ts. */
  responses: string;
}

export interface ResponseOptionJson {
  id: string;
  zh: string;
  en: string;
  available: boolean;
}

export interface KnownFactJson {
  id: string;
  zh: string;
  en: string;
  /** JSON array of room ids that do not know the fact yet. */
  unknownTo: string;
}

export interface PostPanelJson {
  post: string;
  room: string;
  waiting?: NpcCardJson[];
  facts?: KnownFactJson[];
}

export interface SeatJson {
  post: string;
  room: string;
  holder: string;
  kind: string;
  skill: string;
  connected: boolean;
  ready: boolean;
}

export interface DrillStateJson {
  code: string;
  mode: string;
  scenario: string;
  team: string;
  phase: string;
  clock: number;
  speed: number;
  ending: string;
  scores: Record<string, number>;
  seats: Record<string, SeatJson>;
  rooms: Record<string, { id: string; type: string; waiting: number; angry: number }>;
  expected: Record<string, { id: string; post: string; status: string; deadline: number }>;
  panels?: Record<string, PostPanelJson>;
  unseated?: string[];
}

/** One entry of GET /api/scenarios. `expected` and `endings` are used when the server sends them. */
export interface ScenarioInfo {
  id: string;
  version: number;
  title: Text;
  summary: Text;
  briefing: Text;
  clock: { start: string | number; end: string | number; compression: number };
  rooms: { id: string; type: string; name: Text }[];
  posts: { id: string; room: string; name: Text; brief: Text }[];
  expected?: { id: string; title: Text }[];
  endings?: { id: string; title: Text; summary?: Text; outcome?: string }[];
}

/** Who this client is in the drill, from the `welcome` message. */
export interface Me {
  role: 'player' | 'trainer' | 'spectator';
  post: string | null;
  name?: string;
}
