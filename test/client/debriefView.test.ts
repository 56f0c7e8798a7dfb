import { describe, expect, it } from 'vitest';
import { decisionCard, dutyTimes, pageOf } from '../../client/view/debriefView.js';
import { buildDebrief } from '../../shared/debrief/buildDebrief.js';
import { runBotDrill } from '../../shared/sim/runBotDrill.js';
import { miniScenario } from '../helpers/fixtures.js';

describe('the debrief view', () => {
  it('pages a list and clamps the page to the pages there are', () => {
    expect(pageOf([1, 2, 3, 4, 5], 1, 2)).toEqual({ items: [3, 4], page: 1, pages: 3 });
    expect(pageOf([1, 2, 3], 9, 2)).toEqual({ items: [3], page: 1, pages: 2 });
    expect(pageOf([], 0, 2)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it('writes a decision card with its effects and one cause line per score change, without repeating the choice', () => {
    const scenario = miniScenario();
    const skills = Object.fromEntries(scenario.posts.map((p) => [p.id, 'novice' as const]));
    const run = runBotDrill(scenario, 4, skills);
    const { debrief } = buildDebrief(run.morning, { seed: 4, roster: run.roster, inputs: run.inputs, untilClock: run.state.clock });
    const decision = debrief.decisions.find((d) => d.kind === 'response' && d.scoreChanges.length > 0)!;
    const card = decisionCard(decision, debrief, 'en', 'Nobody');
    expect(card.choice).toBe(decision.choice.en);
    expect(card.causes).toHaveLength(decision.scoreChanges.length);
    expect(card.causes.every((c) => !c.includes(decision.choice.en))).toBe(true);
    expect(card.effects).not.toBe('');
    const duty = debrief.expected.find((x) => x.deadline !== null)!;
    expect(dutyTimes(duty, { deadline: 'deadline', done: 'done' })).toMatch(/^deadline \d\d:\d\d/);
  });
});
