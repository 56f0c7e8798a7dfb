import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../../shared/scenario/parseScenario.js';
import { currentMood, CALM } from '../../../shared/engine/mood.js';
import { at, miniScenario, rawFixture } from '../../helpers/fixtures.js';
import { drive } from '../../helpers/drive.js';

const snapshot = (x: unknown) => JSON.stringify(x);

describe('injects and NPCs', () => {
  it('fires timed injects at their time and brings their NPCs into the right room', () => {
    const d = drive(miniScenario());
    expect(d.waitingIn('ops')).toHaveLength(1);
    expect(d.waitingIn('phone')).toHaveLength(0);
    d.to('09:05');
    expect(d.waitingIn('phone').map((n) => n.archetype)).toEqual(['caller', 'caller']);
    expect(d.log.filter((e) => e.type === 'inject').map((e) => e.at)).toEqual([at('09:00'), at('09:05')]);
  });

  it('lets a waiting NPC lose mood by its temper and gives up when patience runs out', () => {
    const d = drive(miniScenario());
    d.to('09:05');
    const caller = d.waitingIn('phone')[0]!;
    const archetype = d.index.archetypes.get('caller')!;
    const start = currentMood(caller, archetype, d.state.clock);
    d.to('09:10');
    expect(currentMood(caller, archetype, d.state.clock)).toBe(start - 5);
    d.to('09:30');
    expect(caller.status).toBe('left');
    const timeout = d.log.find((e) => e.type === 'timeout' && e.npc === caller.id)!;
    // Patience is ten minutes, give or take 15% chosen by the seed.
    expect(timeout.at - at('09:05')).toBeGreaterThanOrEqual(8.5 * 60);
    expect(timeout.at - at('09:05')).toBeLessThanOrEqual(11.5 * 60);
  });

  it('runs a timeout follow-up later and traces its score change back to the timeout', () => {
    const d = drive(miniScenario());
    d.to('09:30');
    const hangUp = d.log.find((e) => e.type === 'timeout' && e.interaction === 'caller-worried')!;
    const post = d.scoreEvents().find((e) => e.cause.inject === 'angry-post')!;
    expect(post.at).toBe(hangUp.at + 5 * 60);
    expect(post.cause.origin).toMatchObject({ kind: 'timeout', interaction: 'caller-worried' });
  });

  it('keeps a calmed NPC calm: no patience lost, and crowd unrest passes it by', () => {
    const raw = rawFixture();
    raw.cast.find((c: { id: string }) => c.id === 'customer').traits.mood = 75;
    raw.injects.find((i: { id: string }) => i.id === 'harsh-story').optional = true;
    const d = drive(parseScenarioOrThrow(raw, 'calm.yaml'), 3);
    d.to('09:01');
    d.act('commander', { type: 'respond', npc: d.waitingIn('ops')[0]!.id, response: 'targeted' });
    d.to('09:12');
    d.act('commander', { type: 'respond', npc: d.waitingIn('ops')[0]!.id, response: 'rollback' });
    const customers = d.waitingIn('lobby');
    const archetype = d.index.archetypes.get('customer')!;
    expect(customers.every((c) => currentMood(c, archetype, d.state.clock) >= CALM)).toBe(true);
    const moods = customers.map((c) => currentMood(c, archetype, d.state.clock));
    d.to('09:20');
    expect(customers.map((c) => currentMood(c, archetype, d.state.clock))).toEqual(moods);
    d.control({ type: 'inject', inject: 'harsh-story' });
    expect(customers.map((c) => currentMood(c, archetype, d.state.clock))).toEqual(moods);
  });

  it('scales reputation effects by the NPC influence', () => {
    const d = drive(miniScenario());
    d.to('09:10');
    const blogger = d.waitingIn('newsroom')[0]!;
    d.act('pr', { type: 'respond', npc: blogger.id, response: 'holding-line' });
    const change = d.scoreEvents().find((e) => e.cause.response === 'holding-line')!;
    expect(change).toMatchObject({ dim: 'reputation', delta: 3 });
  });
});

describe('facts travel between rooms only when shared', () => {
  function withCauseFound() {
    const d = drive(miniScenario());
    d.to('09:01');
    d.act('commander', { type: 'respond', npc: d.waitingIn('ops')[0]!.id, response: 'targeted' });
    d.to('09:11');
    return d;
  }

  it('keeps a fact learned in ops out of the newsroom until ops shares it', () => {
    const d = withCauseFound();
    expect(d.state.facts['root-cause']).toEqual(['ops']);
    const blogger = d.waitingIn('newsroom')[0]!;
    const refused = d.act('pr', { type: 'respond', npc: blogger.id, response: 'state-facts' });
    expect(refused).toMatchObject({ ok: false, rejection: { code: 'response-unavailable' } });

    const shared = d.act('commander', { type: 'shareFact', fact: 'root-cause', to: ['newsroom', 'phone'] });
    expect(shared.ok).toBe(true);
    expect(d.scoreEvents().at(-1)).toMatchObject({ dim: 'coordination', delta: 4, cause: { kind: 'share', post: 'commander' } });
    expect(d.act('pr', { type: 'respond', npc: blogger.id, response: 'state-facts' }).ok).toBe(true);
  });

  it.each([
    [{ fact: 'nope', to: ['newsroom'] }, 'commander', 'unknown-fact'],
    [{ fact: 'hotline', to: ['newsroom'] }, 'commander', 'fact-not-known'],
    [{ fact: 'root-cause', to: ['ops'] }, 'commander', 'bad-recipient'],
    [{ fact: 'root-cause', to: ['vault'] }, 'commander', 'bad-recipient'],
    [{ fact: 'root-cause', to: ['lobby', 'lobby'] }, 'commander', 'bad-recipient'],
    [{ fact: 'hotline', to: ['lobby'] }, 'nobody', 'unknown-post'],
  ])('refuses sharing %j from %s with %s', (share, post, code) => {
    const d = withCauseFound();
    const before = snapshot(d.state);
    expect(d.act(post, { type: 'shareFact', ...share })).toMatchObject({ ok: false, rejection: { code } });
    expect(snapshot(d.state)).toBe(before);
  });

  it('refuses to share with a room that already knows', () => {
    const d = withCauseFound();
    d.act('commander', { type: 'shareFact', fact: 'root-cause', to: ['lobby'] });
    expect(d.act('commander', { type: 'shareFact', fact: 'root-cause', to: ['lobby'] })).toMatchObject({ ok: false, rejection: { code: 'already-known' } });
  });
});

describe('answering NPCs', () => {
  it('refuses an answer to an NPC of another room and changes nothing', () => {
    const d = drive(miniScenario());
    d.to('09:05');
    const before = snapshot(d.state);
    const result = d.act('manager', { type: 'respond', npc: d.waitingIn('phone')[0]!.id, response: 'empathise' });
    expect(result).toMatchObject({ ok: false, rejection: { code: 'not-your-room' } });
    expect(snapshot(d.state)).toBe(before);
  });

  it('refuses unknown NPCs and responses, and NPCs no longer waiting', () => {
    const d = drive(miniScenario());
    d.to('09:05');
    const caller = d.waitingIn('phone')[0]!;
    expect(d.act('agent', { type: 'respond', npc: 'n999', response: 'empathise' })).toMatchObject({ rejection: { code: 'unknown-npc' } });
    expect(d.act('agent', { type: 'respond', npc: caller.id, response: 'shrug' })).toMatchObject({ rejection: { code: 'unknown-response' } });
    expect(d.act('agent', { type: 'respond', npc: caller.id, response: 'empathise' }).ok).toBe(true);
    expect(d.act('agent', { type: 'respond', npc: caller.id, response: 'empathise' })).toMatchObject({ rejection: { code: 'npc-not-waiting' } });
  });

  it('moves the NPC mood by the tags it cares about and records every score change with its cause', () => {
    const d = drive(miniScenario());
    d.to('09:05');
    const caller = d.waitingIn('phone')[0]!;
    const before = caller.mood;
    d.act('agent', { type: 'respond', npc: caller.id, response: 'empathise' });
    expect(caller.mood).toBe(before + 15);
    expect(d.scoreEvents().at(-1)).toMatchObject({
      dim: 'trust',
      delta: 4,
      reason: { en: 'Reassured the caller' },
      cause: { kind: 'response', post: 'agent', npc: caller.id, interaction: 'caller-worried', response: 'empathise' },
    });
  });

  it('continues a conversation with the same NPC through "next"', () => {
    const d = drive(miniScenario());
    const lead = d.waitingIn('ops')[0]!;
    d.act('commander', { type: 'respond', npc: lead.id, response: 'full-audit' });
    expect(lead).toMatchObject({ status: 'waiting', interaction: 'board-fix' });
  });
});

describe('expected actions', () => {
  it('marks a duty met on time and rewards it', () => {
    const d = drive(miniScenario());
    d.to('09:15');
    d.act('pr', { type: 'respond', npc: d.waitingIn('newsroom')[0]!.id, response: 'holding-line' });
    expect(d.state.expected.statement).toEqual({ status: 'met', deadline: at('09:30'), doneAt: at('09:15') });
    expect(d.scoreEvents().some((e) => e.cause.expected === 'statement' && e.delta === 4)).toBe(true);
  });

  it('marks a duty missed at its deadline, and late if done afterwards', () => {
    // A seed where the blogger is still waiting just after the deadline.
    const seed = [...Array(50).keys()].find((s) => {
      const d = drive(miniScenario(), s);
      d.to('09:10');
      return d.waitingIn('newsroom')[0]!.expiresAt > at('09:31');
    })!;
    const d = drive(miniScenario(), seed);
    d.to('09:30');
    expect(d.state.expected.statement!.status).toBe('missed');
    expect(d.scoreEvents().find((e) => e.cause.expected === 'statement')).toMatchObject({ dim: 'timeliness', delta: -6 });
    d.to('09:31');
    d.act('pr', { type: 'respond', npc: d.waitingIn('newsroom')[0]!.id, response: 'holding-line' });
    expect(d.state.expected.statement!.status).toBe('late');
  });

  it('lets the trainer extend an open deadline but not a passed one', () => {
    const d = drive(miniScenario());
    d.to('09:20');
    expect(d.control({ type: 'extendDeadline', expected: 'statement', minutes: 15 }).ok).toBe(true);
    expect(d.state.expected.statement!.deadline).toBe(at('09:45'));
    expect(d.control({ type: 'extendDeadline', expected: 'ghost', minutes: 5 })).toMatchObject({ rejection: { code: 'unknown-expected' } });
    d.to('09:50');
    expect(d.control({ type: 'extendDeadline', expected: 'fix-by', minutes: 5 })).toMatchObject({ rejection: { code: 'deadline-not-open' } });
  });

  it('treats a duty whose trigger never came as not applicable', () => {
    const d = drive(miniScenario());
    d.to('10:00');
    expect(d.state.expected['power-cut-handled']!.status).toBe('not-applicable');
  });
});

describe('trainer controls and endings', () => {
  it('fires an optional inject on command, but not a scripted one', () => {
    const d = drive(miniScenario());
    expect(d.control({ type: 'inject', inject: 'power-cut' }).ok).toBe(true);
    expect(d.scoreEvents().at(-1)).toMatchObject({ dim: 'continuity', delta: -5, cause: { kind: 'inject', inject: 'power-cut', origin: { kind: 'control' } } });
    expect(d.control({ type: 'inject', inject: 'alarm' })).toMatchObject({ rejection: { code: 'inject-not-optional' } });
    expect(d.control({ type: 'inject', inject: 'nothing' })).toMatchObject({ rejection: { code: 'unknown-inject' } });
  });

  it('ends when the clock runs out, and refuses anything after', () => {
    const d = drive(miniScenario());
    d.to('11:00');
    expect(d.state.clock).toBe(at('10:00'));
    expect(d.state.ending).toEqual({ id: 'time-up', at: at('10:00'), reason: 'time-up' });
    expect(d.act('pr', { type: 'shareFact', fact: 'hotline', to: ['ops'] })).toMatchObject({ rejection: { code: 'drill-ended' } });
  });

  it('ends as soon as an ending condition holds', () => {
    const raw = rawFixture();
    raw.baseline.reputation = 31;
    const d = drive(parseScenarioOrThrow(raw, 'fragile.yaml'));
    d.to('09:40');
    expect(d.state.ending).toMatchObject({ id: 'collapse', reason: 'condition' });
    expect(d.state.scores.reputation).toBeLessThan(30);
  });

  it('ends on the trainer command', () => {
    const d = drive(miniScenario());
    d.to('09:20');
    expect(d.control({ type: 'end' }).ok).toBe(true);
    expect(d.state.ending).toEqual({ id: null, at: at('09:20'), reason: 'trainer' });
  });

  it('reaches a time-conditioned ending at the named time even when nothing else happens then', () => {
    const d = drive(miniScenario());
    d.to('09:01');
    d.act('commander', { type: 'respond', npc: d.waitingIn('ops')[0]!.id, response: 'targeted' });
    d.to('09:12');
    d.act('commander', { type: 'respond', npc: d.waitingIn('ops')[0]!.id, response: 'rollback' });
    d.act('pr', { type: 'respond', npc: d.waitingIn('newsroom')[0]!.id, response: 'holding-line' });
    d.to('09:50');
    expect(d.state.ending).toEqual({ id: 'resolved', at: at('09:45'), reason: 'condition' });
  });
});
