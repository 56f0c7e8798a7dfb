import type { ChatShown } from '../game/testHooks.js';

/**
 * What the UI has shown that a test may want to check afterwards (notifications, score-change
 * labels, loader progress). Bounded, so a long drill does not grow it without end.
 */
const LIMIT = 200;

function push(list: string[] | number[], value: never): void {
  (list as unknown[]).push(value);
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
}

export const testLog = {
  notices: [] as string[],
  scoreChanges: [] as string[],
  progress: [] as number[],
  scenes: [] as string[],
  /** The chat panel as last drawn, or null before one was. */
  chatShown: null as ChatShown | null,
  onInteractive: (_at: number) => {},
  notice(text: string): void {
    push(this.notices, text as never);
  },
  chat(shown: ChatShown): void {
    this.chatShown = shown;
  },
  scoreChange(text: string): void {
    push(this.scoreChanges, text as never);
  },
  scene(key: string): void {
    push(this.scenes, key as never);
  },
  loaderProgress(value: number): void {
    push(this.progress, value as never);
  },
  interactive(): void {
    this.onInteractive(performance.now());
  },
};
