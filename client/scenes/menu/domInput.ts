import type Phaser from 'phaser';

/**
 * A real HTML text field placed over the canvas (Phaser's DOM layer follows the camera), so that
 * typing, IME composition for Chinese, paste and screen readers all work as on any web page.
 */
export function addInput(scene: Phaser.Scene, x: number, y: number, width: number, name: string, placeholder: string, maxLength = 40): Phaser.GameObjects.DOMElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.name = name;
  input.className = 'cd-input';
  input.placeholder = placeholder;
  input.maxLength = maxLength;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.style.width = `${width}px`;
  input.style.height = '48px';
  return scene.add.dom(x, y, input).setOrigin(0, 0);
}

export function inputOf(element: Phaser.GameObjects.DOMElement): HTMLInputElement {
  return element.node as HTMLInputElement;
}
