import Phaser from 'phaser';
import type { DrillSource } from '../drill/DrillSource.js';
import type { DrillView } from '../view/viewModel.js';
import type { ChatPanel, ChatPanelOptions } from '../widgets/ChatPanel.js';

/** The chat panel of a scene, once its code has loaded (null until then, and in drills without chat). */
export interface ChatHandle {
  readonly panel: ChatPanel | null;
}

/**
 * Whether this page has team chat: a drill with other people in it (solo practice has none: bots
 * hold the other posts), while it runs; for a player at a post, or for the trainer.
 */
export function hasChat(view: DrillView): boolean {
  if (view.mode === 'solo' || (view.phase !== 'running' && view.phase !== 'paused')) return false;
  return view.me.isTrainer || (view.me.role === 'player' && view.me.post !== null);
}

/**
 * Puts the chat panel on a scene. Its code is a chunk of its own, fetched when the first drill
 * scene asks for it, so the menu's first load does not carry it; a scene that shut down before it
 * came gets none.
 */
export function attachChat(scene: Phaser.Scene, drill: DrillSource, options: ChatPanelOptions): ChatHandle {
  const handle: { panel: ChatPanel | null } = { panel: null };
  let running = true;
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => (running = false));
  void import('../widgets/ChatPanel.js').then((m) => {
    if (running && scene.sys.isActive()) handle.panel = new m.ChatPanel(scene, drill, options);
  });
  return handle;
}
