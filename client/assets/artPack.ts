import type { AssetEntry } from './manifest.js';

/**
 * Every drawing of assets/, as text, in one chunk of its own: the Preloader fetches this one file
 * instead of forty (a browser opens only six connections to a server, so forty small requests
 * queue), then hands each drawing to the loader. The files in assets/ stay the source.
 */
const DRAWINGS = import.meta.glob<string>('../../assets/**/*.svg', { query: '?raw', import: 'default', eager: true });

/** Base64 of the UTF-8 bytes: Phaser's loader reads data URIs with atob. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The entry's drawing as a data URI, or its plain URL if the pack lacks it. */
export function packedUrl(entry: AssetEntry): string {
  const svg = DRAWINGS[`../../assets/${entry.url}`];
  return svg === undefined ? entry.url : `data:image/svg+xml;charset=utf-8;base64,${base64(svg)}`;
}
