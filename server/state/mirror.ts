import type { DrillState } from '../../shared/engine/drillState.js';
import type { ScenarioIndex } from '../../shared/engine/scenarioIndex.js';
import { roomView, viewFor, type NpcView } from '../../shared/engine/viewFor.js';
import { DIMENSIONS, teamTotal } from '../../shared/scores/dimensions.js';
import { ExpectedState, KnownFact, NpcCard, PostPanel, RoomStatus, type DrillSchema, type ResponseOption } from './DrillSchema.js';

/** Builds the parts of the mirror that never change during a drill. */
export function initMirror(target: DrillSchema, index: ScenarioIndex): void {
  for (const room of index.scenario.rooms) target.rooms.set(room.id, new RoomStatus({ id: room.id, type: room.type, waiting: 0, angry: 0 }));
  for (const post of index.scenario.posts) target.panels.set(post.id, new PostPanel({ post: post.id, room: post.room }));
  for (const x of index.scenario.expected) target.expected.set(x.id, new ExpectedState({ id: x.id, post: x.post, status: 'pending', deadline: 0 }));
}

/**
 * Copies the engine's state into the synchronised schema, touching only what changed, so that
 * patches stay small. What each client may see is decided by the panels' visibility.
 */
export function mirror(target: DrillSchema, index: ScenarioIndex, state: DrillState): void {
  target.clock = state.clock;
  for (const d of DIMENSIONS) if (target.scores[d] !== state.scores[d]) target.scores[d] = state.scores[d];
  const total = teamTotal(state.scores);
  if (target.scores.total !== total) target.scores.total = total;
  if (state.ending && target.ending !== (state.ending.id ?? 'stopped')) target.ending = state.ending.id ?? 'stopped';

  const anyPost = index.scenario.posts[0]!.id;
  const publicView = viewFor(index, state, anyPost);
  for (const r of publicView.rooms) {
    const status = target.rooms.get(r.id)!;
    if (status.waiting !== r.waiting) status.waiting = r.waiting;
    if (status.angry !== r.angry) status.angry = r.angry;
  }
  for (const x of publicView.expected) {
    const entry = target.expected.get(x.id)!;
    if (entry.status !== x.status) entry.status = x.status;
    if (entry.deadline !== (x.deadline ?? 0)) entry.deadline = x.deadline ?? 0;
  }
  for (const post of index.scenario.posts) mirrorPanel(target.panels.get(post.id)!, roomView(index, state, post.id));
}

function mirrorPanel(panel: PostPanel, view: ReturnType<typeof roomView>): void {
  const wanted = new Map(view.waiting.map((n) => [n.id, n]));
  for (let i = panel.waiting.length - 1; i >= 0; i--) {
    const card = panel.waiting.at(i)!;
    const npc = wanted.get(card.id);
    if (!npc || npc.interaction !== card.interaction) panel.waiting.splice(i, 1);
  }
  const present = new Set(panel.waiting.map((c) => c.id));
  for (const card of panel.waiting) updateCard(card, wanted.get(card.id)!);
  for (const npc of view.waiting) if (!present.has(npc.id)) addCard(panel, npc);

  const facts = view.facts.map((f) => ({ id: f.id, zh: f.text['zh-CN'], en: f.text.en, unknownTo: JSON.stringify(f.unknownTo) }));
  if (panel.facts.length !== facts.length || facts.some((f, i) => panel.facts.at(i)?.id !== f.id || panel.facts.at(i)!.unknownTo !== f.unknownTo)) {
    panel.facts.splice(0, panel.facts.length);
    for (const f of facts) panel.facts.push(new KnownFact(f));
  }
}

function addCard(panel: PostPanel, npc: NpcView): void {
  const card = new NpcCard({
    id: npc.id,
    archetype: npc.archetype,
    kind: npc.kind,
    nameZh: npc.name['zh-CN'],
    nameEn: npc.name.en,
    mood: npc.mood,
    openedAt: npc.openedAt,
    expiresAt: npc.expiresAt,
    interaction: npc.interaction,
    promptZh: npc.prompt['zh-CN'],
    promptEn: npc.prompt.en,
    responses: responsesJson(npc),
  });
  panel.waiting.push(card);
}

function responsesJson(npc: NpcView): string {
  return JSON.stringify(
    npc.responses.map((r): ResponseOption => ({ id: r.id, zh: r.text['zh-CN'], en: r.text.en, available: r.available, ...(r.locked && { lockZh: r.locked['zh-CN'], lockEn: r.locked.en }) })),
  );
}

function updateCard(card: NpcCard, npc: NpcView): void {
  if (card.mood !== npc.mood) card.mood = npc.mood;
  if (card.expiresAt !== npc.expiresAt) card.expiresAt = npc.expiresAt;
  const responses = responsesJson(npc);
  if (card.responses !== responses) card.responses = responses;
}
