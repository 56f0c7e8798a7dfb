import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NPC_KINDS as SCENARIO_KINDS, ROOM_TYPES } from '../../shared/scenario/schema.js';
import { DIMENSIONS } from '../../shared/scores/dimensions.js';
import { packedUrl } from '../../client/assets/artPack.js';
import { ASSETS, ICONS, NPC_KINDS, ROOM_ART } from '../../client/assets/manifest.js';
import { SCENES } from '../../client/scenes/sceneKeys.js';

const assetDir = new URL('../../assets/', import.meta.url).pathname;

describe('the asset manifest', () => {
  it('draws every entry from an SVG file under assets/, with unique keys', () => {
    const all = ASSETS;
    for (const a of all) expect(existsSync(assetDir + a.url), a.url).toBe(true);
    expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
  });

  it('packs every drawing, byte for byte, for the one download the Preloader makes', () => {
    for (const a of ASSETS) {
      const url = packedUrl(a);
      expect(url.startsWith('data:image/svg+xml;charset=utf-8;base64,'), a.url).toBe(true);
      expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(readFileSync(assetDir + a.url, 'utf8'));
    }
  });

  it('declares the size it draws each SVG at, matching the drawing', () => {
    for (const a of ASSETS) {
      const svg = readFileSync(assetDir + a.url, 'utf8');
      expect(svg, a.url).toContain(`viewBox="0 0 ${a.width} ${a.height}"`);
    }
  });

  it('has a figure for every NPC kind a scenario may use and a picture for every room type', () => {
    expect([...NPC_KINDS].sort()).toEqual([...SCENARIO_KINDS].sort());
    expect([...ROOM_ART].sort()).toEqual([...ROOM_TYPES].sort());
  });

  it('has an icon for every score dimension', () => {
    for (const d of DIMENSIONS) expect(ICONS as readonly string[]).toContain(d);
  });
});

describe('scene keys', () => {
  it('equal the class names (the key is the name)', () => {
    for (const [name, key] of Object.entries(SCENES)) expect(key).toBe(name);
  });
});
