import { formatClockTime } from '../../shared/scenario/clockTime.js';

/** The drill clock as players read it: "10:35". */
export const clockLabel = formatClockTime;

/** A wait as a stopwatch reads it: "4:05" (minutes and seconds of scenario time). */
export function waitLabel(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
