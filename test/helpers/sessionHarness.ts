import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import type { Mode } from '../../shared/protocol/messages.js';
import type { Panel } from '../../shared/protocol/serverMessages.js';
import { applyPanelChange } from '../../shared/session/panelChange.js';
import { createSession, type Session } from '../../shared/session/session.js';
import { stepSession, type SessionEffect, type SessionInput } from '../../shared/session/stepSession.js';
import { miniScenario } from './fixtures.js';

// A session of the mini fixture driven by hand, without Colyseus: for the tests of shared/session.

export const miniIndex = indexScenario(miniScenario());
const index = miniIndex;
const KEY = 'trainer-key-0123456789';
const times = { reconnectSeconds: 60, abandonSeconds: 900, floodCoolDownSeconds: 30 };
const token = (name: string) => `${name}-token-0123456789`.slice(0, 22).padEnd(22, 'x');

export function newSession(mode: Mode, soloPost: string | null = null): Session {
  return createSession(index, 7, { code: 'CODE2345', mode, soloPost, botSkill: 'competent', trainerKey: KEY }, times, 600, 0);
}

/** A small harness: the session, the clock in ms, and everything each person was sent. */
export function harness(mode: Mode, soloPost: string | null = null) {
  const session = newSession(mode, soloPost);
  const sent = new Map<string, { type: string; payload: any }[]>();
  const all: SessionEffect[] = [];
  let now = 0;
  const step = (input: SessionInput) => {
    const effects = stepSession(session, input);
    all.push(...effects);
    for (const e of effects) if (e.type === 'send') (sent.get(e.to) ?? sent.set(e.to, []).get(e.to)!).push(e.message);
    return effects;
  };
  const join = (name: string, role: 'player' | 'trainer' | 'spectator' = 'player', wanted?: string) => {
    step({ type: 'join', now, role, name, newToken: token(name), ...(wanted && { wanted }) });
    return token(name);
  };
  const say = (who: string, type: string, raw: object) => step({ type: 'message', now, token: who, messageType: type, raw, throttled: false });
  const tick = (ms: number) => step({ type: 'tick', now: (now += ms), ms });
  /** Real time passes with no tick (the clock of a paused drill, say). */
  const wait = (ms: number) => void (now += ms);
  const of = (who: string, type: string) => (sent.get(who) ?? []).filter((m) => m.type === type).map((m) => m.payload);
  /** Every panel the person held, in order: each `panel`, and each `panelChange` applied to the panel it changes. */
  const panels = (who: string): Panel[] => {
    const held = new Map<string, Panel>();
    const out: Panel[] = [];
    for (const m of sent.get(who) ?? []) {
      const before = m.type === 'panelChange' ? held.get(m.payload.post) : undefined;
      const panel: Panel | undefined = m.type === 'panel' ? m.payload : before && applyPanelChange(before, m.payload);
      if (!panel) continue;
      held.set(panel.post, panel);
      out.push(panel);
    }
    return out;
  };
  return { session, step, join, say, tick, wait, of, panels, all, clock: () => session.driver.state.clock };
}
