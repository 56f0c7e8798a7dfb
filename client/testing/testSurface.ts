import Phaser from 'phaser';
import { getLocale } from '../i18n/locale.js';
import { currentDrill, onDrillChange } from '../drill/session.js';
import { SCENES } from '../scenes/sceneKeys.js';
import { replayStatus, type ReplayStatus } from '../view/replayStatus.js';
import type { DrillView } from '../view/viewModel.js';
import { boardOnScreen } from '../scenes/Leaderboard.js';
import { clickables } from './buttonRegistry.js';
import { testLog } from './testLog.js';
import type { ChatShown } from '../game/testHooks.js';

/** A clickable widget as the page sees it: its centre and size in CSS pixels of the page. */
export interface ButtonInfo {
  id: string;
  label: string;
  enabled: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label is drawn wider than the button. */
  overflows: boolean;
  /** The chosen one of a set of buttons. */
  selected: boolean;
}

/**
 * `window.__crisisDrill`: a read-only window onto the canvas UI for browser tests (and for people
 * debugging). Tests read the current scene and view-model here, find buttons by test id, and then
 * click them with real mouse events at the given coordinates; nothing here changes the game,
 * except `dropConnection`, which imitates a network failure.
 *
 * - `scene()`: key of the main scene on screen (see scenes/sceneKeys.ts)
 * - `view()`: the current DrillView (client/view/viewModel.ts), or null outside a drill
 * - `buttons()`: every enabled-or-not clickable of the active scenes, with page coordinates
 * - `notices()`: titles and bodies of the notifications shown, oldest first
 * - `scoreChanges()`: the score-change labels shown ("−4 Public reputation: …" and its cause)
 * - `progress()`: the loader progress values the Preloader drew (0…1)
 * - `scenes()`: the main scenes shown so far, in order
 * - `firstInteractiveAt`: performance.now() when the menu first accepted input
 * - `locale()`, `connection()`: the language and the connection status
 * - `renderer()`: "WebGL" or "Canvas" (see game/pickRenderer.ts)
 * - `sampleFrames(ms)`: for the benchmark, each frame's interval and the time the game spent on it
 *   (update and render) over `ms` milliseconds
 * - `dropConnection()`: closes the socket as a failing network would (the client must reconnect)
 * - `board()`: the leaderboard lines on screen, "rank name total"
 * - `replay()`: the Replay scene's step, clock, scores and verdict (view/replayStatus.ts), or null
 * - `chat()`: what the chat panel shows (open, tab, lines, refusal, unread), or null without one
 * - `refusals()`: the refusals this page's drill received ({ code, ref, type }), oldest first
 * - `forge(type, payload)`: sends a message the UI does not offer (a trainer command from a
 *   player's page, say) and returns its ref, so a test can see the server refuse it
 */
export interface TestSurface {
  scene(): string;
  view(): DrillView | null;
  buttons(): ButtonInfo[];
  notices(): string[];
  scoreChanges(): string[];
  progress(): number[];
  scenes(): string[];
  firstInteractiveAt: number | null;
  locale(): string;
  connection(): string;
  renderer(): string;
  sampleFrames(ms: number): Promise<{ intervals: number[]; work: number[] }>;
  dropConnection(): void;
  /** Lines of the leaderboard on screen ("rank name total"), empty elsewhere. */
  board(): string[];
  replay(): ReplayStatus | null;
  chat(): ChatShown | null;
  refusals(): { code: string; ref: number | null; type?: string }[];
  forge(type: string, payload: object): number;
}

declare global {
  interface Window {
    __crisisDrill?: TestSurface;
  }
}

export function installTestSurface(game: Phaser.Game): void {
  const surface: TestSurface = {
    scene: () => activeMainScene(game),
    view: () => currentDrill()?.view ?? null,
    buttons: () => listButtons(game),
    notices: () => [...testLog.notices],
    scoreChanges: () => [...testLog.scoreChanges],
    progress: () => [...testLog.progress],
    scenes: () => [...testLog.scenes],
    firstInteractiveAt: null,
    locale: () => getLocale(),
    connection: () => currentDrill()?.status ?? 'none',
    renderer: () => (game.renderer.type === Phaser.WEBGL ? 'WebGL' : 'Canvas'),
    sampleFrames: (ms) => sampleFrames(game, ms),
    dropConnection: () => currentDrill()?.dropForTest(),
    board: () => boardOnScreen(),
    replay: () => replayStatus(),
    chat: () => testLog.chatShown,
    refusals: () => [...refusals],
    forge: (type, payload) => currentDrill()?.sendRawForTest(type, payload) ?? -1,
  };
  const refusals: { code: string; ref: number | null; type?: string }[] = [];
  let offRefusals = () => {};
  onDrillChange((drill) => {
    offRefusals();
    offRefusals = drill?.on('rejected', (r) => refusals.push({ code: r.code, ref: r.ref, type: r.type })) ?? (() => {});
  });
  testLog.onInteractive = (at) => (surface.firstInteractiveAt ??= at);
  game.events.on(Phaser.Core.Events.POST_STEP, () => {
    const scene = activeMainScene(game);
    if (scene && scene !== testLog.scenes.at(-1)) testLog.scene(scene);
  });
  window.__crisisDrill = surface;
}

/** Frame intervals (start to start) and the game's own work in each (step start to render end). */
function sampleFrames(game: Phaser.Game, ms: number): Promise<{ intervals: number[]; work: number[] }> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    const work: number[] = [];
    let start = 0;
    let last = 0;
    const end = performance.now() + ms;
    const onStep = () => {
      start = performance.now();
      if (last) intervals.push(start - last);
      last = start;
    };
    const onRendered = () => {
      if (start) work.push(performance.now() - start);
      if (performance.now() < end) return;
      game.events.off(Phaser.Core.Events.PRE_STEP, onStep);
      game.events.off(Phaser.Core.Events.POST_RENDER, onRendered);
      resolve({ intervals, work });
    };
    game.events.on(Phaser.Core.Events.PRE_STEP, onStep);
    game.events.on(Phaser.Core.Events.POST_RENDER, onRendered);
  });
}

function activeMainScene(game: Phaser.Game): string {
  // The preloader stays active, unseen, while it loads the later drawings behind the menu.
  const active = game.scene.getScenes(true).filter((s) => s.sys.isVisible()).map((s) => s.sys.settings.key);
  return active.find((k) => k !== SCENES.ConnectionOverlay) ?? '';
}

function listButtons(game: Phaser.Game): ButtonInfo[] {
  const canvas = game.canvas;
  const rect = canvas.getBoundingClientRect();
  const toPage = rect.width / canvas.width;
  const out: ButtonInfo[] = [];
  for (const item of clickables()) {
    const scene = item.object.scene;
    if (!scene?.sys.isActive()) continue;
    const camera = scene.cameras.main;
    const bounds = item.object.getBounds();
    const view = camera.worldView;
    const x0 = rect.left + (bounds.x - view.x) * camera.zoom * toPage;
    const y0 = rect.top + (bounds.y - view.y) * camera.zoom * toPage;
    const width = bounds.width * camera.zoom * toPage;
    const height = bounds.height * camera.zoom * toPage;
    out.push({ id: item.testId(), label: item.label(), enabled: item.enabled(), x: x0 + width / 2, y: y0 + height / 2, width, height, overflows: item.overflows?.() ?? false, selected: item.selected?.() ?? false });
  }
  return out;
}
