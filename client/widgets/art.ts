import type Phaser from 'phaser';
import { ASSETS } from '../assets/manifest.js';

const SIZES = new Map(ASSETS.map((a) => [a.key, a]));

/** An image from the manifest, drawn at its world size (its texture is larger: see renderScale.ts). */
export function addArt(scene: Phaser.Scene, x: number, y: number, key: string, width?: number, height?: number): Phaser.GameObjects.Image {
  const entry = SIZES.get(key);
  const image = scene.add.image(x, y, key);
  const w = width ?? entry?.width ?? image.width;
  const h = height ?? (width && entry ? (entry.height * width) / entry.width : (entry?.height ?? image.height));
  return image.setDisplaySize(w, h);
}
