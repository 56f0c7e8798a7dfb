/**
 * Returns `next`, except that every part of it equal in value to the same part of `previous` is
 * `previous`'s own object. A view-model rebuilt this way keeps the identity of whatever did not
 * change, so a widget can tell "my data changed" with `!==` instead of comparing contents.
 * Plain data only (objects, arrays, primitives), as the view-models are.
 */
export function shareEqual<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (typeof previous !== 'object' || typeof next !== 'object' || previous === null || next === null) return next;
  if (Array.isArray(previous) !== Array.isArray(next)) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  const out: Record<string, unknown> = Array.isArray(next) ? ([] as unknown as Record<string, unknown>) : {};
  for (const key of keys) {
    out[key] = shareEqual(before[key], after[key]);
    if (out[key] !== before[key]) same = false;
  }
  return (same ? previous : out) as T;
}
