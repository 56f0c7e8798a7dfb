import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, parseScenarioOrThrow } from '../../../shared/scenario/parseScenario.js';
import { drawMorning, LEVEL_TUNING } from '../../../shared/scenario/drawMorning.js';
import { replay } from '../../../shared/replay/replay.js';
import { lintScenario } from '../../../shared/scenario/lint/lintScenario.js';
import { at, humanRoster } from '../../helpers/fixtures.js';
import { varied } from '../../helpers/variedFixture.js';

function problemsOf(mutate: (doc: Record<string, any>) => void): string[] {
  const result = parseScenario(varied(mutate), 'varied.yaml');
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('scenario variants', () => {
  const scenario = parseScenarioOrThrow(varied(), 'varied.yaml');

  it('draw the same morning for the same seed and level, and leave the scenario as written unchanged', () => {
    const before = JSON.stringify(scenario);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom('introductory', 'standard', 'advanced' as const), (seed, level) => {
        expect(drawMorning(scenario, seed, level)).toEqual(drawMorning(scenario, seed, level));
      }),
      { numRuns: 50 },
    );
    expect(JSON.stringify(scenario)).toBe(before);
  });

  it('give different seeds different draws of every kind, each within its bounds', () => {
    const draws = Array.from({ length: 60 }, (_, seed) => drawMorning(scenario, seed).draw);
    expect(new Set(draws.map((d) => d.slots['first-post']))).toEqual(new Set(['blog', 'forum']));
    expect(new Set(draws.map((d) => d.complications.join()))).toEqual(new Set(['second-queue', 'power']));
    expect(new Set(draws.map((d) => d.values.accounts))).toEqual(new Set([0, 1]));
    const moves = draws.map((d) => d.moved.calls!);
    expect(Math.min(...moves)).toBe(-3);
    expect(Math.max(...moves)).toBe(4);
  });

  it('fire only the drawn alternative and complications, at the drawn time, with the drawn values in both languages', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { scenario: morning, draw } = drawMorning(scenario, seed);
      const run = replay(morning, { seed, roster: humanRoster(morning) }, [], at('09:30'));
      const fired = new Set(Object.keys(run.state.fired));
      expect(fired.has('blog')).toBe(draw.slots['first-post'] === 'blog');
      expect(fired.has('forum')).toBe(draw.slots['first-post'] === 'forum');
      expect(fired.has('second-queue')).toBe(draw.complications.includes('second-queue'));
      const calls = run.events.find((e) => e.type === 'inject' && e.inject === 'calls');
      expect(calls?.at).toBe(at('09:05') + draw.moved.calls! * 60);
      const alarm = morning.injects.find((i) => i.id === 'alarm')!;
      const accounts = draw.values.accounts === 0 ? ['1200', '1,200'] : ['3500', '3,500'];
      expect(alarm.message).toEqual({ 'zh-CN': `${accounts[0]}个账户余额异常。`, en: `Balances look wrong on ${accounts[1]} accounts.` });
      // An alternative not drawn stays in the scenario for the trainer to fire.
      const idle = morning.injects.find((i) => i.id === (draw.slots['first-post'] === 'blog' ? 'forum' : 'blog'))!;
      expect(idle.optional).toBe(true);
      expect(idle.at).toBeUndefined();
      // What was not drawn comes last, after the scenario's own trainer injects.
      const notDrawn = [idle.id, draw.complications.includes('power') ? 'second-queue' : 'power-cut'].sort();
      expect(morning.injects.slice(-2).map((i) => i.id).sort()).toEqual(notDrawn);
    }
  });

  it('change the drill with the level: patience, temper, mood, complications and speed', () => {
    const intro = drawMorning(scenario, 1, 'introductory');
    const standard = drawMorning(scenario, 1, 'standard');
    const advanced = drawMorning(scenario, 1, 'advanced');
    expect(standard.scenario.cast).toEqual(scenario.cast);
    const caller = (m: typeof intro) => m.scenario.cast.find((a) => a.id === 'caller')!.traits;
    expect(caller(intro).patience).toBeGreaterThan(caller(standard).patience);
    expect(caller(advanced).patience).toBeLessThan(caller(standard).patience);
    expect(caller(advanced).temper).toBeGreaterThan(caller(standard).temper);
    expect(caller(intro).mood).toBe(caller(standard).mood + LEVEL_TUNING.introductory.mood);
    expect(intro.draw.complications).toHaveLength(0);
    expect(standard.draw.complications).toHaveLength(1);
    expect(advanced.draw.complications).toHaveLength(2);
    expect(intro.scenario.clock.compression).toBeLessThan(scenario.clock.compression);
    expect(advanced.scenario.clock.compression).toBeGreaterThan(scenario.clock.compression);
  });

  it('are refused with a clear reason when they name what does not exist or could not be drawn', () => {
    expect(problemsOf((d) => (d.variants.slots[0].choices[1].injects = ['nope']))).toContainEqual(expect.stringContaining('unknown inject "nope"'));
    expect(problemsOf((d) => d.variants.complications.pool[0].injects.push('blog'))).toContainEqual(expect.stringContaining('inject "blog" is drawn by slot "first-post" already'));
    expect(problemsOf((d) => (d.variants.timing[0].inject = 'cause-found'))).toContainEqual(expect.stringContaining('has no "at" to move'));
    expect(problemsOf((d) => (d.variants.timing[0].latest = 120))).toContainEqual(expect.stringContaining('could be moved outside the drill clock'));
    expect(problemsOf((d) => (d.variants.complications.count = 3))).toContainEqual(expect.stringContaining("count 3 is more than the pool's 2"));
    expect(problemsOf((d) => (d.injects[0].title.en = 'Alarm at {{branch}}'))).toContainEqual(expect.stringContaining('placeholder "{{branch}}" is not filled'));
    expect(problemsOf((d) => (d.injects[0].message.en = 'Balances look wrong.'))).toContainEqual(expect.stringContaining('must appear in both languages'));
    expect(problemsOf((d) => (d.injects[0].message = { 'zh-CN': '余额异常。', en: 'Balances look wrong.' }))).toContainEqual(expect.stringContaining('is not used in any line'));
    expect(problemsOf((d) => (d.variants.values[0].choices[1] = { other: { 'zh-CN': '1', en: '1' } }))).toContainEqual(expect.stringContaining('every choice must fill the same placeholders'));
  });

  it('are refused when a duty can only be met on some mornings', () => {
    // Only the forum thread leads to the newsroom's answer that publishes: a blog morning could never meet the duty.
    const doc = varied((d) => {
      const forum = d.injects.find((i: any) => i.id === 'forum');
      forum.spawn = ['forum-asks'];
      const blogger = d.interactions.find((i: any) => i.id === 'blogger-asks');
      d.interactions.push({ ...structuredClone(blogger), id: 'forum-asks' });
      for (const r of blogger.responses) r.effects = r.effects.filter((e: any) => e.type !== 'setFlag');
    });
    const scenario = parseScenarioOrThrow(doc, 'varied.yaml');
    const problems = lintScenario(scenario).filter((f) => f.severity === 'error').map((f) => f.message);
    expect(problems.some((m) => /when slot "first-post" is "blog".*must not depend on one alternative/.test(m)), problems.join('\n')).toBe(true);
    expect(lintScenario(parseScenarioOrThrow(varied(), 'varied.yaml')).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuse an inject that arrives through a stream as well', () => {
    const problems = problemsOf((d) => {
      const second = d.injects.find((i: any) => i.id === 'second-queue');
      delete second.at;
      d.arrivals = [{ id: 'walk-ins', from: '09:15', to: '09:40', pool: ['second-queue'] }];
    });
    expect(problems).toContainEqual(expect.stringContaining('arrives through an arrival stream'));
  });
});
