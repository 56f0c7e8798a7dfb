import type { Skill } from '../../../shared/bots/skill.js';
import type { Level } from '../../../shared/scenario/levels.js';
import type { StringKey } from '../../i18n/t.js';
import { ApiError, createDrill } from '../../net/api.js';
import type { DrillSource } from '../../drill/DrillSource.js';
import { loadNet } from '../../drill/session.js';
import { clearSeat, type SavedSeat } from '../../net/savedSeat.js';

/** The result of a menu action: the drill joined, or what to tell the player. */
export type Outcome = { ok: true; drill: DrillSource } | { ok: false; message: StringKey; params?: Record<string, string> };

/**
 * Speed for new drills. The level's speed for the scenario is the default; `?speed=600` in the page
 * address overrides it (up to 3600 scenario seconds a second), for demonstrations and the tests.
 */
export function speedFromAddress(): number | undefined {
  const raw = new URLSearchParams(location.search).get('speed');
  const speed = raw === null ? NaN : Number(raw);
  return Number.isFinite(speed) ? Math.min(3600, Math.max(0.5, speed)) : undefined;
}

export async function joinByCode(code: string, name: string): Promise<Outcome> {
  return attempt(async (net) => net.LiveDrill.join(code, { name }));
}

export async function createTraining(scenario: string, level: Level): Promise<Outcome> {
  return attempt(async (net) => {
    const created = await createDrill({ mode: 'training', scenario, level, ...speedOption() });
    return net.LiveDrill.join(created.code, { trainerKey: created.trainerKey! });
  });
}

export async function createTeam(scenario: string, level: Level, team: string, name: string): Promise<Outcome> {
  return attempt(async (net) => {
    const created = await createDrill({ mode: 'team', scenario, level, team, ...speedOption() });
    return net.LiveDrill.join(created.code, { name });
  });
}

export async function createSolo(scenario: string, level: Level, post: string, skill: Skill, name: string): Promise<Outcome> {
  return attempt(async (net) => {
    const created = await createDrill({ mode: 'solo', scenario, level, post, skill, ...speedOption() });
    return net.LiveDrill.join(created.code, { name, post });
  });
}

/**
 * Back to the seat this tab saved (after a reload). While the server cannot be reached (it is
 * restarting, say) it keeps trying, telling `waiting` so, for as long as a restarted server keeps
 * the drill; a seat or drill that is gone is forgotten, a network failure is not.
 */
export async function rejoin(seat: SavedSeat, waiting: () => void = () => {}): Promise<Outcome> {
  const net = await loadNet().catch(() => null);
  const until = Date.now() + (net?.REJOIN_WINDOW_MS ?? 0);
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(async (n) => n.LiveDrill.rejoin(seat));
    if (outcome.ok) return outcome;
    if (outcome.message !== 'error.network' || !net || Date.now() >= until) {
      if (outcome.message !== 'error.network') clearSeat();
      return outcome;
    }
    waiting();
    await new Promise((r) => setTimeout(r, net.retryPause(tries)));
  }
}

function speedOption(): { speed?: number } {
  const speed = speedFromAddress();
  return speed === undefined ? {} : { speed };
}

async function attempt(work: (net: Awaited<ReturnType<typeof loadNet>>) => Promise<DrillSource>): Promise<Outcome> {
  let net: Awaited<ReturnType<typeof loadNet>>;
  try {
    net = await loadNet();
  } catch {
    return { ok: false, message: 'error.network' };
  }
  try {
    return { ok: true, drill: await work(net) };
  } catch (err) {
    return { ok: false, ...explain(err, net.JoinError) };
  }
}

/** Turns a refusal into words: no such drill, seat gone, bad details, or the network. */
function explain(err: unknown, JoinError: new (...args: never[]) => { code: number; message: string }): { message: StringKey; params?: Record<string, string> } {
  if (err instanceof ApiError) return err.status >= 500 || err.status === 0 ? { message: 'error.network' } : { message: 'error.badJoin', params: { reason: err.message } };
  if (err instanceof JoinError) {
    if (err.code === 4803) return { message: 'error.seatLost' };
    if (err.code === 4212) return { message: 'error.noDrill' };
    if (err.code === 4805) return { message: 'error.badJoin', params: { reason: err.message } };
    if (/full|locked/i.test(err.message)) return { message: 'error.full' };
    // 0: no answer at all; 503: the server is shutting down or starting up.
    if (err.code === 0 || err.code === 503) return { message: 'error.network' };
    return { message: 'error.badJoin', params: { reason: err.message } };
  }
  return { message: 'error.network' };
}
