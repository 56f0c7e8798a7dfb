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

export interface PostView {
  clock: number;
  phase: DrillState['phase'];
  ending?: Ending;
  scores: Scores;
  total: number;
  post: string;
  room: string;
  /** Who is waiting in this post's room, with what they said and what can be answered. */
  waiting: NpcView[];
  /** Facts this room knows, with the rooms that do not know them yet. */
  facts: { id: string; text: Text; unknownTo: string[] }[];
  /** What anyone can see of every room: how many wait there, and how many of them are angry. */
  rooms: { id: string; waiting: number; angry: number }[];
  expected: { id: string; post: string; title: Text; status: ExpectedStatus; deadline?: number }[];
}

/**
 * What one post may see of the drill: its own room in detail, other rooms only as counts.
 * The server sends this much and no more; bots decide from it too.
 */
export function viewFor(index: ScenarioIndex, state: DrillState, post: string): PostView {
  const room = index.postRoom.get(post);
  if (room === undefined) throw new Error(`no post "${post}" in scenario ${index.scenario.id}`);
  const rooms = index.roomIds.map((id) => ({ id, waiting: 0, angry: 0 }));
  const waiting: NpcView[] = [];
  for (const npc of state.npcs) {
    if (npc.status !== 'waiting') continue;
    const archetype = index.archetypes.get(npc.archetype)!;
    const mood = currentMood(npc, archetype, state.clock);
    const summary = rooms[index.roomIds.indexOf(npc.room)]!;
    summary.waiting++;
    if (mood < 40) summary.angry++;
    if (npc.room !== room) continue;
    const interaction = index.interactions.get(npc.interaction)!;
    if (interaction.posts && !interaction.posts.includes(post)) continue;
    waiting.push({
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
        available: r.requires === undefined || holds({ index, state }, r.requires, { room, npc }),
      })),
    });
  }
  const facts = index.scenario.facts
    .filter((f) => state.facts[f.id]?.includes(room))
    .map((f) => ({ id: f.id, text: f.text, unknownTo: index.roomIds.filter((r) => !state.facts[f.id]!.includes(r)) }));
  return {
    clock: state.clock,
    phase: state.phase,
    ...(state.ending && { ending: state.ending }),
    scores: { ...state.scores },
    total: teamTotal(state.scores),
    post,
    room,
    waiting,
    facts,
    rooms,
    expected: index.scenario.expected.map((x) => ({
      id: x.id,
      post: x.post,
      title: x.title,
      status: state.expected[x.id]!.status,
      ...(state.expected[x.id]!.deadline !== undefined && { deadline: state.expected[x.id]!.deadline }),
    })),
  };
}

/** The scenario's own judgement of a response, which only bots and the debrief read. */
export function qualityOf(index: ScenarioIndex, interaction: string, response: string): Quality {
  return index.interactions.get(interaction)!.responses.find((r) => r.id === response)!.quality;
}
