import { z } from 'zod';

/** Scenario clock times are written "HH:MM" and held by the engine as whole seconds since 00:00. */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written HH:MM, for example 09:30')
  .transform((hhmm) => parseClockTime(hhmm));

export function parseClockTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60;
}

export function formatClockTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

export const MINUTE = 60;

/** Durations in scenario files are whole minutes; the engine holds seconds. */
export const MinutesSchema = z
  .number()
  .int('must be a whole number of minutes')
  .positive('must be at least one minute')
  .max(24 * 60)
  .transform((m) => m * MINUTE);
