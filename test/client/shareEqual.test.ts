import { describe, expect, it } from 'vitest';
import { shareEqual } from '../../client/view/shareEqual.js';

describe('shareEqual', () => {
  it('keeps the previous object where nothing changed, and only there', () => {
    const before = { seats: [{ post: 'a', ready: false }, { post: 'b', ready: false }], clock: 1 };
    const after = shareEqual(before, { seats: [{ post: 'a', ready: false }, { post: 'b', ready: true }], clock: 1 });
    expect(after).toEqual({ seats: [{ post: 'a', ready: false }, { post: 'b', ready: true }], clock: 1 });
    expect(after.seats[0]).toBe(before.seats[0]);
    expect(after.seats[1]).not.toBe(before.seats[1]);
    expect(after).not.toBe(before);
    expect(shareEqual(before, structuredClone(before))).toBe(before);
  });

  it('does not mistake an array for an object or a shorter list for the same one', () => {
    expect(shareEqual({ 0: 1 }, [1])).toEqual([1]);
    expect(shareEqual([1, 2], [1])).toEqual([1]);
  });
});
