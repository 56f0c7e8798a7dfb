import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advanceTo } from '../../../../shared/engine/advanceTo.js';
import { applyIntent } from '../../../../shared/engine/applyIntent.js';
import { createDrill } from '../../../../shared/engine/createDrill.js';
import type { DrillState } from '../../../../shared/engine/drillState.js';
import { indexScenario } from '../../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../../shared/engine/viewFor.js';
import { FEED_HEAT } from '../../../../shared/engine/work/feed.js';
import { at, humanRoster } from '../../../helpers/fixtures.js';
import { soundDraft, statementScenario } from '../../../helpers/statementFixture.js';

const scenario = statementScenario();
const index = indexScenario(scenario);
const drill = (seed = 1) => createDrill(scenario, { seed, roster: humanRoster(scenario) }).state;
const feedOf = (state: DrillState) => roomView(index, state, 'pr').work!.feed;
const item = (state: DrillState, id: string) => feedOf(state).find((f) => f.id === id)!;
const code = (r: ReturnType<typeof applyIntent>) => (r.ok ? 'accepted' : r.rejection.code);

describe('the feed', () => {
  it('posts an item when its effect runs, and its heat grows until it blows up, once', () => {
    const state = drill();
    expect(feedOf(state)).toEqual([]);
    advanceTo(index, state, at('09:10'));
    expect(item(state, 'attack-rumour')).toMatchObject({ heat: 20, threshold: 60, rising: true, blewUp: false, done: [] });
    advanceTo(index, state, at('09:30'));
    expect(item(state, 'attack-rumour').heat).toBe(40);
    // 20 + 10 per ten minutes reaches 60 at 09:50.
    const events = advanceTo(index, state, at('10:00'));
    const blew = events.filter((e) => e.type === 'feedBlewUp');
    expect(blew).toEqual([expect.objectContaining({ item: 'attack-rumour', at: at('09:50'), room: 'newsroom' })]);
    expect(events.some((e) => e.type === 'score' && e.dim === 'reputation' && e.delta === -5 && e.cause.kind === 'feed')).toBe(true);
    expect(item(state, 'attack-rumour')).toMatchObject({ blewUp: true, rising: false });
    expect(item(state, 'complaint')).toMatchObject({ heat: 10, rising: false });
  });

  it('cools a rumour rebutted with a confirmed fact for good, and backfires on anything else', () => {
    const good = drill();
    advanceTo(index, good, at('09:12'));
    good.facts['root-cause'] = ['ops', 'newsroom'];
    const reputation = good.scores.reputation;
    expect(code(applyIntent(index, good, 'pr', { type: 'feed', item: 'attack-rumour', action: 'rebut', claim: 'cause-script' }))).toBe('accepted');
    expect(item(good, 'attack-rumour')).toMatchObject({ heat: 0, rising: false, done: ['rebut'] });
    expect(good.scores.reputation).toBe(reputation + 3);
    expect(advanceTo(index, good, at('10:30')).some((e) => e.type === 'feedBlewUp' && e.item === 'attack-rumour')).toBe(false);

    const blind = drill();
    advanceTo(index, blind, at('09:12'));
    const result = applyIntent(index, blind, 'pr', { type: 'feed', item: 'attack-rumour', action: 'rebut', claim: 'cause-script' });
    expect(result.ok && result.events.find((e) => e.type === 'feedAnswered')).toMatchObject({ backfired: true, heat: 22 + FEED_HEAT.rebutBackfire });
    expect(item(blind, 'attack-rumour').rising).toBe(true);
  });

  it('lets the newsroom reply only once a statement is out; publishing cools every post', () => {
    const state = drill();
    advanceTo(index, state, at('09:20'));
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'reply' }))).toBe('nothing-published');
    // The panel says so on the button: the client does not keep its own copy of the rule.
    expect(item(state, 'complaint').blocked).toEqual({ reply: 'nothing-published' });
    state.facts['root-cause'] = ['ops', 'newsroom'];
    const before = item(state, 'attack-rumour').heat;
    expect(code(applyIntent(index, state, 'pr', { type: 'publish', statement: 'holding', draft: soundDraft() }))).toBe('accepted');
    // The statement answers the rumour's question (the cause) with a confirmed fact: it stops spreading.
    expect(item(state, 'attack-rumour')).toMatchObject({ heat: Math.max(0, before + FEED_HEAT.publishedAnswered), rising: false });
    expect(item(state, 'complaint').heat).toBe(0);
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'reply' }))).toBe('accepted');
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'reply' }))).toBe('already-done');
    expect(item(state, 'complaint').blocked).toEqual({ reply: 'already-done' });
    expect(item(state, 'attack-rumour').blocked).toEqual({});
  });

  it('refuses what it cannot do and changes nothing', () => {
    const state = drill();
    advanceTo(index, state, at('09:10'));
    const before = JSON.stringify(state);
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'no-such-post', action: 'escalate' }))).toBe('unknown-item');
    expect(code(applyIntent(index, state, 'agent', { type: 'feed', item: 'complaint', action: 'escalate' }))).toBe('not-your-room');
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'rebut' }))).toBe('bad-draft');
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'rebut', claim: 'no-such-claim' }))).toBe('bad-draft');
    expect(code(applyIntent(index, state, 'pr', { type: 'feed', item: 'complaint', action: 'escalate', claim: 'cause-script' }))).toBe('bad-message');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('never lets a blind rebuttal cost less than a confirmed one, in any seed and at any moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 10, max: 49 }), (seed, minute) => {
        const state = drill(seed);
        advanceTo(index, state, at('09:00') + minute * 60);
        state.facts['root-cause'] = ['ops', 'newsroom'];
        const right = structuredClone(state);
        const wrong = structuredClone(state);
        applyIntent(index, right, 'pr', { type: 'feed', item: 'attack-rumour', action: 'rebut', claim: 'cause-script' });
        applyIntent(index, wrong, 'pr', { type: 'feed', item: 'attack-rumour', action: 'rebut', claim: 'cause-attack' });
        advanceTo(index, right, at('10:00'));
        advanceTo(index, wrong, at('10:00'));
        expect(wrong.scores.reputation).toBeLessThan(right.scores.reputation);
      }),
      { numRuns: 150 },
    );
  });
});
