import type { DrillState } from '../../shared/engine/drillState.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import { currentMood, moodBand, type MoodBand } from '../../shared/engine/mood.js';
import type { ScenarioIndex } from '../../shared/engine/scenarioIndex.js';
import type { Locale, Text } from '../../shared/i18n/text.js';
import { isMessageKey, translate } from '../../shared/i18n/translate.js';
import type { ReplayStep } from '../../shared/replay/replayStep.js';
import type { Difference } from '../../shared/replay/verification.js';
import { DIMENSIONS, DIMENSION_LABELS, teamTotal, type Dimension } from '../../shared/scores/dimensions.js';
import { t } from '../i18n/t.js';
import { clockLabel } from './clockLabel.js';
import { feedPosts } from './feed.js';
import { humanize } from './names.js';
import type { ScoreView } from './viewModel.js';

/** How many recent incidents (or feed posts) each room shows. */
const INCIDENTS = 2;

export interface ReplayNpc {
  id: string;
  name: Text;
  kind: string;
  mood: number;
  band: MoodBand;
}

/** One room as it was at a step: who waited, what it knew, what last happened there. */
export interface ReplayRoom {
  id: string;
  type: string;
  name: Text;
  waiting: ReplayNpc[];
  /** `shared`: another room knows it too. */
  facts: { id: string; text: Text; shared: boolean }[];
  /** Newest first: injects aimed at the room (for the newsroom, its social feed). */
  incidents: { at: number; text: Text }[];
}

/** Everything the replay screen draws for one step. Pure: tested without Phaser. */
export interface ReplayFrame {
  step: number;
  last: number;
  clock: number;
  clockLabel: string;
  rooms: ReplayRoom[];
  scores: ScoreView[];
  total: number;
  duties: { met: number; late: number; missed: number };
  /** What the step was ("A move by Branch manager"), and what happened in it, line by line. */
  title: string;
  lines: string[];
  refused: string | null;
}

export function replayFrame(index: ScenarioIndex, state: DrillState, steps: readonly ReplayStep[], position: number, locale: Locale): ReplayFrame {
  const scenario = index.scenario;
  const history = steps.slice(0, position + 1).flatMap((s) => s.events);
  const newsroom = scenario.rooms.find((r) => r.type === 'newsroom')?.id;
  const rooms: ReplayRoom[] = scenario.rooms.map((room) => ({
    id: room.id,
    type: room.type,
    name: room.name,
    waiting: state.npcs
      .filter((n) => n.status === 'waiting' && n.room === room.id)
      .map((n) => {
        const archetype = index.archetypes.get(n.archetype)!;
        const mood = currentMood(n, archetype, state.clock);
        return { id: n.id, name: archetype.name, kind: archetype.kind, mood, band: moodBand(mood) };
      }),
    facts: scenario.facts
      .filter((f) => state.facts[f.id]?.includes(room.id))
      .map((f) => ({ id: f.id, text: f.text, shared: state.facts[f.id]!.length > 1 })),
    incidents: (room.id === newsroom
      ? feedPosts(history, room.id).map((p) => ({ at: p.at, text: p.title ?? p.body }))
      : history.flatMap((e) => (e.type === 'inject' && e.room === room.id ? [{ at: e.at, text: e.title }] : []))
    )
      .slice(-INCIDENTS)
      .reverse(),
  }));
  const statuses = Object.values(state.expected).map((x) => x.status);
  const step = steps[position]!;
  return {
    step: position,
    last: steps.length - 1,
    clock: state.clock,
    clockLabel: clockLabel(state.clock),
    rooms,
    scores: DIMENSIONS.map((dim) => ({ dim, label: DIMENSION_LABELS[dim], value: state.scores[dim] })),
    total: teamTotal(state.scores),
    duties: { met: statuses.filter((s) => s === 'met').length, late: statuses.filter((s) => s === 'late').length, missed: statuses.filter((s) => s === 'missed').length },
    title: stepTitle(index, step, locale),
    lines: step.events.flatMap((e) => eventLine(index, e, arrivals(history), locale) ?? []),
    refused: step.rejection ? t('replay.refused', { reason: known(`rejection.${step.rejection.code}`, locale) ?? step.rejection.reason }, locale) : null,
  };
}

function stepTitle(index: ScenarioIndex, step: ReplayStep, locale: Locale): string {
  const time = clockLabel(step.clock);
  if (step.kind === 'start') return `${time} · ${t('replay.stepStart', {}, locale)}`;
  if (step.kind === 'time') return t('replay.stepTime', { time }, locale);
  const post = step.events.find((e): e is Extract<DrillEvent, { type: 'response' | 'factShared' }> => e.type === 'response' || e.type === 'factShared')?.post;
  return `${time} · ${post ? t('replay.stepInput', { post: postName(index, post)[locale] }, locale) : t('replay.stepControl', {}, locale)}`;
}

/** One line per event worth reading; bookkeeping (moods, flags, follow-ups) is left out. */
function eventLine(index: ScenarioIndex, e: DrillEvent, archetypeOf: Map<string, string>, locale: Locale): string | null {
  const s = index.scenario;
  const npcName = (npc: string) => index.archetypes.get(archetypeOf.get(npc) ?? '')?.name[locale] ?? npc;
  switch (e.type) {
    case 'inject':
      return e.title[locale];
    case 'npcArrived':
      return t('replay.line.arrived', { name: index.archetypes.get(e.archetype)?.name[locale] ?? e.archetype }, locale);
    case 'response': {
      const response = index.interactions.get(e.interaction)?.responses.find((r) => r.id === e.response);
      return t('replay.line.response', { post: postName(index, e.post)[locale], response: response?.text[locale] ?? e.response, position: e.position ?? '?', shown: e.shown ?? '?' }, locale);
    }
    case 'timeout':
      return e.outcome[locale];
    case 'npcLeft':
      return t(e.satisfied ? 'replay.line.leftHappy' : 'replay.line.leftUnhappy', { name: npcName(e.npc) }, locale);
    case 'score':
      return `${e.delta > 0 ? '+' : ''}${e.delta} ${DIMENSION_LABELS[e.dim][locale]}${locale === 'en' ? ': ' : '：'}${e.reason[locale]}`;
    case 'factLearned':
      return t('replay.line.learned', { fact: s.facts.find((f) => f.id === e.fact)?.text[locale] ?? e.fact }, locale);
    case 'factShared':
      return t('replay.line.shared', { post: postName(index, e.post)[locale], fact: s.facts.find((f) => f.id === e.fact)?.text[locale] ?? e.fact }, locale);
    case 'expected':
      return e.status === 'pending' ? null : t('replay.line.duty', { duty: dutyTitle(index, e.expected)[locale], status: t(`duty.${e.status}`, {}, locale) }, locale);
    case 'deadlineExtended':
      return t('replay.line.extended', { duty: dutyTitle(index, e.expected)[locale], time: clockLabel(e.deadline) }, locale);
    case 'ended':
      return t('replay.line.ended', {}, locale);
    default:
      return null;
  }
}

/** Each NPC's archetype, from its arrival: a leaving NPC's event names only the NPC. */
function arrivals(history: readonly DrillEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of history) if (e.type === 'npcArrived') out.set(e.npc, e.archetype);
  return out;
}

function postName(index: ScenarioIndex, post: string): Text {
  return index.scenario.posts.find((p) => p.id === post)?.name ?? humanize(post);
}

function dutyTitle(index: ScenarioIndex, id: string): Text {
  return index.scenario.expected.find((x) => x.id === id)?.title ?? humanize(id);
}

/** A difference as a reader understands it: "Customer trust (stored 67, replayed 60)". */
export function differenceLabel(index: ScenarioIndex, d: Difference, locale: Locale): string {
  const [kind, id] = d.what.split('.', 2) as [string, string | undefined];
  const what =
    kind === 'scores' && id && id in DIMENSION_LABELS
      ? DIMENSION_LABELS[id as Dimension][locale]
      : kind === 'total'
        ? t('hud.total', {}, locale)
        : kind === 'expected' && id
          ? dutyTitle(index, id)[locale]
          : (known(`replay.what.${d.what}`, locale) ?? d.what);
  const value = (v: Difference['stored']) => (v === null ? '—' : (known(`duty.${v}`, locale) ?? short(String(v))));
  return t('replay.difference', { what, stored: value(d.stored), replayed: value(d.replayed) }, locale);
}

/** A string whose key is made at run time, in the given language, if there is one. */
function known(key: string, locale: Locale): string | null {
  return isMessageKey(key) ? translate(key, locale) : null;
}

/** Hashes are 64 characters: the first few say enough on a banner. */
function short(value: string): string {
  return value.length > 24 ? `${value.slice(0, 10)}…` : value;
}
