/**
 * The asset manifest: every texture the game draws, with its file under assets/ (served from the
 * site root) and the size it is drawn at in world pixels. SVGs are rasterised at that size times
 * the render scale, so they stay sharp. Scenes refer to textures by these keys only.
 */
export interface AssetEntry {
  key: string;
  /** The drawing's path under assets/, which is also its URL from the site root. */
  url: string;
  width: number;
  height: number;
}

function entry(key: string, url: string, width: number, height: number): AssetEntry {
  return { key, url, width, height };
}

export const NPC_KINDS = ['customer', 'caller', 'reporter', 'blogger', 'official', 'executive', 'staff', 'system'] as const;
export const MOOD_FACES = ['furious', 'angry', 'upset', 'neutral', 'calm'] as const;
export const ROOM_ART = ['lobby', 'phone', 'newsroom', 'ops'] as const;
export const ICONS = [
  'trust', 'reputation', 'compliance', 'continuity', 'timeliness', 'coordination',
  'phone', 'feed-post', 'incident-board', 'lobby', 'memo', 'bell', 'offline', 'camera', 'bot', 'person',
  'check', 'cross', 'late', 'pending',
] as const;

export const tex = {
  logo: 'art-logo',
  menu: 'art-menu',
  room: (type: string) => `room-${(ROOM_ART as readonly string[]).includes(type) ? type : 'ops'}`,
  npc: (kind: string) => `npc-${(NPC_KINDS as readonly string[]).includes(kind) ? kind : 'customer'}`,
  face: (band: string) => `face-${(MOOD_FACES as readonly string[]).includes(band) ? band : 'neutral'}`,
  icon: (name: (typeof ICONS)[number]) => `icon-${name}`,
};

/**
 * What the menu and the connection overlay draw, the logo first so the loading screen can show it
 * while the rest arrive. The menu waits for these only.
 */
export const MENU_ASSETS: AssetEntry[] = [
  entry(tex.logo, 'art/logo.svg', 128, 128),
  entry(tex.menu, 'art/menu.svg', 1280, 720),
  ...ICONS.map((i) => entry(tex.icon(i), `icons/${i}.svg`, 64, 64)),
];

/**
 * The drawings of the screens past the menu (rooms, people, faces): rasterising them took the last
 * quarter of the time to the menu, so they load while the menu is read (see assets/artLoading.ts).
 */
export const LATER_ASSETS: AssetEntry[] = [
  ...ROOM_ART.map((r) => entry(tex.room(r), `rooms/${r}.svg`, 960, 344)),
  ...NPC_KINDS.map((k) => entry(tex.npc(k), `npcs/${k}.svg`, 120, 200)),
  ...MOOD_FACES.map((f) => entry(tex.face(f), `faces/${f}.svg`, 48, 48)),
];

/** Every texture. */
export const ASSETS: AssetEntry[] = [...MENU_ASSETS, ...LATER_ASSETS];
