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
