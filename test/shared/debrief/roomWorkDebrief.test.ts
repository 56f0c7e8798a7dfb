import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../shared/debrief/buildDebrief.js';
import { DebriefSchema } from '../../../shared/debrief/schema.js';
import type { Skill } from '../../../shared/bots/skill.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { roomWorkScenario } from '../../helpers/roomWorkFixture.js';
import { at, humanRoster } from '../../helpers/fixtures.js';
import { advanceTo } from '../../../shared/engine/advanceTo.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import type { DrillInput } from '../../../shared/protocol/intents.js';

const scenario = roomWorkScenario({ meter: 3 });

/** A team of `skill` (the hotline's post held by `agent`: a novice there in a team of experts keeps the drill going). */
function debriefOf(skill: Skill, seed: number, agent: Skill = skill) {
  const run = runBotDrill(scenario, seed, Object.fromEntries(scenario.posts.map((p) => [p.id, p.id === 'agent' ? agent : skill])));
  return DebriefSchema.parse(buildDebrief(run.morning, { seed, roster: run.roster, inputs: run.inputs, untilClock: run.state.clock }).debrief);
}

describe('the debrief explains the hotline and the floor', () => {
  it('has a decision for each ticket, call-back, escalation and floor move, with the score changes they caused', () => {
    const decisions = [1, 2, 3, 4, 5, 6].flatMap((seed) => debriefOf('expert', seed).decisions);
    const kinds = new Set(decisions.map((d) => d.kind));
    for (const kind of ['ticket', 'callback', 'escalation', 'assignment', 'line']) expect(kinds).toContain(kind);
    const ticket = decisions.find((d) => d.kind === 'ticket')!;
    expect(ticket.post).toBe('agent');
    expect(ticket.quality).toBe('best');
    expect(ticket.situation.en).toMatch(/Balance looks wrong|Possible scam/);
    expect(ticket.net.coordination).toBeGreaterThan(0);
    const kept = decisions.find((d) => d.kind === 'callback')!;
    expect(kept.choice.en).toBe('Called back on time');
    expect(kept.net.trust).toBeGreaterThan(0);
  });

  it('says which call-back was broken, as something nobody did in time', () => {
    const roster = humanRoster(scenario);
    const { state } = createDrill(scenario, { seed: 1, roster });
    advanceTo(indexScenario(scenario), state, at('09:07'));
    const npc = state.work!.phone!.queue[0]!.npc;
    const t = at('09:07');
    const inputs: DrillInput[] = [
      { at: t, post: 'agent', intent: { type: 'pickUp', npc } },
      { at: t, post: 'agent', intent: { type: 'respond', npc, response: 'empathise' } },
      { at: t, post: 'agent', intent: { type: 'logTicket', category: 'balance', callback: 15 } },
    ];
    const debrief = DebriefSchema.parse(buildDebrief(scenario, { seed: 1, roster, inputs, untilClock: at('10:00') }).debrief);
    const broken = debrief.decisions.find((d) => d.kind === 'callback')!;
    expect(broken.post).toBeNull();
    expect(broken.choice.en).toBe('Never called back');
    expect(broken.situation.en).toBe('A call-back promised by 09:22: Balance looks wrong');
    expect(broken.quality).toBe('bad');
    expect(broken.net.trust).toBeLessThan(0);
    expect(debrief.decisions.find((d) => d.kind === 'ticket')).toMatchObject({ post: 'agent', quality: 'best' });
  });

  it('marks a wrong ticket and says what it should have been', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const wrong = debriefOf('expert', seed, 'novice').decisions.find((d) => d.kind === 'ticket' && (d.quality === 'poor' || d.quality === 'bad') && d.note.en.includes('belonged under'));
      if (!wrong) continue;
      expect(wrong.note['zh-CN']).toContain('应归入');
      return;
    }
    throw new Error('no novice drill in 30 seeds filed a wrong ticket');
  });
});
