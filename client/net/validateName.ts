import { DisplayNameSchema } from '../../shared/protocol/messages.js';
import type { StringKey } from '../i18n/t.js';

export const MAX_NAME = 24;

/**
 * Checks a display name with the server's own schema, and says what is wrong as a UI string key
 * (the schema's messages are English; the menu shows them in the player's language).
 */
export function validateName(input: string): { ok: true; name: string } | { ok: false; error: StringKey } {
  const parsed = DisplayNameSchema.safeParse(input);
  if (parsed.success) return { ok: true, name: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_small') return { ok: false, error: 'name.empty' };
  if (issue?.code === 'too_big') return { ok: false, error: 'name.tooLong' };
  return { ok: false, error: 'name.badChars' };
}
