import { Leaderboard } from '../leaderboard/Leaderboard.js';
import type { ServerServices } from '../services.js';
import { Competitions } from './Competitions.js';

const made = new WeakMap<ServerServices, { leaderboard: Leaderboard; competitions: Competitions }>();

/** The one leaderboard and competition desk of an app (an app is one `services` object). */
export function rankingOf(services: ServerServices): { leaderboard: Leaderboard; competitions: Competitions } {
  let ranking = made.get(services);
  if (!ranking) {
    const leaderboard = new Leaderboard(services);
    ranking = { leaderboard, competitions: new Competitions(services, leaderboard) };
    made.set(services, ranking);
  }
  return ranking;
}
