import { viewFor } from '../../shared/engine/viewFor.js';
import { DIMENSIONS, teamTotal } from '../../shared/scores/dimensions.js';
import { seatViews, unseatedNames } from '../../shared/session/seating.js';
import type { Session } from '../../shared/session/session.js';
import { ExpectedState, RoomStatus, SeatState, type DrillSchema } from './DrillSchema.js';

/** Builds the parts of the mirror that never change during a drill. */
export function initMirror(target: DrillSchema, session: Session): void {
  const index = session.driver.index;
  target.code = session.terms.code;
  target.mode = session.terms.mode;
  target.scenario = index.scenario.id;
  for (const room of index.scenario.rooms) target.rooms.set(room.id, new RoomStatus({ id: room.id, type: room.type, waiting: 0, angry: 0 }));
  for (const x of index.scenario.expected) target.expected.set(x.id, new ExpectedState({ id: x.id, post: x.post, status: 'pending', deadline: 0 }));
  for (const seat of seatViews(session)) target.seats.set(seat.post, new SeatState({ ...seat }));
}

/**
 * Copies the session into the synchronised schema, touching only what changed, so that patches
 * stay small. With `full`, the drill's own state too (scores, rooms, duties); otherwise only the
 * clock, the phase, the speed and the people, which change without the engine.
 */
export function mirror(target: DrillSchema, session: Session, full: boolean): void {
  const { state, index } = session.driver;
  if (target.phase !== session.phase) target.phase = session.phase;
  if (target.speed !== session.speed) target.speed = session.speed;
  for (const seat of seatViews(session)) {
    const mirrored = target.seats.get(seat.post)!;
    for (const key of ['holder', 'kind', 'skill', 'connected', 'ready'] as const) if (mirrored[key] !== seat[key]) (mirrored[key] as unknown) = seat[key];
  }
  const names = unseatedNames(session);
  const list = target.unseated;
  if (list.length !== names.length || names.some((n, i) => list.at(i) !== n)) {
    // ArraySchema#splice refuses to insert more items than it deletes, so the list is rebuilt.
    list.splice(0, list.length);
    list.push(...names);
  }
  if (!full) return;
  target.clock = state.clock;
  for (const d of DIMENSIONS) if (target.scores[d] !== state.scores[d]) target.scores[d] = state.scores[d];
  const total = teamTotal(state.scores);
  if (target.scores.total !== total) target.scores.total = total;
  if (state.ending && target.ending !== (state.ending.id ?? 'stopped')) target.ending = state.ending.id ?? 'stopped';
  const publicView = viewFor(index, state, index.scenario.posts[0]!.id);
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
}
