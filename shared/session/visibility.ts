import type { DrillEvent } from '../engine/events.js';
import { roomView } from '../engine/viewFor.js';
import { workViewFor } from '../engine/work/workView.js';
import type { Panel } from '../protocol/serverMessages.js';
import type { Person, Session } from './session.js';

/**
 * What each person may see, in one place beside the engine's `viewFor`: the trainer and spectators
 * everything; a player the public events, their own room's, the memos their room sent or
 * received, and the panel of their own post. Everyone sees the shared state (scores, seats, the
 * clock, the public counts of each room).
 */
export function canSeeEvent(session: Session, person: Pick<Person, 'role' | 'post'>, event: DrillEvent): boolean {
  if (person.role !== 'player') return true;
  const room = person.post ? session.driver.index.postRoom.get(person.post) : undefined;
  if (event.room === undefined) {
    if (event.type !== 'factShared') return true;
    return room !== undefined && (event.from === room || event.to.includes(room));
  }
  return event.room === room;
}

/** The posts whose private panels this person receives. */
export function panelPostsFor(session: Session, person: Pick<Person, 'role' | 'post'>): string[] {
  if (person.role !== 'player') return session.driver.index.scenario.posts.map((p) => p.id);
  return person.post ? [person.post] : [];
}

/** One post's private panel as it is sent: who waits in its room (answers in the order shown) and what its room knows. */
export function panelFor(session: Session, post: string): Panel {
  const { index, state } = session.driver;
  const view = roomView(index, state, post);
  const npcs = new Map(state.npcs.filter((n) => n.status === 'waiting').map((n) => [n.id, n]));
  return {
    post,
    room: view.room,
    waiting: view.waiting.map((n) => {
      const npc = npcs.get(n.id)!;
      return {
        id: n.id,
        archetype: n.archetype,
        kind: n.kind,
        name: n.name,
        // The mood's line, not today's point on it: the client runs it down (moodAlongLine), so the
        // panel does not change every minute while someone waits.
        mood: npc.mood,
        moodAt: npc.moodAt,
        temper: index.archetypes.get(n.archetype)!.traits.temper,
        openedAt: n.openedAt,
        expiresAt: n.expiresAt,
        interaction: n.interaction,
        prompt: n.prompt,
        responses: n.responses.map((r) => (r.locked ? { id: r.id, text: r.text, available: r.available, locked: r.locked } : { id: r.id, text: r.text, available: r.available })),
      };
    }),
    facts: view.facts.map((f) => ({ id: f.id, text: f.text, unknownTo: [...f.unknownTo] })),
    ...(state.work && { work: workViewFor(index, state, post) }),
  };
}
