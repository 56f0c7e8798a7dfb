import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../../helpers/libraryScenario.js';
import { buildDebrief } from '../../../shared/debrief/buildDebrief.js';
import { DebriefSchema } from '../../../shared/debrief/schema.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';

let flagship: Scenario;
beforeAll(async () => {
  flagship = await libraryScenario('huarui-upgrade-outage');
});

function debriefOf(skill: 'novice' | 'expert', seed: number) {
  const run = runBotDrill(flagship, seed, Object.fromEntries(flagship.posts.map((p) => [p.id, skill])));
  return { run, debrief: DebriefSchema.parse(buildDebrief(run.morning, { seed, roster: run.roster, inputs: run.inputs, untilClock: run.state.clock }).debrief) };
}

describe('the debrief explains statements', () => {
  it('shows the published statement part by part, each judged, with the score changes it caused', () => {
    const { debrief } = debriefOf('expert', 3);
    const statement = debrief.decisions.find((d) => d.kind === 'statement')!;
    expect(statement.post).toBe('pr-officer');
    expect(statement.situation.en).toContain('Holding statement');
    expect(statement.composed!.lines.map((l) => l.element.en)).toEqual(expect.arrayContaining(['Acknowledgement', 'Apology', 'Where to ask']));
    expect(statement.composed!.claims.every((c) => c.status === 'confirmed' && c.accurate)).toBe(true);
    expect(statement.scoreChanges.length).toBeGreaterThan(0);
    expect(statement.net.reputation).toBeGreaterThan(0);
    // Publishing met the duty: the procedure is shown with the decision.
    expect(statement.procedures.map((p) => p.duty.en)).toContain('Publish a holding statement');
    expect(debrief.decisions.some((d) => d.kind === 'review' && d.post === 'incident-commander')).toBe(true);
  });

  it('marks a statement that states what was not confirmed, and says why in the scenario\'s words', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { debrief } = debriefOf('novice', seed);
      const statement = debrief.decisions.find((d) => d.kind === 'statement');
      const risky = statement?.composed!.claims.find((c) => c.status !== 'confirmed' || !c.accurate);
      if (!statement || !risky) continue;
      expect(['poor', 'bad']).toContain(statement.quality);
      expect(statement.note.en).toContain(risky.note.en);
      expect(statement.note['zh-CN']).toContain(risky.note['zh-CN']);
      return;
    }
    throw new Error('no novice drill in 20 seeds published an unconfirmed claim');
  });
});
