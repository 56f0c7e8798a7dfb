import type Phaser from 'phaser';
import { ELEMENT_LABELS, TONE_LABELS } from '../../shared/engine/work/composerLabels.js';
import type { Text } from '../../shared/i18n/text.js';
import type { ClaimView, PublishedView } from '../../shared/protocol/workPanel.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { drawChoices, type Column } from './choiceList.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

/** A statement to read: its lines by element, the facts it states (with their status where the reader's room can tell it), its tone. */
export interface StatementBody {
  lines: PublishedView['lines'];
  claims: readonly { id: string; text: Text; status?: ClaimView['status'] }[];
  tone: PublishedView['tone'];
}

/** Draws a statement down a column, in the order it reads; returns the y below it. */
export function drawStatement(container: Phaser.GameObjects.Container, body: StatementBody, column: Column, empty: string): number {
  const scene = container.scene;
  const locale = getLocale();
  let y = column.y;
  const labelWidth = 190;
  const row = (label: string, text: string) => {
    container.add(addText(scene, column.x, y, label, { size: 13, bold: true, color: CSS.inkSoft, width: labelWidth - 10 }));
    const block = addText(scene, column.x + labelWidth, y, text, { size: 14, width: column.width - labelWidth });
    container.add(block);
    y += Math.max(block.height, 18) + 10;
  };
  for (const line of body.lines) row(ELEMENT_LABELS[line.element][locale], line.text[locale]);
  container.add(addText(scene, column.x, y, ELEMENT_LABELS.facts[locale], { size: 13, bold: true, color: CSS.inkSoft, width: labelWidth - 10 }));
  if (body.claims.length === 0) {
    container.add(addText(scene, column.x + labelWidth, y, empty, { size: 14, color: CSS.inkSoft }));
    y += 28;
  } else {
    const choices = body.claims.map((c) => ({ testId: `claim.${c.id}`, label: c.text[locale], ...(c.status && { badge: c.status }) }));
    y = drawChoices(container, choices, 0, { x: column.x + labelWidth, y, width: column.width - labelWidth, bottom: column.bottom }, 14).y + 4;
  }
  row(t('compose.tone'), TONE_LABELS[body.tone][locale]);
  return y;
}
