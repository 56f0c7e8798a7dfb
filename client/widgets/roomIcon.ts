import { tex } from '../assets/manifest.js';

/** The icon that stands for a room type: bank hall, phone, feed post, incident board. */
export function roomIcon(type: string): string {
  return tex.icon(type === 'phone' ? 'phone' : type === 'newsroom' ? 'feed-post' : type === 'ops' ? 'incident-board' : 'lobby');
}
