import type Phaser from 'phaser';
import { getLocale, setLocale } from '../i18n/locale.js';
import { Button } from './Button.js';

/** One button that switches between 简体中文 and English, labelled with the language it switches to. */
export function languageToggle(scene: Phaser.Scene, x: number, y: number, width = 96): Button {
  const other = getLocale() === 'zh-CN' ? 'en' : 'zh-CN';
  return new Button(scene, x, y, other === 'en' ? 'English' : '简体中文', 'lang.toggle', () => setLocale(other), { width, height: 36, tone: 'ghost', size: 14 });
}
