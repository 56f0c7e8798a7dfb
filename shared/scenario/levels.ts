import { z } from 'zod';

/**
 * The difficulty a drill is created at. It is not a label on the scenario: it changes the drill
 * (see drawMorning), and the scenario list shows what the simulator measured at each level.
 */
export const LEVELS = ['introductory', 'standard', 'advanced'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export const DEFAULT_LEVEL: Level = 'standard';
