import type { Text } from '../../shared/i18n/text.js';
import type { MoodBand } from '../../shared/engine/mood.js';
import type { Dimension } from '../../shared/scores/dimensions.js';
import type { WorkView } from '../../shared/protocol/workPanel.js';

/** Everything a scene draws, derived from the synchronised state by toViewModel (pure). */
export interface DrillView {
  code: string;
  /** The code as it is read out: "ABCD-EFGH". */
  codeLabel: string;
  mode: 'training' | 'team' | 'solo';
  team: string;
  phase: 'lobby' | 'running' | 'paused' | 'ended' | 'failed' | 'abandoned';
  clock: number;
  clockLabel: string;
  speed: number;
  ending: string;
  scores: ScoreView[];
  total: number;
  me: MeView;
  seats: SeatView[];
  rooms: RoomView[];
  duties: DutyView[];
  /** The panel being looked at: the player's own post, or the post the trainer chose. */
  panel: PanelView | null;
  /** Every panel this client receives: a player's own, all of them for the trainer and spectators. */
  panels: PanelView[];
  unseated: string[];
  scenario: { id: string; title: Text | null; briefing: Text | null };
}

export interface MeView {
  role: 'player' | 'trainer' | 'spectator';
  post: string | null;
  postName: Text | null;
  /** The room type this client watches: its own post's, or the trainer's choice. */
  viewRoomType: string | null;
  isTrainer: boolean;
  /** Start, pause, resume and speed: the trainer, or the solo player. */
  canControlClock: boolean;
  /** May answer NPCs and send memos in the viewed panel. */
  canAct: boolean;
  /** The trainer has not chosen a room to look at: the console is on screen. */
  onConsole: boolean;
  ready: boolean;
}

export interface ScoreView {
  dim: Dimension;
  label: Text;
  value: number;
}

export interface SeatView {
  post: string;
  name: Text;
  /** What the post does, from the scenario (null when the scenario list is not known). */
  brief: Text | null;
  room: string;
  roomType: string;
  holder: string;
  /** `trainer`: the trainer took this post over from the console. */
  kind: 'human' | 'bot' | 'trainer';
  skill: string;
  connected: boolean;
  ready: boolean;
  mine: boolean;
  /** A player may take it: a bot holds it and the viewer is a player. */
  takeable: boolean;
}

export interface RoomView {
  id: string;
  type: string;
  name: Text;
  waiting: number;
  angry: number;
  mine: boolean;
  viewing: boolean;
}

export interface DutyView {
  id: string;
  post: string;
  title: Text;
  status: 'pending' | 'met' | 'late' | 'missed' | 'not-applicable';
  /** Scenario seconds, or null while a relative deadline waits for its trigger. */
  deadline: number | null;
  deadlineLabel: string | null;
  mine: boolean;
  /** Pending and due within the next 15 scenario minutes. */
  urgent: boolean;
}

export interface PanelView {
  post: string;
  room: string;
  roomType: string;
  npcs: NpcView[];
  facts: FactView[];
  /** The room's own work (statements, drafts to review, the feed, reports), as the panel sent it; null in drills without it. */
  work: WorkView | null;
}

export interface NpcView {
  id: string;
  kind: string;
  archetype: string;
  name: Text;
  mood: number;
  band: MoodBand;
  interaction: string;
  prompt: Text;
  responses: ResponseView[];
  openedAt: number;
  expiresAt: number;
  /** Share of patience left, 1 when the NPC starts waiting and 0 when it gives up. */
  patience: number;
  waited: number;
  waitLabel: string;
}

export interface ResponseView {
  id: string;
  text: Text;
  available: boolean;
  /** While it cannot be chosen: what it waits for ("Needs your room to know the confirmed cause"). */
  locked?: Text;
}

export interface FactView {
  id: string;
  text: Text;
  /** Rooms that do not know the fact yet: the ones a memo can go to. */
  unknownTo: { id: string; name: Text }[];
}
