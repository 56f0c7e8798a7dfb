import Phaser from 'phaser';
import { tex } from '../../assets/manifest.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { getLocale } from '../../i18n/locale.js';
import { t } from '../../i18n/t.js';
import { clockLabel } from '../../view/clockLabel.js';
import { feedOf, feedPosts, type FeedPost } from '../../view/feed.js';
import type { DrillView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { CardColumn } from '../../widgets/CardColumn.js';
import { addText } from '../../widgets/text.js';
import { COLORS, CSS } from '../../widgets/theme.js';
import { SCENES } from '../sceneKeys.js';
import { RoomScene, STAGE } from './RoomScene.js';

const FEED = { x: 28, y: STAGE.y + 58, width: 528, bottom: STAGE.y + 320 };

/**
 * The newsroom: a live social feed (posts slide in at the top and push the older ones down, with
 * the heat of public opinion) and the reporters and bloggers waiting on the line for an answer.
 */
export class Newsroom extends RoomScene {
  protected readonly roomType = 'newsroom';
  private feed!: Phaser.GameObjects.Container;
  private heat!: Phaser.GameObjects.Text;
  private heatBar!: Phaser.GameObjects.Rectangle;
  private column!: CardColumn;
  private posts: FeedPost[] = [];

  constructor() {
    super(SCENES.Newsroom);
  }

  protected createStage(view: DrillView): void {
    addArt(this, 44, STAGE.y + 38, tex.icon('feed-post'), 28);
    addText(this, 64, STAGE.y + 26, t('news.feed'), { size: 18, bold: true, color: CSS.white });
    this.heat = addText(this, 360, STAGE.y + 27, '', { size: 14, bold: true, color: CSS.white });
    this.add.rectangle(460, STAGE.y + 38, 90, 10, 0xffffff, 0.35).setOrigin(0, 0.5).setRounded(5);
    this.heatBar = this.add.rectangle(460, STAGE.y + 38, 90, 10, COLORS.red).setOrigin(0, 0.5).setRounded(5);
    this.feed = this.add.container(0, 0);
    this.add.rectangle(592, STAGE.y + 54, 356, 28, COLORS.ink, 0.85).setOrigin(0).setRounded(8);
    addText(this, 604, STAGE.y + 58, t('news.reporters'), { size: 15, bold: true, color: CSS.paper });
    this.column = new CardColumn(this, 596, STAGE.y + 88, 348, 4, (id) => this.select(id));
    this.posts = feedOf(view.code);
    this.drawFeed(null);
  }

  protected renderStage(view: DrillView): void {
    const reputation = view.scores.find((s) => s.dim === 'reputation')?.value ?? 50;
    const heat = Math.round(100 - reputation);
    this.heat.setText(`${t('news.heat')} ${heat}`);
    this.heatBar.scaleX = Math.max(0.01, heat / 100);
    this.column.render(view.panel?.npcs ?? [], this.selected);
  }

  protected override onRoomEvents(events: DrillEvent[]): void {
    const room = this.drill.view?.panel?.room ?? 'newsroom';
    const fresh = feedPosts(events, room);
    if (fresh.length === 0) return;
    this.posts.unshift(...fresh.reverse());
    this.posts.splice(12);
    this.drawFeed(fresh.length);
  }

  /** Lays the feed out newest first; the newest `fresh` posts slide in from above. */
  private drawFeed(fresh: number | null): void {
    this.feed.removeAll(true);
    const locale = getLocale();
    let y = FEED.y;
    if (this.posts.length === 0) {
      this.feed.add(addText(this, FEED.x + FEED.width / 2, FEED.y + 100, t('news.emptyFeed'), { size: 16, color: CSS.inkSoft }).setOrigin(0.5));
      return;
    }
    this.posts.forEach((post, i) => {
      if (y > FEED.bottom - 40) return;
      const card = this.add.container(FEED.x, y);
      const text = addText(this, 52, 6, post.title ? `${post.title[locale]}\n${post.body[locale]}` : post.body[locale], { size: 13, width: FEED.width - 120, maxLines: 4, color: post.tone === 'bad' ? '#8a2323' : CSS.ink });
      const height = Math.max(48, text.height + 12);
      card.add(this.add.rectangle(0, 0, FEED.width, height, post.tone === 'bad' ? 0xfbe3e0 : COLORS.white).setOrigin(0).setRounded(8).setStrokeStyle(1, 0xd8cfc2));
      card.add(this.add.circle(24, 22, 15, post.tone === 'bad' ? COLORS.red : 0xe07a3f));
      card.add(addText(this, 24, 22, post.tone === 'bad' ? '!' : '#', { size: 16, bold: true, color: CSS.white }).setOrigin(0.5));
      card.add(text);
      card.add(addText(this, FEED.width - 10, 6, clockLabel(post.at), { size: 12, color: CSS.inkSoft }).setOrigin(1, 0));
      this.feed.add(card);
      if (fresh !== null && i < fresh) {
        card.setAlpha(0);
        this.tweens.add({ targets: card, alpha: 1, y: { from: y - 30, to: y }, duration: 450, ease: 'Cubic.easeOut' });
      }
      y += height + 6;
    });
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    return this.column.anchorOf(npc);
  }
}
