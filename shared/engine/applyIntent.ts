import type { Intent } from '../protocol/intents.js';
import type { Rejection } from '../protocol/rejections.js';
import type { Response } from '../scenario/schema.js';
import { holds } from './conditions.js';
import type { DrillState, NpcState } from './drillState.js';
import { applyEffects, changeScore } from './effects.js';
import type { DrillEvent } from './events.js';
import { closeNpc, openInteraction } from './injects.js';
import { TAG_MOOD, currentMood, leavesSatisfied, setMood } from './mood.js';
import { settle } from './settle.js';
import { factsChanged } from './roomFacts.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { beginTransition, emit, markStale, type Transition } from './transition.js';
import { sayClaims } from './work/claims.js';
import { publishStatement, reviewDraft, submitDraft } from './work/statements.js';
import { answerFeedItem } from './work/feed.js';
import { fileReport } from './work/reports.js';

export type StepResult = { ok: true; events: DrillEvent[] } | { ok: false; rejection: Rejection };

const reject = (code: Rejection['code'], reason: string): StepResult => ({ ok: false, rejection: { code, reason } });

/**
 * Applies one post's intent at the drill's current clock. Everything is checked before anything
 * is written, so a rejected intent leaves the state exactly as it was. Mutates `state`.
 */
export function applyIntent(index: ScenarioIndex, state: DrillState, post: string, intent: Intent): StepResult {
  if (state.phase !== 'running') return reject('drill-ended', 'the drill has ended');
  const room = index.postRoom.get(post);
  if (room === undefined || !state.roster[post]) return reject('unknown-post', `no post "${post}" in this drill`);
  switch (intent.type) {
    case 'respond':
      return respond(index, state, post, room, intent);
    case 'shareFact':
      return shareFact(index, state, post, room, intent);
    case 'publish':
      return work(index, state, (tx) => publishStatement(tx, post, intent));
    case 'submitDraft':
      return work(index, state, (tx) => submitDraft(tx, post, intent));
    case 'review':
      return work(index, state, (tx) => reviewDraft(tx, post, intent));
    case 'feed':
      return work(index, state, (tx) => answerFeedItem(tx, post, intent));
    case 'fileReport':
      return work(index, state, (tx) => fileReport(tx, post, intent));
  }
}

/**
 * A rule of the rooms' own work: it checks before it writes and returns why it refused, so a
 * refusal leaves the state as it was.
 */
function work(index: ScenarioIndex, state: DrillState, rule: (tx: Transition) => { ok: false; rejection: Rejection } | undefined): StepResult {
  if (!state.work) return reject('not-available', `scenario ${index.scenario.id} has no such work`);
  const tx = beginTransition(index, state);
  const refused = rule(tx);
  if (refused) return refused;
  settle(tx);
  return { ok: true, events: tx.events };
}

function respond(
  index: ScenarioIndex,
  state: DrillState,
  post: string,
  room: string,
  intent: Extract<Intent, { type: 'respond' }>,
): StepResult {
  const npc = state.npcs.find((n) => n.id === intent.npc);
  if (!npc) {
    const gone = state.departed.find((n) => n.id === intent.npc);
    if (gone && gone.room === room) return reject('npc-not-waiting', `NPC "${intent.npc}" has left`);
    return reject(gone ? 'not-your-room' : 'unknown-npc', gone ? `NPC "${intent.npc}" is not in your room` : `no NPC "${intent.npc}"`);
  }
  // Another room's NPC is reported as not yours, without saying anything more about it.
  if (npc.room !== room) return reject('not-your-room', `NPC "${intent.npc}" is not in your room`);
  if (npc.status !== 'waiting') return reject('npc-not-waiting', `NPC "${intent.npc}" is not waiting for an answer`);
  const interaction = index.interactions.get(npc.interaction)!;
  if (interaction.posts && !interaction.posts.includes(post)) {
    return reject('not-your-interaction', `post "${post}" cannot answer "${interaction.id}"`);
  }
  const slot = interaction.responses.findIndex((r) => r.id === intent.response);
  const response = interaction.responses[slot];
  if (!response) return reject('unknown-response', `"${interaction.id}" has no response "${intent.response}"`);
  if (response.requires && !holds({ index, state }, response.requires, { room, npc })) {
    return reject('response-unavailable', `response "${response.id}" is not available now`);
  }

  const tx = beginTransition(index, state);
  const position = npc.order.indexOf(slot) + 1;
  emit(tx, { type: 'response', room, post, npc: npc.id, interaction: interaction.id, response: response.id, quality: response.quality, position, shown: npc.order.length });
  const cause = { kind: 'response' as const, post, npc: npc.id, archetype: npc.archetype, interaction: interaction.id, response: response.id };
  const tagMood = tagReaction(index, npc, response);
  if (tagMood !== 0) setMood(tx, npc, currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock) + tagMood, cause);
  applyEffects(tx, response.effects, { room, npc, cause });
  if (response.says.length > 0 && state.work) sayClaims(tx, room, response.says, 'response', cause);
  if (response.next) openInteraction(tx, npc, response.next);
  else closeNpc(tx, npc, leavesSatisfied(currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock)));
  settle(tx);
  return { ok: true, events: tx.events };
}

/** How the NPC's character takes the kind of answer it got. */
function tagReaction(index: ScenarioIndex, npc: NpcState, response: Response): number {
  const traits = index.archetypes.get(npc.archetype)!.traits;
  let delta = 0;
  for (const tag of response.tags) {
    if (traits.calmedBy.includes(tag)) delta += TAG_MOOD;
    if (traits.angeredBy.includes(tag)) delta -= TAG_MOOD;
  }
  return delta;
}

function shareFact(
  index: ScenarioIndex,
  state: DrillState,
  post: string,
  room: string,
  intent: Extract<Intent, { type: 'shareFact' }>,
): StepResult {
  const fact = index.scenario.facts.find((f) => f.id === intent.fact);
  if (!fact) return reject('unknown-fact', `no fact "${intent.fact}"`);
  const knownBy = state.facts[fact.id] ?? [];
  if (!knownBy.includes(room)) return reject('fact-not-known', `your room does not know "${fact.id}" yet`);
  if (new Set(intent.to).size !== intent.to.length) return reject('bad-recipient', 'a room is listed twice');
  for (const to of intent.to) {
    if (!index.roomIds.includes(to) || to === room) return reject('bad-recipient', `"${to}" is not another room of this drill`);
    if (knownBy.includes(to)) return reject('already-known', `room "${to}" already knows "${fact.id}"`);
  }

  const tx = beginTransition(index, state);
  knownBy.push(...intent.to);
  state.facts[fact.id] = knownBy;
  factsChanged(state);
  markStale(tx, index.watchers.fact.get(fact.id));
  emit(tx, { type: 'factShared', post, fact: fact.id, from: room, to: [...intent.to] });
  const points = index.scenario.sharing.coordinationPerRoom * intent.to.length;
  if (points > 0) {
    const reason = {
      'zh-CN': `向${intent.to.length}个房间通报已确认事实：${fact.text['zh-CN']}`,
      en: `Shared a confirmed fact with ${intent.to.length} room(s): ${fact.text.en}`,
    };
    changeScore(tx, 'coordination', points, reason, { kind: 'share', post, fact: fact.id });
  }
  settle(tx);
  return { ok: true, events: tx.events };
}
