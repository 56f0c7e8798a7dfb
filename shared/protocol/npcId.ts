import { z } from 'zod';

/** NPC ids are made by the engine ("n42"); the bound keeps hostile strings out of look-ups. */
export const NpcIdSchema = z.string().regex(/^n\d{1,6}$/, 'must be an NPC id such as n12');
