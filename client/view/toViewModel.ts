import { moodAlongLine, moodBand } from '../../shared/engine/mood.js';
import type { Text } from '../../shared/i18n/text.js';
import { formatJoinCode } from '../../shared/protocol/joinCode.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { Card, Me, Panel } from '../../shared/protocol/serverMessages.js';
import type { DrillStateJson } from '../../shared/protocol/stateShape.js';
import { canControlClock } from '../../shared/session/permissions.js';
import { DIMENSIONS, DIMENSION_LABELS } from '../../shared/scores/dimensions.js';
import { clockLabel, waitLabel } from './clockLabel.js';
import { humanize, roomTypeName } from './names.js';
import { shareEqual } from './shareEqual.js';
import type { DrillView, DutyView, FactView, NpcView, PanelView, RoomView, SeatView } from './viewModel.js';

/**
 * What the client draws from: the synchronised state as plain data (typed by
 * shared/protocol/stateShape.ts, the one definition the server's schema is built from) and the
 * private panels received as `panel` messages, by post.
 */
export interface DrillData extends DrillStateJson {
  panels?: Record<string, Panel>;
}

export interface ViewOptions {
  scenario?: ScenarioSummary | null;
  /** For the trainer (who receives every panel): which post's panel to show. */
  viewPost?: string | null;
}

/** What a view-model is built from, named so that a change to one rebuilds only the parts that read it. */
export type ViewInput = 'fields' | 'clock' | 'scores' | 'seats' | 'rooms' | 'expected' | 'unseated' | 'panels' | 'me' | 'viewPost' | 'scenario';

/** The parts of a DrillView, each rebuilt only when one of its inputs changed. */
const PARTS = {
  header: ['fields', 'clock', 'scenario'],
  scores: ['scores'],
  me: ['me', 'seats', 'fields', 'viewPost', 'scenario'],
  seats: ['seats', 'rooms', 'scenario', 'me', 'fields'],
  rooms: ['rooms', 'seats', 'me', 'viewPost', 'scenario'],
  duties: ['expected', 'clock', 'me', 'scenario'],
  panels: ['panels', 'rooms', 'clock', 'viewPost', 'seats', 'me', 'scenario'],
  unseated: ['unseated'],
} as const satisfies Record<string, readonly ViewInput[]>;
export type ViewPart = keyof typeof PARTS;

const URGENT_SECONDS = 15 * 60;

/**
 * The synchronised state as the client draws it. Pure and Phaser-free: the scenes only render
 * what this returns, so what a player sees is tested here without a browser.
 *
 * Given the previous view and which inputs changed since, it rebuilds only the parts that read
 * them, and every part equal to the previous one keeps its identity (shareEqual), so widgets
 * compare parts with `!==`.
 */
export function toViewModel(state: DrillData, me: Me, options: ViewOptions = {}, previous?: DrillView, changed?: ReadonlySet<ViewInput>): DrillView {
  const stale = (part: ViewPart) => !previous || !changed || PARTS[part].some((input) => changed.has(input));
  const scenario = options.scenario && options.scenario.id === state.scenario ? options.scenario : null;
  const isTrainer = me.role !== 'player';
  const mode = (['training', 'team', 'solo'].includes(state.mode) ? state.mode : 'training') as DrillView['mode'];
  const roomName = (id: string): Text => scenario?.rooms.find((r) => r.id === id)?.name ?? roomTypeName(state.rooms[id]?.type ?? id);
  const postName = (id: string): Text => scenario?.posts.find((p) => p.id === id)?.name ?? humanize(id);
  const mySeat = me.post ? state.seats[me.post] : undefined;
  const viewPost = isTrainer ? pickTrainerPost(state, options.viewPost) : me.post;
  const viewRoom = viewPost ? state.seats[viewPost]?.room : undefined;

  const header = () => ({
    code: state.code,
    codeLabel: state.code ? formatJoinCode(state.code) : '',
    mode,
    team: state.team,
    phase: (['lobby', 'running', 'paused', 'ended', 'failed', 'abandoned'].includes(state.phase) ? state.phase : 'lobby') as DrillView['phase'],
    clock: state.clock,
    clockLabel: clockLabel(state.clock),
    speed: state.speed,
    ending: state.ending,
    scenario: { id: state.scenario, title: scenario?.title ?? null, briefing: scenario?.briefing ?? null },
  });

  const scores = () => ({
    scores: DIMENSIONS.map((dim) => ({ dim, label: DIMENSION_LABELS[dim], value: state.scores[dim] ?? 0 })),
    total: state.scores.total ?? 0,
  });

  const meView = (): DrillView['me'] => ({
    role: me.role,
    post: me.post,
    postName: me.post ? postName(me.post) : null,
    viewRoomType: viewRoom ? (state.rooms[viewRoom]?.type ?? null) : null,
    isTrainer,
    canControlClock: canControlClock(me.role, mode, me.post !== null),
    // The trainer acts only in a post it took over, and only while looking at it.
    canAct: me.role !== 'spectator' && me.post !== null && viewPost === me.post,
    onConsole: me.role === 'trainer' && !options.viewPost,
    ready: mySeat?.ready ?? false,
  });

  const seats = (): SeatView[] =>
    Object.values(state.seats).map((s) => ({
      post: s.post,
      name: postName(s.post),
      brief: scenario?.posts.find((p) => p.id === s.post)?.brief ?? null,
      room: s.room,
      roomType: state.rooms[s.room]?.type ?? s.room,
      holder: s.holder,
      kind: s.kind === 'human' || s.kind === 'trainer' ? s.kind : 'bot',
      skill: s.skill,
      connected: s.connected,
      ready: s.ready,
      mine: s.post === me.post,
      takeable: me.role === 'player' && s.kind === 'bot' && mode !== 'solo',
    }));

  const rooms = (): RoomView[] =>
    Object.values(state.rooms).map((r) => ({
      id: r.id,
      type: r.type,
      name: roomName(r.id),
      waiting: r.waiting,
      angry: r.angry,
      mine: r.id === mySeat?.room,
      viewing: r.id === viewRoom,
    }));

  const duties = (): DutyView[] => {
    const list: DutyView[] = Object.values(state.expected).map((x) => {
      const deadline = x.deadline > 0 ? x.deadline : null;
      const status = (['pending', 'met', 'late', 'missed', 'not-applicable'].includes(x.status) ? x.status : 'pending') as DutyView['status'];
      return {
        id: x.id,
        post: x.post,
        title: scenario?.expected.find((e) => e.id === x.id)?.title ?? humanize(x.id),
        status,
        deadline,
        deadlineLabel: deadline === null ? null : clockLabel(deadline),
        mine: x.post === me.post,
        urgent: status === 'pending' && deadline !== null && deadline - state.clock <= URGENT_SECONDS,
      };
    });
    return list.sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity));
  };

  const panels = () => {
    const panelJson = viewPost ? state.panels?.[viewPost] : undefined;
    return {
      panel: panelJson && viewPost ? toPanel(panelJson, state, roomName) : null,
      panels: Object.values(state.panels ?? {}).map((p) => toPanel(p, state, roomName)),
    };
  };

  const p = previous;
  const next: DrillView = {
    ...(stale('header') || !p ? header() : pick(p, 'code', 'codeLabel', 'mode', 'team', 'phase', 'clock', 'clockLabel', 'speed', 'ending', 'scenario')),
    ...(stale('scores') || !p ? scores() : pick(p, 'scores', 'total')),
    me: stale('me') || !p ? meView() : p.me,
    seats: stale('seats') || !p ? seats() : p.seats,
    rooms: stale('rooms') || !p ? rooms() : p.rooms,
    duties: stale('duties') || !p ? duties() : p.duties,
    ...(stale('panels') || !p ? panels() : pick(p, 'panel', 'panels')),
    unseated: stale('unseated') || !p ? [...(state.unseated ?? [])] : p.unseated,
  };
  return previous ? shareEqual(previous, next) : next;
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/** The trainer looks at the chosen post, or else the first post of the first room. */
function pickTrainerPost(state: DrillData, wanted: string | null | undefined): string | null {
  if (wanted && state.seats[wanted]) return wanted;
  return Object.keys(state.seats)[0] ?? null;
}

function toPanel(panel: Panel, state: DrillData, roomName: (id: string) => Text): PanelView {
  const facts: FactView[] = panel.facts.map((f) => ({ id: f.id, text: f.text, unknownTo: f.unknownTo.map((id) => ({ id, name: roomName(id) })) }));
  return {
    post: panel.post,
    room: panel.room,
    roomType: state.rooms[panel.room]?.type ?? panel.room,
    npcs: panel.waiting.map((card) => toNpc(card, state.clock)),
    facts,
    work: panel.work ?? null,
  };
}

export function toNpc(card: Card, clock: number): NpcView {
  const mood = moodAlongLine(card.mood, card.moodAt, card.temper, clock);
  const span = Math.max(1, card.expiresAt - card.openedAt);
  const waited = Math.max(0, clock - card.openedAt);
  return {
    id: card.id,
    kind: card.kind,
    archetype: card.archetype,
    name: card.name,
    mood,
    band: moodBand(mood),
    interaction: card.interaction,
    prompt: card.prompt,
    responses: card.responses,
    openedAt: card.openedAt,
    expiresAt: card.expiresAt,
    patience: Math.min(1, Math.max(0, (card.expiresAt - clock) / span)),
    waited,
    waitLabel: waitLabel(waited),
  };
}
