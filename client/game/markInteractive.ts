import { testLog } from './testHooks.js';

/**
 * The first frame that takes input (the menu, or a board opened by its own address): a
 * `cd:interactive` performance mark, which tools/benchClient.ts reads from the production build,
 * and the test surface's `firstInteractiveAt` in the test build. Marked once per page.
 */
export function markInteractive(): void {
  if (performance.getEntriesByName('cd:interactive').length === 0) performance.mark('cd:interactive');
  testLog.interactive();
}
