/** The project's flat palette (the same as the SVG art in assets/), as numbers for Phaser and CSS strings for text. */
export const COLORS = {
  ink: 0x1d2b45,
  ink2: 0x2f4066,
  night: 0x0f1a2e,
  teal: 0x0e7c7b,
  tealLight: 0x5fbfb5,
  paper: 0xf7f3ea,
  paperDim: 0xe6e0d3,
  wall: 0xe6ecf3,
  gold: 0xf0b429,
  red: 0xd64545,
  green: 0x3a9d5d,
  orange: 0xe08e0b,
  grey: 0x8a99b3,
  white: 0xffffff,
} as const;

export const CSS = {
  ink: '#1d2b45',
  inkSoft: '#4a5a78',
  paper: '#f7f3ea',
  white: '#ffffff',
  teal: '#0e7c7b',
  gold: '#f0b429',
  red: '#d64545',
  green: '#3a9d5d',
  grey: '#8a99b3',
  muted: '#b8c4d8',
} as const;

/** Mood bands from furious to calm, coloured red to green. */
export const MOOD_COLORS: Record<string, number> = {
  furious: 0xd64545,
  angry: 0xe0663a,
  upset: 0xf0b429,
  neutral: 0x9fb4c8,
  calm: 0x3a9d5d,
};

export const DEPTH = {
  stage: 0,
  figures: 10,
  ui: 100,
  floating: 300,
  toast: 400,
  modal: 500,
} as const;
