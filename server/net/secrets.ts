import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L, or U (to avoid accidental words): easy to read out to a class. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/**
 * A join code: 8 characters from 30, about 6.6e11 codes, so even a thousand live drills leave
 * a guesser one hit per 650 million tries; joins by unknown codes are also rate-limited.
 */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Accepts what people type: lower case, spaces and dashes ("abcd-efgh"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A 128-bit secret for trainer keys and seat tokens. */
export function newSecret(): string {
  return randomBytes(16).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
