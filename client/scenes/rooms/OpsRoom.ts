import Phaser from 'phaser';
import { tex } from '../../assets/manifest.js';
import { getLocale } from '../../i18n/locale.js';
import { t } from '../../i18n/t.js';
import type { DrillView, DutyView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { CardColumn } from '../../widgets/CardColumn.js';
import { addText } from '../../widgets/text.js';
import { COLORS, CSS } from '../../widgets/theme.js';
import { SCENES } from '../sceneKeys.js';
import { RoomScene, STAGE } from './RoomScene.js';
import { RedrawGate } from '../../widgets/RedrawGate.js';
import { Button } from '../../widgets/Button.js';
import { ReportDesk } from '../../widgets/ReportDesk.js';
import { ReviewDesk } from '../../widgets/ReviewDesk.js';
import { OpsDesk } from '../../widgets/OpsDesk.js';

const BOARD = { x: 26, y: STAGE.y + 56, width: 572 };
const DUTY_ROW = 23;
const MAX_DUTIES = 11;
/**
 * With the room's own work, its buttons head the board (out of the way of the notifications,
 * which stack up from the stage's bottom) and the duties below them keep eight rows.
 */
const MAX_DUTIES_WITH_WORK = 8;
const WORK_ROW = 52;
const STATUS_ICON: Record<DutyView['status'], string> = {
  pending: tex.icon('pending'),
  met: tex.icon('check'),
  late: tex.icon('late'),
  missed: tex.icon('cross'),
  'not-applicable': tex.icon('pending'),
};

/**
 * The ops room: the incident board (service health, the duties with their deadlines and status,
 * the confirmed facts and where they have gone) and the people waiting for the commander's call.
 */
export class OpsRoom extends RoomScene {
  protected readonly roomType = 'ops';
  private incidentBoard!: Phaser.GameObjects.Container;
  private health!: Phaser.GameObjects.Text;
  private healthBar!: Phaser.GameObjects.Rectangle;
  private column!: CardColumn;
  private readonly boardDrawn = new RedrawGate();
  private reviewButton!: Button;
  private reportButton!: Button;
  private reviews!: ReviewDesk;
  private reports!: ReportDesk;
  private desk!: OpsDesk;

  constructor() {
    super(SCENES.OpsRoom);
  }

  protected createStage(): void {
    this.boardDrawn.reset();
    addArt(this, 44, STAGE.y + 30, tex.icon('incident-board'), 28);
    addText(this, 66, STAGE.y + 18, t('ops.board'), { size: 18, bold: true, color: CSS.paper });
    this.health = addText(this, 300, STAGE.y + 20, '', { size: 14, bold: true, color: CSS.paper });
    this.add.rectangle(480, STAGE.y + 30, 110, 10, 0x34476b).setOrigin(0, 0.5).setRounded(5);
    this.healthBar = this.add.rectangle(480, STAGE.y + 30, 110, 10, COLORS.green).setOrigin(0, 0.5).setRounded(5);
    this.incidentBoard = this.add.container(0, 0);
    this.add.rectangle(624, STAGE.y + 54, 326, 28, COLORS.ink, 0.9).setOrigin(0).setRounded(8);
    addText(this, 636, STAGE.y + 58, t('ops.waiting'), { size: 15, bold: true, color: CSS.paper });
    this.column = new CardColumn(this, 626, STAGE.y + 88, 322, 4, (id) => this.select(id));
    const work = () => this.drill.view?.panel?.work;
    const canAct = () => this.drill.view?.me.canAct ?? false;
    this.reviewButton = new Button(this, BOARD.x, BOARD.y - 2, '', 'ops.reviews', () => this.reviews.open(work()?.reviews ?? [], canAct()), { width: 280, height: 44, size: 15 });
    this.reportButton = new Button(this, BOARD.x + BOARD.width - 280, BOARD.y - 2, '', 'ops.report', () => this.reports.open(work()?.reports ?? [], canAct()), { width: 280, height: 44, size: 15 });
    this.reviews = new ReviewDesk(this, (post) => this.postName(post), (statement, verdict) => this.drill.work({ type: 'review', statement, verdict }));
    this.reports = new ReportDesk(this, (report, fields) => this.drill.work({ type: 'fileReport', report, fields }));
    this.desk = new OpsDesk(this, (intent) => this.drill.work(intent));
  }

  protected renderStage(view: DrillView): void {
    const continuity = view.scores.find((s) => s.dim === 'continuity')?.value ?? 0;
    this.health.setText(`${t('ops.health')} ${Math.round(continuity)}`);
    this.healthBar.scaleX = Math.max(0.01, continuity / 100);
    this.healthBar.setFillStyle(continuity < 40 ? COLORS.red : continuity < 60 ? COLORS.gold : COLORS.green);
    this.column.render(view.panel?.npcs ?? [], this.selected);
    if (this.boardDrawn.changed([view.duties, view.panel?.facts, view.panel?.work === null, getLocale(), Math.floor(view.clock / 60)])) this.drawBoard(view);
    this.renderWork(view);
    this.desk.render(view);
  }

  /** The drafts waiting for this post's approval and the report it files, when the drill has them. */
  private renderWork(view: DrillView): void {
    const work = view.panel?.work ?? null;
    this.reviewButton.setVisible(work !== null);
    this.reportButton.setVisible(work !== null);
    if (!work) return;
    const locale = getLocale();
    this.reviewButton.setLabel(t('ops.reviews', { n: work.reviews.length })).setEnabled(work.reviews.length > 0);
    const report = work.reports.find((r) => r.filedAt === null) ?? work.reports[0];
    const label = !report ? t('ops.reportNone') : report.filedAt === null ? t('ops.reportOpen', { title: report.title[locale] }) : t('ops.reportFiled', { title: report.title[locale] });
    this.reportButton.setLabel(label).setEnabled(report !== undefined);
    this.reviews.render(work.reviews, view.me.canAct);
    this.reports.render(work.reports, view.me.canAct);
  }

  protected override modalOpen(): boolean {
    return this.reviews.isOpen || this.reports.isOpen;
  }

  private drawBoard(view: DrillView): void {
    this.incidentBoard.removeAll(true);
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.incidentBoard.add(o), o);
    const facts = view.panel?.facts ?? [];
    const top = view.panel?.work ? BOARD.y + WORK_ROW : BOARD.y;
    add(addText(this, BOARD.x, top, t('ops.duties'), { size: 14, bold: true, color: CSS.gold }));
    add(addText(this, BOARD.x + BOARD.width, top, `${t('ops.facts')} · ${facts.length}`, { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0));
    // Open duties first (soonest deadline on top), then the ones already settled.
    const duties = [...view.duties.filter((d) => d.status === 'pending'), ...view.duties.filter((d) => d.status !== 'pending')];
    let y = top + 24;
    const max = view.panel?.work ? MAX_DUTIES_WITH_WORK : MAX_DUTIES;
    for (const duty of duties.slice(0, max)) {
      const rowColor = duty.urgent ? 0x5a2a2a : duty.mine ? 0x1d3550 : 0x16223a;
      add(this.add.rectangle(BOARD.x, y, BOARD.width, DUTY_ROW - 2, rowColor).setOrigin(0).setRounded(5));
      add(addArt(this, BOARD.x + 12, y + 10, STATUS_ICON[duty.status], 18));
      add(addText(this, BOARD.x + 28, y + 2, duty.title[locale], { size: 13, color: duty.status === 'pending' ? CSS.paper : CSS.muted, width: 330, maxLines: 1 }));
      const owner = view.seats.find((s) => s.post === duty.post)?.name[locale] ?? duty.post;
      add(addText(this, BOARD.x + 366, y + 3, owner, { size: 11, color: CSS.muted, width: 110, maxLines: 1 }));
      const due = duty.status === 'pending' ? (duty.deadlineLabel ? t('ops.due', { time: duty.deadlineLabel }) : t('ops.noDeadline')) : t(`duty.${duty.status}`);
      const color = duty.urgent || duty.status === 'missed' || duty.status === 'late' ? '#ff9b8f' : duty.status === 'met' ? '#7ee2a0' : CSS.gold;
      add(addText(this, BOARD.x + BOARD.width - 8, y + 3, due, { size: 12, bold: true, color }).setOrigin(1, 0));
      y += DUTY_ROW;
    }
    if (duties.length > max) add(addText(this, BOARD.x, y, `+${duties.length - max}`, { size: 12, color: CSS.muted }));
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    return this.column.anchorOf(npc);
  }
}
