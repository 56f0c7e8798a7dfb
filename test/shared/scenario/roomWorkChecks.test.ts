import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../../shared/scenario/checkReferences.js';
import { lintScenario } from '../../../shared/scenario/lint/lintScenario.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { roomWorkScenario } from '../../helpers/roomWorkFixture.js';

/** The fixture, altered after parsing (the checks read the parsed scenario). */
function altered(change: (s: Scenario) => void): Scenario {
  const s = structuredClone(roomWorkScenario());
  change(s);
  return s;
}
const messages = (s: Scenario) => checkReferences(s).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('checking the hotline and the floor', () => {
  it('passes the fixture', () => {
    expect(checkReferences(roomWorkScenario())).toEqual([]);
    expect(lintScenario(roomWorkScenario()).filter((f) => f.severity === 'error' && String(f.path[0]) === 'phone')).toEqual([]);
  });

  it('finds unknown interactions, categories, calls outside the hotline and an inbox in the hotline', () => {
    const s = altered((s) => {
      s.phone!.calls[0]!.interaction = 'no-such-call';
      s.phone!.calls[1]!.category = 'weather';
      s.phone!.calls.push({ ...s.phone!.calls[1]!, interaction: 'customer-queue', category: 'fraud' });
      s.phone!.inbox = 'agent';
    });
    const found = messages(s);
    expect(found).toContain('phone.calls.0.interaction: unknown interaction "no-such-call"');
    expect(found).toContain('phone.calls.1.category: unknown category "weather"');
    expect(found).toContain('phone.calls.2.interaction: "customer-queue" is in room "lobby", not the hotline\'s "phone"');
    expect(found).toContain('phone.inbox: escalations go to a post in another room than the hotline');
  });

  it('finds an FAQ condition on an unknown flag, and lints one nothing can set', () => {
    expect(messages(altered((s) => (s.phone!.categories[0]!.faq = { flag: 'nope' })))).toContain('phone.categories.0.faq.flag: unknown flag "nope"');
    const s = altered((s) => {
      s.flags.push({ id: 'never-set', label: { 'zh-CN': '从不', en: 'Never' } });
      s.phone!.categories[0]!.faq = { flag: 'never-set' };
    });
    expect(lintScenario(s).some((f) => f.severity === 'error' && f.path.join('.') === 'phone.categories.0.faq')).toBe(true);
  });

  it('finds floor customers nobody brings in, an unknown or timed meter inject, and floorCapacity without a floor', () => {
    const found = messages(
      altered((s) => {
        s.floor!.customers.push({ archetype: 'blogger', disruptive: false, places: {} });
        s.floor!.customers.push({ archetype: 'ghost', disruptive: false, places: {} });
        s.floor!.meter.inject = 'alarm';
      }),
    );
    expect(found).toContain('floor.customers.2.archetype: no interaction brings "blogger" onto the floor');
    expect(found).toContain('floor.customers.3.archetype: unknown archetype "ghost"');
    expect(found).toContain('floor.meter.inject: "alarm" is fired by the crowd meter: give it neither "at" nor "when"');
    const noFloor = altered((s) => delete s.floor);
    expect(messages(noFloor).some((m) => m.includes('a floorCapacity effect needs a branch floor'))).toBe(true);
  });

  it('lints a vulnerable archetype the queue and the floor never meet', () => {
    const s = altered((s) => (s.cast.find((a) => a.id === 'blogger')!.traits.vulnerable = true));
    expect(lintScenario(s).some((f) => f.message.includes('"blogger" is vulnerable'))).toBe(true);
  });
});
