import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../helpers/libraryScenario.js';
import { SKILLS } from '../../shared/bots/skill.js';
import { ReplayCursor } from '../../shared/replay/ReplayCursor.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { differenceLabel, replayFrame } from '../../client/view/replayView.js';
import { recordDrill } from '../shared/replay/recordDrill.js';

let scenario: Scenario;
let cursor: ReplayCursor;

beforeAll(async () => {
  scenario = await libraryScenario('huarui-upgrade-outage');
  const { record } = recordDrill(scenario, 77, Object.fromEntries(scenario.posts.map((p, i) => [p.id, SKILLS[i % 3]!])));
  cursor = new ReplayCursor(scenario, record);
});

describe('the replay screen’s view of a step', () => {
  it('shows every room with who waits there, what it knows and what last happened', () => {
    const busiest = cursor.steps.findIndex((_, i) => (cursor.seek(i), cursor.state.npcs.filter((n) => n.status === 'waiting').length >= 3));
    expect(busiest).toBeGreaterThan(0);
    cursor.seek(busiest);
    const frame = replayFrame(cursor.index, cursor.state, cursor.steps, busiest, 'zh-CN');
    expect(frame.rooms.map((r) => r.id)).toEqual(scenario.rooms.map((r) => r.id));
    for (const room of frame.rooms) {
      const waiting = cursor.state.npcs.filter((n) => n.status === 'waiting' && n.room === room.id);
      expect(room.waiting.map((n) => n.id)).toEqual(waiting.map((n) => n.id));
      for (const npc of room.waiting) expect(npc.mood).toBeGreaterThanOrEqual(0);
      expect(room.facts.map((f) => f.id).sort()).toEqual(Object.keys(cursor.state.facts).filter((f) => cursor.state.facts[f]!.includes(room.id)).sort());
      const times = room.incidents.map((i) => i.at);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(room.incidents.length).toBeLessThanOrEqual(2);
    }
    expect(frame.scores.map((s) => s.value)).toEqual(Object.values(cursor.state.scores));
    expect(frame.clockLabel).toMatch(/^\d\d:\d\d$/);
  });

  it('says what a step was, in the reader’s language', () => {
    const step = cursor.steps.findIndex((s) => s.kind === 'input' && s.events.some((e) => e.type === 'response'));
    cursor.seek(step);
    const zh = replayFrame(cursor.index, cursor.state, cursor.steps, step, 'zh-CN');
    const en = replayFrame(cursor.index, cursor.state, cursor.steps, step, 'en');
    const response = cursor.steps[step]!.events.find((e) => e.type === 'response')! as { post: string; interaction: string; response: string; position: number; shown: number };
    const text = scenario.interactions.find((i) => i.id === response.interaction)!.responses.find((r) => r.id === response.response)!.text;
    const post = scenario.posts.find((p) => p.id === response.post)!.name;
    expect(zh.title).toContain(`${post['zh-CN']}的操作`);
    expect(en.title).toContain(`A move by ${post.en}`);
    // Where the answer was among the options as shown, too.
    expect(zh.lines).toContain(`${post['zh-CN']}（第 ${response.position}/${response.shown} 项）：${text['zh-CN']}`);
    expect(en.lines).toContain(`${post.en} (option ${response.position} of ${response.shown}): ${text.en}`);
    expect(zh.refused).toBeNull();
    expect(replayFrame(cursor.index, cursor.state, cursor.steps, 0, 'en').title).toContain('The drill starts');
  });

  it('names differences as a reader understands them', () => {
    expect(differenceLabel(cursor.index, { what: 'scores.trust', stored: 70, replayed: 60 }, 'zh-CN')).toBe('客户信任（存储 70，回放 60）');
    expect(differenceLabel(cursor.index, { what: 'total', stored: 70.5, replayed: 60 }, 'en')).toBe('Team total (stored 70.5, replayed 60)');
    const duty = scenario.expected[0]!;
    expect(differenceLabel(cursor.index, { what: `expected.${duty.id}`, stored: 'met', replayed: 'missed' }, 'en')).toBe(`${duty.title.en} (stored met, replayed missed)`);
    expect(differenceLabel(cursor.index, { what: 'scenarioHash', stored: 'a'.repeat(64), replayed: 'b'.repeat(64) }, 'en')).toBe('Scenario file changed (stored aaaaaaaaaa…, replayed bbbbbbbbbb…)');
  });
});
