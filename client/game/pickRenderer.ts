import Phaser from 'phaser';

/**
 * WebGL where a graphics card draws it; Canvas where WebGL would run in software. Without a GPU
 * (virtual desktops, which many bank branches use, and headless test browsers) Chromium emulates
 * WebGL on the CPU (SwiftShader, llvmpipe) at a few frames a second, while its software Canvas 2D
 * keeps 60: measured 200 ms against 17 ms a frame for the busiest room. `?renderer=webgl` or
 * `?renderer=canvas` in the address overrides the choice.
 */
export function pickRenderer(): number {
  const asked = new URLSearchParams(location.search).get('renderer');
  if (asked === 'canvas') return Phaser.CANVAS;
  if (asked === 'webgl') return Phaser.WEBGL;
  return softwareWebGL() ? Phaser.CANVAS : Phaser.AUTO;
}

function softwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}
