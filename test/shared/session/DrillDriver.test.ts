import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCrew, crewActs, nextWake, notice, seatBot } from '../../../shared/bots/botCrew.js';
import { advanceToNext } from '../../../shared/engine/advanceTo.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import { roomView } from '../../../shared/engine/viewFor.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import type { DrillInput, Holder } from '../../../shared/protocol/intents.js';
import { DrillDriver, type Lineup } from '../../../shared/session/DrillDriver.js';
import { regenerateLog } from '../../../shared/session/regenerateLog.js';
import { replay } from '../../../shared/replay/replay.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { miniScenario } from '../../helpers/fixtures.js';

const scenario = miniScenario();
const index = indexScenario(scenario);
const posts = scenario.posts.map((p) => p.id);
const botRoster = () => Object.fromEntries(posts.map((p) => [p, { kind: 'bot' as const, skill: 'competent' as const }]));
const bots = (skill: 'novice' | 'competent' | 'expert'): Lineup => Object.fromEntries(posts.map((p) => [p, { kind: 'bot', skill }]));
const person = (n: number): Holder => ({ kind: 'human', id: `p${n}`, name: `trainee ${n}` });
const withoutBookkeeping = (log: DrillInput[]) =>
  log.filter((i) => !('start' in i) && !('seat' in i)).map((i) => {
    const { by: _by, ...rest } = i as DrillInput & { by?: string };
    return rest;
  });

/** A live-like drill: a person at `post` answers the first open response of each card when asked. */
function playLive(seed: number, post: string, slices: number[], hops: number[] = []): DrillDriver {
  const driver = new DrillDriver(index, { seed, roster: botRoster() });
  driver.start({ ...bots('competent'), [post]: person(1) });
  let t = driver.state.clock;
  let step = 0;
  while (!driver.ended) {
    t += slices[step % slices.length]!;
    driver.advance(t);
    if (driver.ended) break;
    if (hops.includes(step)) driver.seat(post, driver.holders.get(post)!.kind === 'bot' ? person(1) : { kind: 'bot', skill: 'competent' });
    const card = roomView(index, driver.state, post).waiting[0];
    const option = card?.responses.find((r) => r.available);
    if (card && option && driver.holders.get(post)?.kind === 'human') driver.intent(post, { type: 'respond', npc: card.id, response: option.id }, 'p1');
    step++;
  }
  return driver;
}

describe('the drill driver', () => {
  it('plays an all-bot drill exactly as the plain simulator loop does (bots at their wake times, nothing else)', () => {
    // The loop the simulator ran before it used the driver: act, then jump to the next wake time.
    const reference = (seed: number) => {
      const { state } = createDrill(scenario, { seed, roster: botRoster() });
      const crew = createCrew();
      for (const p of posts) seatBot(crew, index, p, 'expert', seed, state.clock);
      const inputs: DrillInput[] = [];
      while (state.phase === 'running') {
        inputs.push(...crewActs(index, state, crew).inputs);
        if (state.phase !== 'running') break;
        notice(crew, advanceToNext(index, state, nextWake(crew)), state.clock);
      }
      return { state, inputs };
    };
    for (const seed of [1, 2, 3, 40, 41]) {
      const sim = reference(seed);
      const driver = runBotDrill(scenario, seed, Object.fromEntries(posts.map((p) => [p, 'expert' as const])));
      expect(withoutBookkeeping(driver.inputs)).toEqual(sim.inputs);
      expect({ ...driver.state, roster: undefined }).toEqual({ ...sim.state, roster: undefined });
    }
  });

  it('writes the same log however the clock is sliced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 8 }), (seed, slices) => {
        const whole = new DrillDriver(index, { seed, roster: botRoster() });
        whole.start(bots('novice'));
        whole.advance(scenario.clock.end);
        const sliced = new DrillDriver(index, { seed, roster: botRoster() });
        sliced.start(bots('novice'));
        let t = sliced.state.clock;
        for (let i = 0; !sliced.ended; i++) sliced.advance((t += slices[i % slices.length]!));
        expect(sliced.log).toEqual(whole.log);
        expect(sliced.state).toEqual(whole.state);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a move from anyone but the holder of the post', () => {
    const driver = new DrillDriver(index, { seed: 5, roster: botRoster() });
    expect(driver.intent(posts[0]!, { type: 'shareFact', fact: 'x', to: ['y'] }, 'p1')).toMatchObject({ ok: false, rejection: { code: 'wrong-phase' } });
    driver.start({ ...bots('competent'), [posts[0]!]: person(1) });
    expect(driver.intent(posts[1]!, { type: 'shareFact', fact: 'x', to: ['y'] }, 'p1')).toMatchObject({ ok: false, rejection: { code: 'no-post' } });
    expect(driver.intent(posts[0]!, { type: 'shareFact', fact: 'x', to: ['y'] }, 'p2')).toMatchObject({ ok: false, rejection: { code: 'no-post' } });
  });
});

describe('re-running a stored log', () => {
  it('regenerates the log of a live drill with people, hops and bots, and reaches its end state', () => {
    for (const seed of [3, 8, 13]) {
      const live = playLive(seed, posts[1]!, [7, 30, 1, 90], [2, 5, 9]);
      const again = regenerateLog(index, { seed, roster: botRoster() }, live.log, live.state.clock);
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.driver.state).toEqual(live.state);
      // What the engine replays of the same log is the same drill.
      const replayed = replay(scenario, { seed, roster: botRoster() }, live.log, live.state.clock);
      expect(replayed.rejected).toEqual([]);
      expect(replayed.state.scores).toEqual(live.state.scores);
    }
  });

  it('refuses a log in which a bot move was changed, dropped or added', () => {
    const live = playLive(21, posts[0]!, [20, 45]);
    const botAt = live.log.findIndex((i) => 'intent' in i && i.by === 'bot' && i.intent.type === 'respond');
    expect(botAt).toBeGreaterThan(0);
    const check = (log: DrillInput[]) => regenerateLog(index, { seed: 21, roster: botRoster() }, log, live.state.clock);

    const edited = structuredClone(live.log);
    const move = edited[botAt] as Extract<DrillInput, { intent: unknown }>;
    const card = scenario.interactions.find((x) => x.responses.some((r) => r.id === (move.intent as { response: string }).response))!;
    (move.intent as { response: string }).response = card.responses.find((r) => r.id !== (move.intent as { response: string }).response)!.id;
    expect(check(edited)).toMatchObject({ ok: false, entry: botAt });

    const dropped = live.log.filter((_, i) => i !== botAt);
    expect(check(dropped)).toMatchObject({ ok: false });

    const added = [...live.log.slice(0, botAt + 1), live.log[botAt]!, ...live.log.slice(botAt + 1)];
    expect(check(added)).toMatchObject({ ok: false });
  });

  it('refuses a move credited to a person who did not hold the post at that moment', () => {
    const live = playLive(34, posts[2]!, [15, 60]);
    const mine = live.log.findIndex((i) => 'intent' in i && i.by === 'p1');
    expect(mine).toBeGreaterThan(0);
    const moved = structuredClone(live.log);
    (moved[mine] as { post: string }).post = posts[0]!;
    expect(regenerateLog(index, { seed: 34, roster: botRoster() }, moved, live.state.clock)).toMatchObject({ ok: false });
    const other = structuredClone(live.log);
    (other[mine] as { by: string }).by = 'p2';
    expect(regenerateLog(index, { seed: 34, roster: botRoster() }, other, live.state.clock)).toMatchObject({ ok: false, entry: mine });
  });
});
