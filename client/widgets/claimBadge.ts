import Phaser from 'phaser';
import type { ClaimView } from '../../shared/protocol/workPanel.js';
import { t } from '../i18n/t.js';
import { addText, fitLine } from './text.js';
import { COLORS, CSS } from './theme.js';

export type ClaimStatus = ClaimView['status'];

export const BADGE_WIDTH = 100;
export const BADGE_HEIGHT = 22;

/** What the room can tell of a claim, not whether stating it is wise: the same three colours everywhere. */
const BADGE_FILL: Record<ClaimStatus, number> = { confirmed: COLORS.green, unconfirmed: COLORS.orange, disproved: COLORS.red };

export function claimStatusLabel(status: ClaimStatus): string {
  return t(`claim.${status}`);
}

/** A small chip that says whether the room has a claim confirmed, not confirmed, or disproved. */
export function claimBadge(scene: Phaser.Scene, x: number, y: number, status: ClaimStatus): Phaser.GameObjects.Container {
  const box = scene.add.rectangle(0, 0, BADGE_WIDTH, BADGE_HEIGHT, BADGE_FILL[status]).setOrigin(0).setRounded(6);
  const label = addText(scene, BADGE_WIDTH / 2, BADGE_HEIGHT / 2, claimStatusLabel(status), { size: 12, bold: true, color: CSS.white }).setOrigin(0.5);
  fitLine(label, BADGE_WIDTH - 8, 12);
  return scene.add.container(x, y, [box, label]);
}
