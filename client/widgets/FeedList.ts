import Phaser from 'phaser';
import { FEED_ACTION_LABELS } from '../../shared/engine/work/composerLabels.js';
import type { FeedItemView } from '../../shared/protocol/workPanel.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { Pager } from './Pager.js';
import { RedrawGate } from './RedrawGate.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

export type FeedAction = FeedItemView['actions'][number];

export interface FeedArea {
  x: number;
  y: number;
  width: number;
  bottom: number;
}

const PAD = 10;
const BAR = 120;
const GAP = 6;

/**
 * The newsroom's feed as the engine keeps it: each post with its author, its words, its heat
 * against the threshold where it blows up, whether it is still rising, and the actions on it in
 * the order given. Newest first; what does not fit goes on the next page.
 */
export class FeedList extends Phaser.GameObjects.Container {
  /** The cards' layout and buttons: redrawn when a post comes or goes, or its actions change. */
  private readonly laidOut = new RedrawGate();
  /** Heat and state, updated in place as posts heat up (every scenario minute). */
  private readonly heated = new RedrawGate();
  private readonly pager = new Pager();
  private readonly gauges = new Map<string, Gauge>();
  private feed: readonly FeedItemView[] = [];
  private canAct = false;

  constructor(
    scene: Phaser.Scene,
    private readonly area: FeedArea,
    /** Where the page buttons go (the feed's heading row). */
    private readonly pagerAt: { x: number; y: number },
    private readonly onAction: (item: FeedItemView, action: FeedAction) => void,
  ) {
    super(scene, 0, 0);
    scene.add.existing(this);
  }

  render(feed: readonly FeedItemView[], canAct: boolean): void {
    this.pager.clamp(feed.length);
    this.feed = feed;
    this.canAct = canAct;
    // Each post's words and action lists keep their identity while unchanged (view/shareEqual.ts).
    const layout = [canAct, getLocale(), this.pager.start, ...feed.flatMap((f) => [f.id, f.text, f.author, f.actions, f.done, f.blocked])];
    if (this.laidOut.changed(layout)) {
      this.draw();
      this.heated.changed([feed]);
    } else if (this.heated.changed([feed])) {
      for (const item of feed) this.gauges.get(item.id)?.show(item);
    }
  }

  private draw(): void {
    this.removeAll(true);
    this.gauges.clear();
    const scene = this.scene;
    const { x, width, bottom } = this.area;
    if (this.feed.length === 0) {
      this.add(addText(scene, x + width / 2, this.area.y + 100, t('news.emptyFeed'), { size: 16, color: CSS.inkSoft }).setOrigin(0.5));
      return;
    }
    let y = this.area.y;
    let i = this.pager.start;
    for (; i < this.feed.length; i++) {
      const item = this.feed[i]!;
      const { card, gauge } = this.card(item, y);
      if (y + card.height > bottom && i > this.pager.start) {
        card.destroy();
        break;
      }
      this.add(card);
      this.gauges.set(item.id, gauge);
      y += card.height + GAP;
    }
    this.pager.drawButtons(this, this.pagerAt.x, this.pagerAt.y, i, this.feed.length, 'feed.page', () => this.render(this.feed, this.canAct));
  }

  private card(item: FeedItemView, y: number): { card: Phaser.GameObjects.Container; gauge: Gauge } {
    const scene = this.scene;
    const locale = getLocale();
    const width = this.area.width;
    const card = scene.add.container(this.area.x, y);
    const author = addText(scene, PAD, PAD, item.author[locale], { size: 13, bold: true, color: CSS.ink });
    const time = addText(scene, width - PAD, PAD + 1, clockLabel(item.postedAt), { size: 12, color: CSS.inkSoft }).setOrigin(1, 0);
    // The state's slot is as wide as its longest label, so the bar stays put as the state changes.
    const stateRight = time.x - time.width - 12;
    const slot = Math.max(...STATES.map((s) => measure(scene, t(`feed.state.${s}`), 12)));
    const barX = stateRight - slot - 12 - BAR;
    const stateText = addText(scene, stateRight, PAD + 1, '', { size: 12, bold: true }).setOrigin(1, 0);
    const heat = addText(scene, barX - 8, PAD + 1, '', { size: 12, color: CSS.inkSoft }).setOrigin(1, 0);
    const track = scene.add.rectangle(barX, PAD + 9, BAR, 8, 0xd8cfc2).setOrigin(0, 0.5).setRounded(4);
    const fill = scene.add.rectangle(barX, PAD + 9, BAR, 8, COLORS.orange).setOrigin(0, 0.5).setRounded(4);
    // The mark is where the post blows up.
    const mark = scene.add.rectangle(barX + (BAR * Math.min(100, item.threshold)) / 100, PAD + 9, 2, 14, COLORS.ink).setOrigin(0.5);
    const text = addText(scene, PAD, PAD + 24, item.text[locale], { size: 13, width: width - PAD * 2, color: CSS.ink });
    let by = text.y + text.height + 8;
    let bx = PAD;
    const buttons: Button[] = [];
    for (const action of item.actions) {
      const done = item.done.includes(action);
      const label = `${done ? '✓ ' : ''}${FEED_ACTION_LABELS[action][locale]}`;
      const bw = Math.min(width - PAD * 2, Math.ceil(measure(scene, label, 12)) + 26);
      if (bx + bw > width - PAD) {
        bx = PAD;
        by += 34;
      }
      // The engine says which actions are open now (a reply needs a published statement).
      const enabled = this.canAct && item.blocked[action] === undefined;
      buttons.push(new Button(scene, bx, by, label, `feed.${item.id}.${action}`, () => this.onAction(item, action), { width: bw, height: 28, tone: 'secondary', size: 12 }).setEnabled(enabled));
      bx += bw + 8;
    }
    const height = by + (buttons.length > 0 ? 28 : 0) + PAD;
    const box = scene.add.rectangle(0, 0, width, height, COLORS.white).setOrigin(0).setRounded(8).setStrokeStyle(1, 0xd8cfc2);
    card.add([box, author, time, stateText, heat, track, fill, mark, text, ...buttons]);
    card.setSize(width, height);
    const gauge = new Gauge(box, heat, fill, stateText);
    gauge.show(item);
    return { card, gauge };
  }
}

const STATES = ['rising', 'settled', 'blewUp'] as const;

/** The parts of a card that follow a post's heat. */
class Gauge {
  constructor(
    private readonly box: Phaser.GameObjects.Rectangle,
    private readonly heat: Phaser.GameObjects.Text,
    private readonly fill: Phaser.GameObjects.Rectangle,
    private readonly state: Phaser.GameObjects.Text,
  ) {}

  show(item: FeedItemView): void {
    const state = item.blewUp ? 'blewUp' : item.rising ? 'rising' : 'settled';
    this.heat.setText(t('feed.heat', { heat: item.heat, threshold: item.threshold }));
    this.fill.setSize(Math.max(2, (BAR * item.heat) / 100), 8);
    this.fill.setFillStyle(item.blewUp ? COLORS.red : COLORS.orange);
    this.state.setText(t(`feed.state.${state}`)).setColor(state === 'blewUp' ? CSS.red : state === 'rising' ? '#b36b00' : CSS.inkSoft);
    this.box.setFillStyle(item.blewUp ? 0xfbe3e0 : COLORS.white);
  }
}

/** How wide a label is at this size, in the current language's fonts. */
function measure(scene: Phaser.Scene, label: string, size: number): number {
  const probe = addText(scene, 0, 0, label, { size, bold: true });
  const width = probe.width;
  probe.destroy();
  return width;
}
