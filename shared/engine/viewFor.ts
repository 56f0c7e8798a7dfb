import type { Text } from '../i18n/text.js';
import type { Quality } from '../scenario/schema.js';
import { teamTotal, type Scores } from '../scores/dimensions.js';
import { holds } from './conditions.js';
import type { DrillState, Ending, ExpectedStatus } from './drillState.js';
import { lockReason } from './lockReason.js';
import { ANGRY_BELOW, currentMood, moodBand, type MoodBand } from './mood.js';
import { roomFacts, type RoomFact } from './roomFacts.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { workViewFor, type WorkView } from './work/workView.js';
import { callHolder } from './work/phone.js';

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
  /** In the order shown (drawn when the interaction opened); a locked one carries why. */
  responses: { id: string; text: Text; available: boolean; locked?: Text }[];
  /**
   * For bots: the position in the scenario file of each response as shown. Bots read their
   * options in file order so that what they choose never depends on the order shown; clients are
   * never sent it.
   */
  order: readonly number[];
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
  /**
   * The post's own work (statements to write or approve, the feed), for a post that has some;
   * panels add every post's (the published statements, the claims it could state).
   */
  work?: WorkView;
}

export type { RoomFact };

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
    if (currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock) < ANGRY_BELOW) summary.angry++;
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
export function roomView(index: ScenarioIndex, state: DrillState, post: string, work: typeof workViewFor = workViewFor): RoomView {
  const room = index.postRoom.get(post);
  if (room === undefined) throw new Error(`no post "${post}" in scenario ${index.scenario.id}`);
  // Most views of a room find nobody waiting: they share one empty list instead of each making one.
  let waiting: NpcView[] | undefined;
  const read = { index, state };
  for (const npc of state.npcs) {
    if (npc.status !== 'waiting' || npc.room !== room) continue;
    const interaction = index.interactions.get(npc.interaction)!;
    if (interaction.posts && !interaction.posts.includes(post)) continue;
    // A caller still in the queue, or on another post's line, has no card here: the queue shows it.
    if (state.work?.phone) {
      const holder = callHolder(state.work.phone, npc.id);
      if (holder !== undefined && holder !== post) continue;
    }
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
      responses: npc.order.map((slot) => {
        const r = interaction.responses[slot]!;
        const available = r.requires === undefined || holds(read, r.requires, { room, npc });
        return available ? { id: r.id, text: r.text, available } : { id: r.id, text: r.text, available, locked: lockReason(index, r) };
      }),
      order: npc.order,
    });
  }
  const view: RoomView = { clock: state.clock, phase: state.phase, post, room, waiting: waiting ?? NOBODY, facts: roomFacts(index, state, room) };
  if (state.work && index.workPosts.has(post)) view.work = work(index, state, post);
  return view;
}

/** The scenario's own judgement of a response, which only bots and the debrief read. */
export function qualityOf(index: ScenarioIndex, interaction: string, response: string): Quality {
  return index.interactions.get(interaction)!.responses.find((r) => r.id === response)!.quality;
}
