import type { Session } from '../../shared/session/session.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { Checkpoint } from './Checkpoint.js';

/** The drill as its checkpoint keeps it: the log, and what rejoining people need. */
export function checkpointOf(session: Session, creation: DrillCreation, owner: string, startedAt: Date): Checkpoint {
  const players = [...session.people.values()].filter((p) => p.role === 'player');
  return {
    version: 2,
    owner,
    code: session.terms.code,
    scenario: { id: creation.scenarioId, hash: creation.scenarioHash },
    creation,
    trainerKey: session.terms.trainerKey,
    ...(session.trainerId && { trainerId: session.trainerId }),
    phase: session.phase === 'lobby' || session.phase === 'running' ? session.phase : 'paused',
    lastParticipant: session.lastId,
    speed: session.speed,
    clock: session.driver.state.clock,
    inputs: [...session.driver.log],
    players: players.map((p) => ({ id: p.id, token: p.token, name: p.name, ...(p.post && { post: p.post }), ready: p.ready })),
    startedAt: startedAt.toISOString(),
  };
}
