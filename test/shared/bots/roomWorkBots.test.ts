import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { SURFACE_POLICIES } from '../../../shared/sim/surfacePolicies.js';
import type { Skill } from '../../../shared/bots/skill.js';
import { roomWorkScenario } from '../../helpers/roomWorkFixture.js';

const scenario = roomWorkScenario({ meter: 3 });
const team = (skill: Skill) => Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const of = <T extends DrillEvent['type']>(events: DrillEvent[], type: T) => events.filter((e): e is Extract<DrillEvent, { type: T }> => e.type === type);

describe('bots on the call queue and the floor', () => {
  it('experts pick up, file the right category, promise only what the FAQ leaves open, keep call-backs, escalate what needs it, and run the floor by the procedure', () => {
    for (const seed of SEEDS) {
      const { events } = runBotDrill(scenario, seed, team('expert'));
      expect(of(events, 'callPickedUp').length).toBeGreaterThan(0);
      const tickets = of(events, 'ticketLogged');
      expect(tickets.length).toBeGreaterThan(0);
      for (const t of tickets) {
        expect(t.right).toBe(true);
        expect(t.callback > 0).toBe(t.needed);
      }
      expect(of(events, 'callbackBroken')).toHaveLength(0);
      expect(of(events, 'callbackKept').every((e) => !e.late)).toBe(true);
      expect(of(events, 'escalated').every((e) => e.needed)).toBe(true);
      expect(of(events, 'escalationAcknowledged').every((e) => !e.stale)).toBe(true);
      expect(of(events, 'customerAssigned').every((e) => e.quality === 'best')).toBe(true);
      expect(of(events, 'lineRead')).toHaveLength(1);
    }
  });

  it('experts pick up the vulnerable caller before a worried one who rang earlier', () => {
    const firsts = SEEDS.map((seed) => {
      const { events } = runBotDrill(scenario, seed, team('expert'));
      const picked = of(events, 'callPickedUp');
      return picked.findIndex((e) => e.call === 'elderly-scam');
    });
    expect(firsts.filter((i) => i <= 1).length).toBeGreaterThanOrEqual(SEEDS.length - 1);
  });

  it('novices file wrong tickets and break call-backs in some seeds, and score below experts', () => {
    let wrong = 0;
    let broken = 0;
    for (const seed of SEEDS) {
      const { events } = runBotDrill(scenario, seed, team('novice'));
      wrong += of(events, 'ticketLogged').filter((t) => !t.right).length;
      broken += of(events, 'callbackBroken').length + of(events, 'callAbandoned').length;
    }
    expect(wrong).toBeGreaterThan(0);
    expect(broken).toBeGreaterThan(0);
  });

  it('competent bots use every mechanic without a refused move', () => {
    const types = new Set<string>();
    for (const seed of SEEDS) for (const e of runBotDrill(scenario, seed, team('competent')).events) types.add(e.type);
    for (const type of ['callPickedUp', 'ticketLogged', 'callbackKept', 'customerAssigned']) expect(types).toContain(type);
  });

  it('choose by the surface of the queue, the wrap-up form and the places without a refused move', () => {
    for (const policy of SURFACE_POLICIES) expect(() => runBotDrill(scenario, 1, team('competent'), { surface: policy })).not.toThrow();
  });
});
