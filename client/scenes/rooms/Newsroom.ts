import { tex } from '../../assets/manifest.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import type { Text } from '../../../shared/i18n/text.js';
import { getLocale } from '../../i18n/locale.js';
import { t } from '../../i18n/t.js';
import type { DrillView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { Button } from '../../widgets/Button.js';
import { CardColumn } from '../../widgets/CardColumn.js';
import { ClaimPicker } from '../../widgets/ClaimPicker.js';
import { FeedList, type FeedAction } from '../../widgets/FeedList.js';
import { StatementDesk } from '../../widgets/StatementDesk.js';
import { addText } from '../../widgets/text.js';
import { COLORS, CSS } from '../../widgets/theme.js';
import { WireFeed } from '../../widgets/WireFeed.js';
import { SCENES } from '../sceneKeys.js';
import { RoomScene, STAGE } from './RoomScene.js';

const FEED = { x: 28, y: STAGE.y + 54, width: 528, bottom: STAGE.y + STAGE.height - 4 };

/**
 * The newsroom: the social feed (in a drill with a feed of its own, each post with its heat and
 * what can be done about it; otherwise the news as it comes), the statement desk where the
 * post composes its statements, and the reporters and bloggers waiting on the line.
 */
export class Newsroom extends RoomScene {
  protected readonly roomType = 'newsroom';
  private column!: CardColumn;
  private feed: FeedList | null = null;
  private wire: WireFeed | null = null;
  private desk!: StatementDesk;
  private picker!: ClaimPicker;
  private deskButton!: Button;

  constructor() {
    super(SCENES.Newsroom);
  }

  protected createStage(view: DrillView): void {
    addArt(this, 44, STAGE.y + 38, tex.icon('feed-post'), 28);
    addText(this, 64, STAGE.y + 26, t('news.feed'), { size: 18, bold: true, color: CSS.white });
    const work = view.panel?.work ?? null;
    this.feed = null;
    this.wire = null;
    if (!work) this.wire = new WireFeed(this, FEED, view.code);
    this.add.rectangle(592, STAGE.y + 54, 356, 28, COLORS.ink, 0.85).setOrigin(0).setRounded(8);
    addText(this, 604, STAGE.y + 58, t('news.reporters'), { size: 15, bold: true, color: CSS.paper });
    this.column = new CardColumn(this, 596, STAGE.y + 88, 348, 4, (id) => this.select(id));
    this.deskButton = new Button(this, 592, 64, t('news.compose'), 'news.desk', () => this.desk.open(this.drill.view?.panel?.work ?? null, this.drill.view?.me.canAct ?? false), { width: 200, height: 40, size: 15, tone: 'primary' });
    this.picker = new ClaimPicker(this);
    this.desk = new StatementDesk(this, (post) => this.postName(post), (statement, draft, forApproval) => this.drill.work({ type: forApproval ? 'submitDraft' : 'publish', statement, draft }));
  }

  protected renderStage(view: DrillView): void {
    this.column.render(view.panel?.npcs ?? [], this.selected);
    const work = view.panel?.work ?? null;
    this.deskButton.setVisible(work !== null);
    if (!work) return;
    // The panel may come after the scene (a post taken mid-drill): the drill's own feed replaces the news.
    if (!this.feed) {
      this.wire?.destroy();
      this.wire = null;
      this.feed = new FeedList(this, FEED, { x: FEED.x + FEED.width - 200, y: STAGE.y + 16 }, (item, action) => this.onFeedAction(item.id, item.text, action));
    }
    this.feed.render(work.feed, view.me.canAct);
    const drafting = work.composing.some((c) => c.status === 'drafting');
    this.deskButton.setLabel(drafting ? t('news.compose') : t('news.statements')).setEnabled(work.composing.length + work.published.length > 0);
    this.desk.render(work, view.me.canAct);
    this.picker.render(work.claims);
  }

  /** Reply and escalate go at once; a rebuttal first asks which fact answers the post. */
  private onFeedAction(item: string, text: Text, action: FeedAction): void {
    if (action !== 'rebut') {
      this.drill.work({ type: 'feed', item, action });
      return;
    }
    const claims = this.drill.view?.panel?.work?.claims ?? [];
    this.picker.open(text[getLocale()], claims, (claim) => this.drill.work({ type: 'feed', item, action, claim }));
  }

  protected override modalOpen(): boolean {
    return this.desk.isOpen || this.picker.isOpen;
  }

  protected override onRoomEvents(events: DrillEvent[]): void {
    this.wire?.onEvents(events, this.drill.view?.panel?.room ?? 'newsroom');
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    return this.column.anchorOf(npc);
  }
}
