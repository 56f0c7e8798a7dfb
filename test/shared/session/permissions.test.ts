import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, type ClientMessageType } from '../../../shared/protocol/messages.js';
import { refusalFor } from '../../../shared/session/permissions.js';
import type { Role, SessionPhase } from '../../../shared/session/session.js';

const ROLES: Role[] = ['trainer', 'player', 'spectator'];
const PHASES: SessionPhase[] = ['lobby', 'running', 'paused', 'ended', 'failed', 'abandoned'];
const TYPES = Object.keys(CLIENT_MESSAGES) as ClientMessageType[];
const CLOCK = ['start', 'pause', 'resume', 'speed'] as const;

/** The table the session must implement, written out independently of the code: who may ask, when. */
function expected(role: Role, type: ClientMessageType, phase: SessionPhase, hasPost: boolean, soloPlayer: boolean, clock?: string, soloDrill = soloPlayer): string | undefined {
  const over = ['ended', 'failed', 'abandoned'].includes(phase);
  switch (type) {
    case 'intent':
      return !hasPost ? 'no-post' : phase !== 'running' ? 'wrong-phase' : undefined;
    case 'seat':
      return role === 'player' ? undefined : 'not-allowed';
    case 'ready':
      return hasPost ? undefined : 'no-post';
    case 'clock':
      if (role !== 'trainer' && !soloPlayer) return 'not-allowed';
      if (over) return 'drill-ended';
      if (clock === 'start') return phase === 'lobby' ? undefined : 'wrong-phase';
      if (clock === 'pause') return phase === 'running' ? undefined : 'wrong-phase';
      if (clock === 'resume') return phase === 'paused' ? undefined : 'wrong-phase';
      return undefined;
    case 'control':
      return role !== 'trainer' ? 'not-allowed' : phase === 'running' || phase === 'paused' ? undefined : 'wrong-phase';
    case 'hint':
      return role === 'trainer' ? undefined : 'not-allowed';
    case 'post':
      return role !== 'trainer' ? 'not-allowed' : over ? 'drill-ended' : undefined;
    case 'chat':
      if (soloDrill) return 'chat-unavailable';
      if (role === 'spectator') return 'not-allowed';
      if (role === 'player' && !hasPost) return 'no-post';
      if (phase === 'lobby') return 'wrong-phase';
      return over ? 'drill-ended' : undefined;
  }
}

describe('who may send what, in which phase', () => {
  it('answers every role × message × phase (× post, × solo player, × clock action) as the table says', () => {
    let cases = 0;
    for (const role of ROLES)
      for (const type of TYPES)
        for (const phase of PHASES)
          for (const hasPost of [false, true])
            for (const soloPlayer of [false, true]) {
              if (soloPlayer && (role !== 'player' || !hasPost)) continue;
              for (const clock of type === 'clock' ? CLOCK : [undefined]) {
                const got = refusalFor(role, type, phase, { hasPost, soloPlayer, soloDrill: soloPlayer, ...(clock && { clock }) });
                expect(got?.code, `${role} ${type}${clock ? `:${clock}` : ''} in ${phase}${hasPost ? ' with a post' : ''}${soloPlayer ? ' (solo)' : ''}`).toBe(expected(role, type, phase, hasPost, soloPlayer, clock));
                if (got) expect(got.reason.length).toBeGreaterThan(5);
                cases++;
              }
            }
    expect(cases).toBeGreaterThan(400);
  });

  it('refuses chat to everyone in solo practice, and otherwise lets the trainer and players at a post write while the drill runs or is paused', () => {
    for (const role of ROLES)
      for (const phase of PHASES)
        for (const hasPost of [false, true])
          for (const soloDrill of [false, true]) {
            const got = refusalFor(role, 'chat', phase, { hasPost, soloPlayer: false, soloDrill });
            expect(got?.code, `${role} chat in ${phase}${hasPost ? ' with a post' : ''}${soloDrill ? ' (solo drill)' : ''}`).toBe(expected(role, 'chat', phase, hasPost, false, undefined, soloDrill));
          }
    expect(refusalFor('player', 'chat', 'running', { hasPost: true, soloPlayer: false })).toBeUndefined();
    expect(refusalFor('trainer', 'chat', 'paused', { hasPost: false, soloPlayer: false })).toBeUndefined();
  });

  it('never lets a spectator change the drill', () => {
    for (const type of TYPES)
      for (const phase of PHASES) {
        if (type === 'ready' || type === 'intent') continue; // they need a post, which a spectator never holds
        expect(refusalFor('spectator', type, phase, { hasPost: false, soloPlayer: false, clock: 'pause' }), `${type} in ${phase}`).toBeDefined();
      }
  });
});
