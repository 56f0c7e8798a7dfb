import Phaser from 'phaser';
import type { WorkIntent } from '../net/DrillConnection.js';
import { t } from '../i18n/t.js';
import type { DrillView } from '../view/viewModel.js';
import { BoardDesk } from './BoardDesk.js';
import { Button } from './Button.js';
import { InboxList } from './InboxList.js';
import { COLORS, DEPTH } from './theme.js';

type Tab = 'duties' | 'board' | 'inbox';
/** The ops room's left side, below its title: where the duties list is drawn. */
const COVER = { x: 10, y: 98, width: 596, height: 300 };
const AREA = { x: COVER.x + 8, y: COVER.y + 6, width: COVER.width - 16, height: COVER.height - 10 };
const TAB = { x: 292, y: 60, width: 102, height: 30 };

/**
 * The ops room's own work beside its duties: tabs for the duties (the room's own list), the
 * incident board and the hotline's escalations. The board and the inbox are drawn over the
 * duties list; the tabs sit where the room's title row has room. Hidden in drills without them.
 */
export class OpsDesk extends Phaser.GameObjects.Container {
  private readonly cover: Phaser.GameObjects.Rectangle;
  private readonly tabs: Record<Tab, Button>;
  private readonly board: BoardDesk;
  private readonly inbox: InboxList;
  private tab: Tab | null = null;
  private lastView: DrillView | null = null;

  constructor(scene: Phaser.Scene, send: (intent: WorkIntent) => void) {
    super(scene, 0, 0);
    const strip = scene.add.rectangle(TAB.x - 6, TAB.y - 4, TAB.width * 3 + 20, TAB.height + 8, COLORS.ink).setOrigin(0).setRounded(8);
    this.cover = scene.add.rectangle(COVER.x, COVER.y, COVER.width, COVER.height, COLORS.night).setOrigin(0).setRounded(10);
    // Takes the pointer, so nothing of the duties list beneath it can be clicked through it.
    this.cover.setInteractive();
    const tab = (id: Tab, i: number) => new Button(scene, TAB.x + i * (TAB.width + 4), TAB.y, '', `ops.tab.${id}`, () => this.show(id), { width: TAB.width, height: TAB.height, size: 13, tone: 'ghost' });
    this.tabs = { duties: tab('duties', 0), board: tab('board', 1), inbox: tab('inbox', 2) };
    this.board = new BoardDesk(scene, AREA, send);
    this.inbox = new InboxList(scene, AREA, send);
    this.setDepth(DEPTH.figures);
    this.add([strip, this.cover, this.tabs.duties, this.tabs.board, this.tabs.inbox, this.board, this.inbox]);
    scene.add.existing(this);
  }

  render(view: DrillView): void {
    this.lastView = view;
    const work = view.panel?.work;
    const board = work?.board ?? null;
    const inbox = work?.inbox;
    this.setVisible(board !== null || inbox !== undefined);
    if (!this.visible) return;
    // The duties tab comes first: it carries the drafts to approve and the regulator's report.
    if (this.tab === null || (this.tab === 'board' && !board) || (this.tab === 'inbox' && !inbox)) this.tab = 'duties';
    const waiting = inbox?.filter((e) => e.status === 'waiting').length ?? 0;
    this.tabs.duties.setLabel(t('ops.tab.duties')).setSelected(this.tab === 'duties');
    this.tabs.board.setLabel(t('ops.tab.board')).setSelected(this.tab === 'board').setVisible(board !== null);
    this.tabs.inbox.setLabel(t('ops.tab.inbox', { n: waiting })).setSelected(this.tab === 'inbox').setVisible(inbox !== undefined);
    this.cover.setVisible(this.tab !== 'duties');
    this.board.setVisible(this.tab === 'board');
    this.inbox.setVisible(this.tab === 'inbox');
    if (board && this.tab === 'board') this.board.render(board, view.clock, view.me.canAct);
    if (inbox && this.tab === 'inbox') this.inbox.render(inbox, view.me.canAct);
  }

  private show(tab: Tab): void {
    this.tab = tab;
    if (this.lastView) this.render(this.lastView);
  }
}
