import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parseScenario.js';
import { ScenarioError } from '../../../shared/scenario/scenarioIssue.js';
import { loadScenarioFile } from '../../../server/scenarios/loadScenarios.js';
import { rawFixture } from '../../helpers/fixtures.js';

function issuesOf(mutate: (doc: Record<string, any>) => void) {
  const doc = rawFixture();
  mutate(doc);
  const result = parseScenario(doc, 'broken.yaml');
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues;
}

describe('loading a scenario', () => {
  it('accepts the fixture', () => {
    expect(parseScenario(rawFixture(), 'mini-outage.yaml').ok).toBe(true);
  });

  it('names the file and the path of a value of the wrong type', () => {
    const issues = issuesOf((d) => (d.cast[0].traits.patience = 'ten'));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'broken.yaml', path: 'cast[0](caller).traits.patience' }));
  });

  it('refuses a missing translation, naming the language', () => {
    const issues = issuesOf((d) => delete d.interactions[1].responses[2].text.en);
    expect(issues[0]!.path).toBe('interactions[1](blogger-asks).responses[2](speculate).text.en');
  });

  it('refuses a blank translation', () => {
    const issues = issuesOf((d) => (d.title['zh-CN'] = '  '));
    expect(issues[0]).toMatchObject({ path: 'title.zh-CN', message: 'must not be empty' });
  });

  it('refuses an unknown flag in a condition', () => {
    const issues = issuesOf((d) => (d.endings[0].when = { flag: 'no-such-flag' }));
    expect(issues).toEqual([{ file: 'broken.yaml', path: 'endings[0](resolved).when.flag', message: 'unknown flag "no-such-flag"' }]);
  });

  it('refuses an unknown fact in an effect', () => {
    const issues = issuesOf((d) => (d.injects[4].effects[0].fact = 'rumour'));
    expect(issues[0]).toMatchObject({ path: 'injects[4](cause-found).effects[0].fact', message: 'unknown fact "rumour"' });
  });

  it('refuses an interaction with too few responses', () => {
    const issues = issuesOf((d) => d.interactions[0].responses.splice(1, 2));
    expect(issues[0]).toMatchObject({ path: 'interactions[0](caller-worried).responses', message: 'needs 3 to 5 responses' });
  });

  it('refuses a response without a debrief note', () => {
    const issues = issuesOf((d) => delete d.interactions[2].responses[0].note);
    expect(issues[0]!.path).toBe('interactions[2](board-investigate).responses[0](targeted).note');
  });

  it('refuses an inject that nothing can fire', () => {
    const issues = issuesOf((d) => (d.injects[8].optional = false));
    expect(issues[0]!.message).toContain('can never fire');
  });

  it('refuses two endings without a condition', () => {
    const issues = issuesOf((d) => delete d.endings[0].when);
    expect(issues[0]!.message).toContain('exactly one ending must have no "when"');
  });

  it('refuses a conversation that jumps to another room', () => {
    const issues = issuesOf((d) => (d.interactions[0].responses[0].next = 'board-fix'));
    expect(issues[0]).toMatchObject({ path: 'interactions[0](caller-worried).responses[0](empathise).next' });
  });

  it('refuses unknown keys, so typos do not pass silently', () => {
    const issues = issuesOf((d) => (d.interactions[0].respones = []));
    expect(issues[0]).toMatchObject({ path: 'interactions[0](caller-worried)' });
    expect(issues[0]!.message).toContain('respones');
  });

  it('reports a YAML syntax error with the file name and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bad-syntax.yaml');
    writeFileSync(file, 'id: x\ntitle: { zh-CN: a, en: b\n');
    const error = await loadScenarioFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toMatch(/^bad-syntax\.yaml: line \d+, column \d+: not valid YAML/);
    rmSync(dir, { recursive: true, force: true });
  });
});
