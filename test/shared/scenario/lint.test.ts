import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../shared/scenario/lint/lintScenario.js';
import { parseScenarioOrThrow } from '../../../shared/scenario/parseScenario.js';
import { miniScenario, rawFixture } from '../../helpers/fixtures.js';

/** The fixture, broken on purpose by `mutate`, then checked. */
function findingsOf(mutate: (doc: Record<string, any>) => void) {
  const doc = rawFixture();
  mutate(doc);
  return lintScenario(parseScenarioOrThrow(doc, 'broken.yaml'));
}
const errors = (findings: ReturnType<typeof findingsOf>) => findings.filter((f) => f.severity === 'error').map((f) => f.message);
const lobbyPrompt = (id: string) => ({
  id,
  room: 'lobby',
  npc: 'customer',
  prompt: { 'zh-CN': '你好', en: 'Hello' },
  responses: ['a', 'b', 'c'].map((r) => ({ id: r, text: { 'zh-CN': r, en: r }, quality: 'good', note: { 'zh-CN': '说明', en: 'note' } })),
  timeout: { outcome: { 'zh-CN': '走了', en: 'Left' }, note: { 'zh-CN': '说明', en: 'note' } },
});
const flag = (id: string) => ({ id, label: { 'zh-CN': id, en: id } });

describe('the authoring checker', () => {
  it('passes the fixture with no errors', () => {
    expect(errors(lintScenario(miniScenario()))).toEqual([]);
  });

  it('finds an interaction that nothing spawns or leads to', () => {
    expect(errors(findingsOf((d) => d.interactions.push(lobbyPrompt('orphan'))))).toContain(
      'no play can reach interaction "orphan": no reachable inject spawns it and no reachable answer leads to it',
    );
  });

  it('finds an interaction reachable only through an answer that can never be offered', () => {
    const found = findingsOf((d) => {
      d.flags.push(flag('never'));
      d.interactions.push(lobbyPrompt('hidden'));
      d.interactions[4].responses[0].requires = { flag: 'never' };
      d.interactions[4].responses[0].next = 'hidden';
    });
    expect(errors(found)).toContain('no play can reach interaction "hidden": no reachable inject spawns it and no reachable answer leads to it');
  });

  it('finds an inject and an ending whose conditions can never hold', () => {
    const found = errors(
      findingsOf((d) => {
        d.flags.push(flag('impossible'));
        d.injects.push({ ...d.injects[7], id: 'never-fires', when: { flag: 'impossible' } });
        d.endings[0].when = { flag: 'impossible' };
      }),
    );
    expect(found).toContain('no play can fire inject "never-fires": its condition can never hold and nothing reachable follows it up');
    expect(found).toContain('no play can reach ending "resolved": its condition needs a flag or fact that nothing reachable sets');
    expect(found).toContain('flag "impossible" is tested but nothing ever sets it');
  });

  it('finds a flag set but never tested, and one declared but unused', () => {
    const found = errors(
      findingsOf((d) => {
        d.flags.push(flag('written-only'), flag('unused'));
        d.interactions[0].responses[0].effects.push({ type: 'setFlag', flag: 'written-only' });
      }),
    );
    expect(found).toContain('flag "written-only" is set but nothing ever tests it');
    expect(found).toContain('flag "unused" is declared but never used');
  });

  it('finds a fact that no room ever learns', () => {
    const found = errors(findingsOf((d) => d.facts.push({ id: 'secret', text: { 'zh-CN': '秘密', en: 'Secret' } })));
    expect(found).toContain('fact "secret" is never learned by any room');
  });

  it('finds a score dimension that no response can move', () => {
    const found = errors(findingsOf((d) => (d.interactions[1].responses[2].effects = [])));
    expect(found).toContain('no response in the scenario moves "compliance": players cannot influence it');
  });

  it('finds an expected action that no response fulfils', () => {
    const found = errors(
      findingsOf((d) => {
        d.flags.push(flag('filed'));
        d.expected[0].done = { flag: 'filed' };
      }),
    );
    expect(found).toContain('no response can fulfil expected action "statement"');
  });

  it('warns about an answer that is strictly best on every dimension at stake, and an unmarked strictly worst one', () => {
    const found = findingsOf((d) => (d.interactions[1].responses[2].quality = 'poor'));
    const warnings = found.filter((f) => f.severity === 'warning').map((f) => f.message);
    expect(warnings).toContain('"rollback" is strictly best on every dimension at stake, so the choice teaches nothing beyond spotting it');
    expect(warnings).toContain('"speculate" is strictly worst on every dimension at stake, so nobody would pick it on purpose');
    expect(errors(found)).toEqual([]);
  });
});
