/** Every scene's key, equal to its class name. The line a player follows: Boot → Preloader → Menu → Lobby → a room → Results. */
export const SCENES = {
  Boot: 'Boot',
  Preloader: 'Preloader',
  Menu: 'Menu',
  Lobby: 'Lobby',
  BranchLobby: 'BranchLobby',
  PhoneQueue: 'PhoneQueue',
  Newsroom: 'Newsroom',
  OpsRoom: 'OpsRoom',
  Results: 'Results',
  /** After Results: score timeline, decisions and their causes, duties, findings, the survey. */
  Debrief: 'Debrief',
  /** Boards of verified results and competition standings, opened from the Menu. */
  Leaderboard: 'Leaderboard',
  /** A finished drill re-run from its input log, step by step or at speed (reached from Results). */
  Replay: 'Replay',
  /** The trainer's view of the whole drill, with every control (instead of a single room). */
  TrainerConsole: 'TrainerConsole',
  /** `?presenter=CODE`: the current phase in large type for a projector, no controls. */
  Presenter: 'Presenter',
  /** Runs on top of the others: the connection banner and fatal messages. */
  ConnectionOverlay: 'ConnectionOverlay',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** The scene that draws each room type of DESIGN section 2. */
export const ROOM_SCENES: Record<string, SceneKey> = {
  lobby: SCENES.BranchLobby,
  phone: SCENES.PhoneQueue,
  newsroom: SCENES.Newsroom,
  ops: SCENES.OpsRoom,
};

/** Scenes that show a drill in progress. */
export const ROOM_SCENE_KEYS: readonly SceneKey[] = Object.values(ROOM_SCENES);
