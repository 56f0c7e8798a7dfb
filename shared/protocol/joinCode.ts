/** Join codes use these characters only: no 0/O, 1/I/L, or U, so they read out without doubt. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** Accepts what people type: lower case, spaces and dashes ("abcd-efgh"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Shows a code in two groups of four, easier to read out to a class. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
