import { ROOM_SCENES, SCENES, type SceneKey } from '../scenes/sceneKeys.js';
import type { DrillView } from './viewModel.js';

/**
 * Which scene should be on screen for a drill as it stands: the lobby before the start, the
 * viewed post's room while it runs, the results at the end. Pure, so the routing is unit-tested.
 */
export function targetScene(view: DrillView | null, ended: boolean): SceneKey {
  if (!view) return SCENES.Menu;
  if (ended || view.phase === 'ended' || view.phase === 'failed') return SCENES.Results;
  if (view.phase === 'lobby') return SCENES.Lobby;
  if (view.me.role === 'player' && !view.me.post) return SCENES.Lobby;
  if (view.me.onConsole) return SCENES.TrainerConsole;
  return ROOM_SCENES[view.me.viewRoomType ?? ''] ?? SCENES.OpsRoom;
}
