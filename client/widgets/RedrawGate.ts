/**
 * Tells a widget whether what it drew from has changed: the inputs it read (view-model parts,
 * which keep their identity while unchanged, see view/shareEqual.ts; the language; its own
 * state), compared one by one with `Object.is`. Cheaper and stricter than comparing contents.
 */
export class RedrawGate {
  private last: readonly unknown[] | null = null;

  /** True (and remembers these inputs) when any input differs from the last call's. */
  changed(inputs: readonly unknown[]): boolean {
    const last = this.last;
    if (last && last.length === inputs.length && inputs.every((input, i) => Object.is(input, last[i]))) return false;
    this.last = inputs;
    return true;
  }

  /** The next call draws, whatever its inputs. */
  reset(): void {
    this.last = null;
  }
}
