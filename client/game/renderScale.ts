/** The world every scene lays out in; the canvas may be larger (see renderScale). */
export const WORLD_WIDTH = 1280;
export const WORLD_HEIGHT = 720;

/**
 * How many canvas pixels per world pixel. The canvas is made as large as it will be shown (times
 * the device pixel ratio) and every camera zooms by this factor, so text and SVG art are drawn
 * at screen resolution instead of being stretched: Chinese stays sharp on a 1080p or Retina
 * screen. Fixed at start; a later window resize is handled by CSS scaling.
 */
export const RENDER_SCALE = computeScale();

function computeScale(): number {
  if (typeof window === 'undefined') return 1;
  const fit = Math.min(window.innerWidth / WORLD_WIDTH, window.innerHeight / WORLD_HEIGHT);
  const scale = Math.ceil(fit * (window.devicePixelRatio || 1) * 4) / 4;
  return Math.min(3, Math.max(1, scale));
}
