import type { ScaleOut } from './scaleOut.js';

/**
 * Who this process is to its checkpoints: its public address, or "single" for a lone process.
 * A process restarted at the same address takes back its own running drills, and only those.
 */
export function processIdentity(scaleOut: ScaleOut | undefined): string {
  return scaleOut?.publicAddress ?? 'single';
}
