import type { DrillEvent } from '../../shared/engine/events.js';
import type { MoodBand } from '../../shared/engine/mood.js';
import type { Locale, Text } from '../../shared/i18n/text.js';
import type { Dimension } from '../../shared/scores/dimensions.js';
import { t } from '../i18n/t.js';
import { clockLabel } from './clockLabel.js';
import { feedPosts } from './feed.js';
import type { DrillView } from './viewModel.js';

/** Speeds the console offers: the flagship's own ×12 up to an hour in six seconds. */
export const CONSOLE_SPEEDS = [12, 30, 60, 120, 300, 600] as const;
/** Minutes the console offers to add to a deadline. */
export const EXTEND_MINUTES = [5, 10, 15, 30] as const;
const NPCS_SHOWN = 4;
const INCIDENTS_SHOWN = 2;

/** An optional inject as `welcome` lists it (see DrillConnection). */
export interface InjectOption {
  id: string;
  room: string;
  title: Text;
}

export interface ConsoleInput {
  view: DrillView;
  /** Recent notable events, oldest first (LiveDrill.history). */
  history: readonly DrillEvent[];
  injects: readonly InjectOption[];
  locale: Locale;
}

/** Everything the trainer console draws, in the trainer's language. */
export interface ConsoleModel {
  title: string;
  codeLabel: string;
  clockLabel: string;
  phase: DrillView['phase'];
  speed: number;
  clock: { canStart: boolean; canPause: boolean; canResume: boolean; speeds: { speed: number; current: boolean }[] };
  /** Controls that change the drill (inject, deadline, hint, posts, end) work while it runs or is paused. */
  live: boolean;
  rooms: ConsoleRoom[];
  scores: { dim: Dimension; label: string; value: number }[];
  total: number;
  posts: ConsolePost[];
  deadlines: ConsoleDeadline[];
  injects: ConsoleInject[];
  /** Posts a hint can go to: a trainee holds them. */
  hintTargets: { post: string; label: string }[];
  /** The post the trainer plays, if any. */
  playing: string | null;
}

export interface ConsoleRoom {
  id: string;
  type: string;
  name: string;
  /** Who holds the room's posts: "王芳", "Bot", "Trainer". */
  holders: string;
  waiting: number;
  angry: number;
  npcs: { id: string; name: string; mood: number; band: MoodBand; waitLabel: string }[];
  /** Waiting people not listed. */
  moreNpcs: number;
  /** Newsroom only: how hot public opinion runs (100 − reputation) and how many posts are out. */
  feed: { heat: number; published: number } | null;
  /** The latest events and give-ups in this room, newest first. */
  incidents: { at: string; text: string; bad: boolean }[];
  /** A post of this room to open when the trainer looks closer. */
  lookPost: string | null;
}

export interface ConsolePost {
  post: string;
  name: string;
  roomName: string;
  kind: 'human' | 'bot' | 'trainer';
  holder: string;
  connected: boolean;
  status: string;
  canFree: boolean;
  canTakeOver: boolean;
  canRelease: boolean;
}

export interface ConsoleDeadline {
  id: string;
  title: string;
  post: string;
  due: string;
  urgent: boolean;
}

export interface ConsoleInject {
  id: string;
  title: string;
  roomName: string;
  fired: number;
}

/**
 * The trainer console's model: every room at a glance, the live scores, who holds each post and
 * which controls apply now. Pure (no Phaser, no network), so the console is tested without a browser.
 */
export function toConsoleModel({ view, history, injects, locale }: ConsoleInput): ConsoleModel {
  const say = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, params, locale);
  const live = view.phase === 'running' || view.phase === 'paused';
  const roomName = (id: string) => view.rooms.find((r) => r.id === id)?.name[locale] ?? id;
  const holderOf = (kind: string, holder: string) => (kind === 'trainer' ? say('seat.trainer') : kind === 'human' ? holder : say('seat.bot'));
  const reputation = view.scores.find((s) => s.dim === 'reputation')?.value ?? 50;

  const rooms: ConsoleRoom[] = view.rooms.map((room) => {
    const seats = view.seats.filter((s) => s.room === room.id);
    const npcs = view.panels.filter((p) => p.room === room.id).flatMap((p) => p.npcs);
    const unique = [...new Map(npcs.map((n) => [n.id, n])).values()].sort((a, b) => a.openedAt - b.openedAt);
    const newsroom = room.type === 'newsroom';
    const incidents = history
      .filter((e) => (e.type === 'inject' || e.type === 'timeout') && e.room === room.id)
      .slice(-INCIDENTS_SHOWN)
      .reverse()
      .map((e) => ({
        at: clockLabel(e.at),
        text: e.type === 'inject' ? e.title[locale] : e.type === 'timeout' ? e.outcome[locale] : '',
        bad: e.type === 'timeout',
      }));
    return {
      id: room.id,
      type: room.type,
      name: room.name[locale],
      holders: seats.map((s) => holderOf(s.kind, s.holder)).join(' · '),
      waiting: room.waiting,
      angry: room.angry,
      npcs: unique.slice(0, NPCS_SHOWN).map((n) => ({ id: n.id, name: n.name[locale], mood: n.mood, band: n.band, waitLabel: n.waitLabel })),
      moreNpcs: Math.max(0, Math.max(unique.length, room.waiting) - NPCS_SHOWN),
      feed: newsroom ? { heat: Math.round(100 - reputation), published: feedPosts([...history], room.id).length } : null,
      incidents,
      lookPost: seats[0]?.post ?? null,
    };
  });

  const posts: ConsolePost[] = view.seats.map((s) => ({
    post: s.post,
    name: s.name[locale],
    roomName: roomName(s.room),
    kind: s.kind,
    holder: holderOf(s.kind, s.holder),
    connected: s.connected,
    status: s.kind === 'bot' ? say('lobby.bot', { skill: say(`skill.${s.skill}` as 'skill.competent') }) : s.connected ? say('console.online') : say('console.away'),
    canFree: live && s.kind === 'human',
    canTakeOver: view.phase !== 'ended' && view.phase !== 'failed' && s.kind === 'bot',
    canRelease: s.kind === 'trainer',
  }));

  const fired = new Map<string, number>();
  for (const e of history) if (e.type === 'inject') fired.set(e.inject, (fired.get(e.inject) ?? 0) + 1);

  return {
    title: view.scenario.title?.[locale] ?? view.scenario.id,
    codeLabel: view.codeLabel,
    clockLabel: view.clockLabel,
    phase: view.phase,
    speed: view.speed,
    clock: {
      canStart: view.phase === 'lobby',
      canPause: view.phase === 'running',
      canResume: view.phase === 'paused',
      speeds: CONSOLE_SPEEDS.map((speed) => ({ speed, current: speed === view.speed })),
    },
    live,
    rooms,
    scores: view.scores.map((s) => ({ dim: s.dim, label: s.label[locale], value: s.value })),
    total: view.total,
    posts,
    deadlines: view.duties
      .filter((d) => d.status === 'pending' && d.deadline !== null)
      .map((d) => ({ id: d.id, title: d.title[locale], post: d.post, due: d.deadlineLabel ?? '', urgent: d.urgent })),
    injects: injects.map((i) => ({ id: i.id, title: i.title[locale], roomName: roomName(i.room), fired: fired.get(i.id) ?? 0 })),
    hintTargets: view.seats.filter((s) => s.kind === 'human' && s.connected).map((s) => ({ post: s.post, label: `${s.holder} · ${s.name[locale]}` })),
    playing: view.seats.find((s) => s.kind === 'trainer')?.post ?? null,
  };
}
