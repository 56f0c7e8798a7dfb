import type Phaser from 'phaser';
import type { ReviewView } from '../../shared/protocol/workPanel.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { ModalPanel, WIDE_FRAME } from './ModalPanel.js';
import { drawStatement } from './statementText.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

const F = WIDE_FRAME;
const BOTTOM = F.y + F.height - 24;

/**
 * The approver's desk: each draft waiting for this post, as it would read — its lines, the facts
 * it states with what this room can tell of each, its tone — with Approve and Send back.
 */
export class ReviewDesk extends ModalPanel {
  private tab: string | null = null;
  private reviews: readonly ReviewView[] = [];
  private canAct = false;

  constructor(
    scene: Phaser.Scene,
    private readonly nameOf: (post: string) => string,
    private readonly onVerdict: (statement: string, verdict: 'approve' | 'return') => void,
  ) {
    super(scene, WIDE_FRAME, 'review.close');
  }

  open(reviews: readonly ReviewView[], canAct: boolean): void {
    this.show();
    this.render(reviews, canAct);
  }

  render(reviews: readonly ReviewView[], canAct: boolean): void {
    if (!this.isOpen) return;
    if (!reviews.some((r) => r.statement === this.tab)) this.tab = reviews[0]?.statement ?? null;
    if (!this.drawn.changed([reviews, canAct, getLocale(), this.tab])) return;
    this.reviews = reviews;
    this.canAct = canAct;
    const scene = this.scene;
    const locale = getLocale();
    let y = this.drawFrame(t('opsReview.title'));
    const review = reviews.find((r) => r.statement === this.tab);
    if (!review) {
      this.put(addText(scene, F.x + 24, y + 8, t('opsReview.none'), { size: 16, color: CSS.inkSoft }));
      return;
    }
    if (reviews.length > 1) {
      let x = F.x + 24;
      for (const r of reviews) {
        this.put(new Button(scene, x, y, r.title[locale], `review.tab.${r.statement}`, () => ((this.tab = r.statement), this.render(this.reviews, this.canAct)), { width: 300, height: 36, tone: 'secondary', size: 14 }).setSelected(r === review));
        x += 308;
      }
      y += 48;
    }
    this.put(addText(scene, F.x + 24, y, review.title[locale], { size: 17, bold: true }));
    this.put(addText(scene, F.x + F.width - 24, y + 2, t('opsReview.from', { author: this.nameOf(review.author), time: clockLabel(review.since) }), { size: 14, color: CSS.inkSoft }).setOrigin(1, 0));
    y += 28;
    this.put(addText(scene, F.x + 24, y, t('opsReview.statusHint'), { size: 13, color: CSS.inkSoft, width: F.width - 48 }));
    y += 28;
    drawStatement(this, review, { x: F.x + 24, y, width: F.width - 48, bottom: BOTTOM - 60 }, t('opsReview.noFacts'));
    const id = review.statement;
    this.put(new Button(scene, F.x + F.width - 24 - 220, BOTTOM - 48, t('opsReview.approve'), `review.approve.${id}`, () => this.onVerdict(id, 'approve'), { width: 220, height: 48, size: 17 }).setEnabled(canAct));
    this.put(new Button(scene, F.x + F.width - 24 - 448, BOTTOM - 48, t('opsReview.return'), `review.return.${id}`, () => this.onVerdict(id, 'return'), { width: 220, height: 48, size: 17, tone: 'secondary' }).setEnabled(canAct));
  }
}
