import type Phaser from 'phaser';

// The one door between the game and its browser tests. This file is what production builds:
// every hook does nothing, and nothing of the test surface (window.__crisisDrill, the bench's
// crowd) is imported, so none of it ships. `vite build --mode test` (vite.config.ts) resolves
// this module to client/testing/testHooks.ts instead, which has the same exports and does the work.

/**
 * A clickable widget, registered under a stable test id ("menu.solo", "response.<id>",
 * "npc.<id>") so a browser test can find it and click it with a real mouse event at its place.
 */
export interface Clickable {
  /** The test id; a function because a row on a board changes who it stands for. */
  testId(): string;
  readonly object: Phaser.GameObjects.GameObject & { getBounds(): Phaser.Geom.Rectangle };
  label(): string;
  enabled(): boolean;
  /** Whether the label is drawn wider than the widget (a label that does not fit). */
  overflows?(): boolean;
  /** Whether it is the chosen one of a set (a language, a level). */
  selected?(): boolean;
}

/** What an open chat panel shows (client/widgets/ChatPanel.ts), for a test to read. */
export interface ChatShown {
  open: boolean;
  /** The channel of the tab on show ("team", "a~b", or "*" for the trainer's every channel). */
  channel: string;
  /** The lines on show, oldest first: "10:35 · who: text". */
  lines: string[];
  /** The refusal on show, in the page's language; "" when there is none. */
  refusal: string;
  /** The unread count on the toggle button. */
  unread: number;
}

/** What the UI has shown that a test may check afterwards. */
export interface TestLog {
  notice(text: string): void;
  chat(shown: ChatShown): void;
  scoreChange(text: string): void;
  loaderProgress(value: number): void;
  interactive(): void;
}

export function registerClickable(_item: Clickable): () => void {
  return () => {};
}

export const testLog: TestLog = {
  notice: () => {},
  chat: () => {},
  scoreChange: () => {},
  loaderProgress: () => {},
  interactive: () => {},
};

/** Puts the test surface on the page. */
export function installTestHooks(_game: Phaser.Game): void {}

/** The test build's stand-in drills (`?bench=crowd`); true when one started instead of the menu. */
export function startBenchInstead(_game: Phaser.Game): boolean {
  return false;
}
