import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/protocol/joinCode.js';

/**
 * A join code: 8 characters from 30, about 6.6e11 codes, so even a thousand live drills leave
 * a guesser one hit per 650 million tries; joins by unknown codes are also rate-limited.
 */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
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
