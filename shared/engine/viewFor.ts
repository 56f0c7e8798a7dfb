import type { Text } from '../i18n/text.js';
import type { Quality } from '../scenario/schema.js';
import { teamTotal, type Scores } from '../scores/dimensions.js';
import { holds } from './conditions.js';
import type { DrillState, Ending, ExpectedStatus } from './drillState.js';
import { currentMood, moodBand, type MoodBand } from './mood.js';
import type { ScenarioIndex } from './scenarioIndex.js';

export interface NpcView {
  id: string;
  archetype: string;
  name: Text;
  kind: string;
  mood: number;
  band: MoodBand;
  openedAt: number;
  expiresAt: number;
  interaction: string;
  prompt: Text;
  responses: { id: string; text: Text; available: boolean }[];
}

export interface PostView extends RoomView {
  ending?: Ending;
  scores: Scores;
  total: number;
  /** What anyone can see of every room: how many wait there, and how many of them are angry. */
  rooms: { id: string; waiting: number; angry: number }[];
  expected: { id: string; post: string; title: Text; status: ExpectedStatus; deadline?: number }[];
}

/** The part of a post's view about its own room: who waits there and what the room knows. */
export interface RoomView {
  clock: number;
  phase: DrillState['phase'];
  post: string;
  room: string;
  /** Who is waiting in this post's room, with what they said and what can be answered. Do not change. */
  waiting: readonly NpcView[];
  /** Facts this room knows, with the rooms that do not know them yet. Shared between views: do not change. */
  facts: readonly RoomFact[];
}

export interface RoomFact {
  readonly id: string;
  readonly text: Text;
  readonly unknownTo: readonly string[];
}

/**
 * What one post may see of the drill: its own room in detail, other rooms only as counts.
 * The server sends this much and no more.
 */
export function viewFor(index: ScenarioIndex, state: DrillState, post: string): PostView {
  const rooms = index.roomIds.map((id) => ({ id, waiting: 0, angry: 0 }));
  for (const npc of state.npcs) {
    if (npc.status !== 'waiting') continue;
    const summary = rooms[index.roomIds.indexOf(npc.room)]!;
    summary.waiting++;
    if (currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock) < 40) summary.angry++;
  }
  return {
    ...roomView(index, state, post),
    ...(state.ending && { ending: state.ending }),
    scores: { ...state.scores },
    total: teamTotal(state.scores),
    rooms,
    expected: index.scenario.expected.map((x) => {
      const progress = state.expected[x.id]!;
      return {
        id: x.id,
        post: x.post,
        title: x.title,
        status: progress.status,
        ...(progress.deadline !== undefined && { deadline: progress.deadline }),
      };
    }),
  };
}

const NOBODY: readonly NpcView[] = [];

/** Only the post's own room: all a bot needs to decide, and cheap enough to ask for often. */
export function roomView(index: ScenarioIndex, state: DrillState, post: string): RoomView {
  const room = index.postRoom.get(post);
  if (room === undefined) throw new Error(`no post "${post}" in scenario ${index.scenario.id}`);
  // Most views of a room find nobody waiting: they share one empty list instead of each making one.
  let waiting: NpcView[] | undefined;
  const read = { index, state };
  for (const npc of state.npcs) {
    if (npc.status !== 'waiting' || npc.room !== room) continue;
    const interaction = index.interactions.get(npc.interaction)!;
    if (interaction.posts && !interaction.posts.includes(post)) continue;
    const archetype = index.archetypes.get(npc.archetype)!;
    const mood = currentMood(npc, archetype, state.clock);
    (waiting ??= []).push({
      id: npc.id,
      archetype: archetype.id,
      name: archetype.name,
      kind: archetype.kind,
      mood,
      band: moodBand(mood),
      openedAt: npc.openedAt,
      expiresAt: npc.expiresAt,
      interaction: interaction.id,
      prompt: interaction.prompt,
      responses: interaction.responses.map((r) => ({
        id: r.id,
        text: r.text,
        available: r.requires === undefined || holds(read, r.requires, { room, npc }),
      })),
    });
  }
  return { clock: state.clock, phase: state.phase, post, room, waiting: waiting ?? NOBODY, facts: roomFacts(index, state, room) };
}

/**
 * The facts a room knows, built again only when some room has learned something since. Facts are
 * never forgotten, so the number of (fact, room) pairs known grows with every change: a view asked
 * for at the same count is the same. Bots ask for their room's view many times a drill.
 */
const factsCache = new WeakMap<DrillState, Map<string, { pairs: number; facts: readonly RoomFact[] }>>();

function roomFacts(index: ScenarioIndex, state: DrillState, room: string): readonly RoomFact[] {
  let pairs = 0;
  for (const f of index.scenario.facts) pairs += state.facts[f.id]?.length ?? 0;
  let byRoom = factsCache.get(state);
  if (!byRoom) factsCache.set(state, (byRoom = new Map()));
  const cached = byRoom.get(room);
  if (cached?.pairs === pairs) return cached.facts;
  const facts: RoomFact[] = [];
  for (const f of index.scenario.facts) {
    const knownBy = state.facts[f.id];
    if (knownBy?.includes(room)) facts.push({ id: f.id, text: f.text, unknownTo: index.roomIds.filter((r) => !knownBy.includes(r)) });
  }
  byRoom.set(room, { pairs, facts });
  return facts;
}

/** The scenario's own judgement of a response, which only bots and the debrief read. */
export function qualityOf(index: ScenarioIndex, interaction: string, response: string): Quality {
  return index.interactions.get(interaction)!.responses.find((r) => r.id === response)!.quality;
}
