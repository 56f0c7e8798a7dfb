import Phaser from 'phaser';
import type { DrillEvent } from '../../shared/engine/events.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { feedOf, feedPosts, type FeedPost } from '../view/feed.js';
import type { FeedArea } from './FeedList.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

/**
 * The newsroom's feed in a drill whose scenario has no feed of its own: the injects aimed at the
 * newsroom and the people who gave up and went public, newest first, sliding in from above.
 */
export class WireFeed extends Phaser.GameObjects.Container {
  private readonly posts: FeedPost[];

  constructor(
    scene: Phaser.Scene,
    private readonly area: FeedArea,
    code: string,
  ) {
    super(scene, 0, 0);
    scene.add.existing(this);
    this.posts = feedOf(code);
    this.draw(null);
  }

  onEvents(events: DrillEvent[], newsroom: string): void {
    const fresh = feedPosts(events, newsroom);
    if (fresh.length === 0) return;
    this.posts.unshift(...fresh.reverse());
    this.posts.splice(12);
    this.draw(fresh.length);
  }

  /** Lays the feed out newest first; the newest `fresh` posts slide in from above. */
  private draw(fresh: number | null): void {
    this.removeAll(true);
    const scene = this.scene;
    const { x, width, bottom } = this.area;
    const locale = getLocale();
    let y = this.area.y;
    if (this.posts.length === 0) {
      this.add(addText(scene, x + width / 2, y + 100, t('news.emptyFeed'), { size: 16, color: CSS.inkSoft }).setOrigin(0.5));
      return;
    }
    this.posts.forEach((post, i) => {
      if (y > bottom - 40) return;
      const card = scene.add.container(x, y);
      const text = addText(scene, 52, 6, post.title ? `${post.title[locale]}\n${post.body[locale]}` : post.body[locale], { size: 13, width: width - 120, maxLines: 4, color: post.tone === 'bad' ? '#8a2323' : CSS.ink });
      const height = Math.max(48, text.height + 12);
      card.add(scene.add.rectangle(0, 0, width, height, post.tone === 'bad' ? 0xfbe3e0 : COLORS.white).setOrigin(0).setRounded(8).setStrokeStyle(1, 0xd8cfc2));
      card.add(scene.add.circle(24, 22, 15, post.tone === 'bad' ? COLORS.red : 0xe07a3f));
      card.add(addText(scene, 24, 22, post.tone === 'bad' ? '!' : '#', { size: 16, bold: true, color: CSS.white }).setOrigin(0.5));
      card.add(text);
      card.add(addText(scene, width - 10, 6, clockLabel(post.at), { size: 12, color: CSS.inkSoft }).setOrigin(1, 0));
      this.add(card);
      if (fresh !== null && i < fresh) {
        card.setAlpha(0);
        scene.tweens.add({ targets: card, alpha: 1, y: { from: y - 30, to: y }, duration: 450, ease: 'Cubic.easeOut' });
      }
      y += height + 6;
    });
  }
}
