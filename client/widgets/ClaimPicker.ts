import type Phaser from 'phaser';
import type { ClaimView } from '../../shared/protocol/workPanel.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { drawChoices } from './choiceList.js';
import { ModalPanel, WIDE_FRAME } from './ModalPanel.js';
import { Pager } from './Pager.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

/**
 * Which fact answers a post in the feed: every claim the room has heard, in the order given,
 * each with what the room can tell of it. Picking one sends the rebuttal.
 */
export class ClaimPicker extends ModalPanel {
  private claims: readonly ClaimView[] = [];
  private quote = '';
  private readonly pager = new Pager();
  private onPick: (claim: string) => void = () => {};

  constructor(scene: Phaser.Scene) {
    super(scene, WIDE_FRAME, 'rebut.close');
  }

  open(quote: string, claims: readonly ClaimView[], onPick: (claim: string) => void): void {
    this.quote = quote;
    this.onPick = onPick;
    this.pager.reset();
    this.show();
    this.render(claims);
  }

  render(claims: readonly ClaimView[]): void {
    if (!this.isOpen) return;
    this.pager.clamp(claims.length);
    if (!this.drawn.changed([claims, getLocale(), this.pager.start])) return;
    this.claims = claims;
    const { x, width, y: top, height } = this.frame;
    const locale = getLocale();
    let y = this.drawFrame(t('rebut.title'));
    const quote = this.put(addText(this.scene, x + 24, y, this.quote, { size: 14, width: width - 48, color: CSS.inkSoft }));
    y += quote.height + 12;
    if (claims.length === 0) {
      this.put(addText(this.scene, x + 24, y, t('compose.noClaims'), { size: 15, color: CSS.inkSoft }));
      return;
    }
    const choices = claims.map((c) => ({
      testId: `rebut.claim.${c.id}`,
      label: c.text[locale],
      badge: c.status,
      onPick: () => {
        this.close();
        this.onPick(c.id);
      },
    }));
    const bottom = top + height - 56;
    const { end } = drawChoices(this, choices, this.pager.start, { x: x + 24, y, width: width - 48, bottom }, 14);
    this.pager.drawButtons(this, x + width - 224, bottom + 12, end, claims.length, 'rebut.page', () => this.render(this.claims));
  }
}
