import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../helpers/libraryScenario.js';
import { createBot, decide } from '../../../shared/bots/botPolicy.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { derivedGenerator, randomInt } from '../../../shared/engine/rng.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import { shownOrder } from '../../../shared/engine/shownOrder.js';
import { roomView, viewFor, type RoomView } from '../../../shared/engine/viewFor.js';
import { replay } from '../../../shared/replay/replay.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { miniScenario } from '../../helpers/fixtures.js';

const flagship = await libraryScenario('huarui-upgrade-outage');
const index = indexScenario(flagship);
const experts = Object.fromEntries(flagship.posts.map((p) => [p.id, 'expert' as const]));
const novices = Object.fromEntries(flagship.posts.map((p) => [p.id, 'novice' as const]));
const opened = (events: DrillEvent[]) => events.filter((e): e is Extract<DrillEvent, { type: 'interactionOpened' }> => e.type === 'interactionOpened');

describe('the order in which a card shows its answers', () => {
  it('is a permutation drawn from the seed, the interaction and the how-many-th opening, not the file', () => {
    const a = shownOrder(7, 'ops-first-alarm', 1, 4);
    expect([...a].sort()).toEqual([0, 1, 2, 3]);
    expect(shownOrder(7, 'ops-first-alarm', 1, 4)).toEqual(a);
    const orders = new Set(Array.from({ length: 60 }, (_, seed) => shownOrder(seed, 'ops-first-alarm', 1, 4).join('')));
    expect(orders.size).toBeGreaterThan(15);
  });

  it('puts the best answer first about one time in n over many drills, where the file always had it first', () => {
    let first = 0;
    let cards = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const e of opened(runBotDrill(flagship, seed, experts).events)) {
        const interaction = index.interactions.get(e.interaction)!;
        cards++;
        if (interaction.responses.find((r) => r.id === e.order[0])!.quality === 'best') first++;
      }
    }
    expect(first / cards).toBeGreaterThan(0.15);
    expect(first / cards).toBeLessThan(0.4);
  });

  it('is the same for every viewer of the card, and for teams on one seed whatever they chose before', () => {
    const { state } = createDrill(flagship, { seed: 3, roster: Object.fromEntries(flagship.posts.map((p) => [p.id, { kind: 'bot' as const }])) });
    const commander = roomView(index, state, 'incident-commander');
    const trainerEye = viewFor(index, state, 'incident-commander');
    expect(trainerEye.waiting.map((n) => n.responses.map((r) => r.id))).toEqual(commander.waiting.map((n) => n.responses.map((r) => r.id)));
    // Two teams on seed 5, one expert and one novice: each card they both meet, at its n-th opening, is shown alike.
    const ordersOf = (events: DrillEvent[]) => {
      const seen = new Map<string, string>();
      const count = new Map<string, number>();
      for (const e of opened(events)) {
        const n = (count.get(e.interaction) ?? 0) + 1;
        count.set(e.interaction, n);
        seen.set(`${e.interaction}#${n}`, e.order.join(','));
      }
      return seen;
    };
    const good = ordersOf(runBotDrill(flagship, 5, experts).events);
    const poor = ordersOf(runBotDrill(flagship, 5, novices).events);
    const both = [...good.keys()].filter((k) => poor.has(k));
    expect(both.length).toBeGreaterThan(10);
    for (const k of both) expect(poor.get(k), k).toBe(good.get(k));
  });

  it('comes back the same in a replay, and the chosen answer names where it was shown', () => {
    const run = runBotDrill(flagship, 11, experts);
    const again = replay(run.morning, { seed: 11, roster: run.roster }, run.inputs, run.state.clock);
    expect(opened(again.events).map((e) => e.order)).toEqual(opened(run.events).map((e) => e.order));
    const lastOrder = new Map<string, string[]>();
    for (const e of run.events) {
      if (e.type === 'interactionOpened') lastOrder.set(e.npc, e.order);
      if (e.type === 'response') {
        expect(e.position).toBe(lastOrder.get(e.npc)!.indexOf(e.response) + 1);
        expect(e.shown).toBe(lastOrder.get(e.npc)!.length);
      }
    }
  });

  it('is what a view lists, with the reason on a locked answer', () => {
    const mini = miniScenario();
    const miniIndex = indexScenario(mini);
    const { state } = createDrill(mini, { seed: 2, roster: Object.fromEntries(mini.posts.map((p) => [p.id, { kind: 'bot' as const }])) });
    for (const post of mini.posts.map((p) => p.id)) {
      for (const npc of roomView(miniIndex, state, post).waiting) {
        const file = miniIndex.interactions.get(npc.interaction)!.responses;
        expect(npc.responses.map((r) => r.id)).toEqual(npc.order.map((i) => file[i]!.id));
        for (const r of npc.responses) {
          if (r.available) expect(r.locked).toBeUndefined();
          else expect(r.locked!.en).toMatch(/^Needs /);
        }
      }
    }
  });
});

describe('bots', () => {
  it('choose the same answer however the card is ordered', () => {
    let compared = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const run = runBotDrill(flagship, seed, experts);
      const { state } = createDrill(flagship, { seed, roster: run.roster });
      for (const post of flagship.posts.map((p) => p.id)) {
        const view = roomView(index, state, post);
        if (view.waiting.length === 0) continue;
        const chosen = [101, 202].map((shuffleSeed) => {
          const rng = derivedGenerator(shuffleSeed, post);
          const reordered: RoomView = {
            ...view,
            waiting: view.waiting.map((npc) => {
              const perm = npc.responses.map((_, i) => i);
              for (let i = perm.length - 1; i > 0; i--) {
                const j = randomInt(rng, i + 1);
                [perm[i], perm[j]] = [perm[j]!, perm[i]!];
              }
              return { ...npc, responses: perm.map((k) => npc.responses[k]!), order: perm.map((k) => npc.order[k]!), openedAt: npc.openedAt - 3600 };
            }),
          };
          const bot = createBot(post, 'competent', seed);
          return decide(index, reordered, bot).intent;
        });
        if (chosen[0]?.type === 'respond') compared++;
        expect(chosen[1]).toEqual(chosen[0]);
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
