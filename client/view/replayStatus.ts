import type { Difference } from '../../shared/replay/verification.js';

/** What the replay screen shows, as plain data for the browser tests (see testing/testSurface.ts). */
export interface ReplayStatus {
  step: number;
  last: number;
  clock: number;
  playing: boolean;
  speed: number;
  matches: boolean;
  differences: Difference[];
  banner: string;
  scores: Record<string, number>;
  total: number;
  storedScores: Record<string, number>;
  storedTotal: number;
}

let source: (() => ReplayStatus) | null = null;

/** The Replay scene registers itself while it is on screen and clears this when it closes. */
export function setReplayStatus(read: (() => ReplayStatus) | null): void {
  source = read;
}

export function replayStatus(): ReplayStatus | null {
  return source?.() ?? null;
}
