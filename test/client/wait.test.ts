import { describe, expect, it } from 'vitest';
import { clockLabel, waitLabel } from '../../client/view/clockLabel.js';

describe('clock labels', () => {
  it('reads scenario seconds as HH:MM', () => {
    expect(clockLabel(9 * 3600)).toBe('09:00');
    expect(clockLabel(12 * 3600 + 29 * 60 + 59)).toBe('12:29');
  });

  it('reads waits as m:ss and never negative', () => {
    expect(waitLabel(65)).toBe('1:05');
    expect(waitLabel(-3)).toBe('0:00');
  });
});
