import { describe, expect, it } from 'vitest';
import { validateName } from '../../client/net/validateName.js';

describe('the display name check', () => {
  it('accepts a name and trims it', () => {
    expect(validateName('  王芳 ')).toEqual({ ok: true, name: '王芳' });
  });

  it('rejects an empty or blank name', () => {
    expect(validateName('   ')).toEqual({ ok: false, error: 'name.empty' });
  });

  it('rejects a name over 24 characters', () => {
    expect(validateName('x'.repeat(25))).toEqual({ ok: false, error: 'name.tooLong' });
    expect(validateName('x'.repeat(24)).ok).toBe(true);
  });

  it('rejects control characters', () => {
    expect(validateName('a\u0007b')).toEqual({ ok: false, error: 'name.badChars' });
  });
});
