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
import { OpsDesk } from '../../widgets/OpsDesk.js';

const BOARD = { x: 26, y: STAGE.y + 56, width: 572 };
const DUTY_ROW = 23;
const MAX_DUTIES = 11;
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
    this.desk = new OpsDesk(this, (intent) => this.drill.work(intent));
  }

  protected renderStage(view: DrillView): void {
    const continuity = view.scores.find((s) => s.dim === 'continuity')?.value ?? 0;
    this.health.setText(`${t('ops.health')} ${Math.round(continuity)}`);
    this.healthBar.scaleX = Math.max(0.01, continuity / 100);
    this.healthBar.setFillStyle(continuity < 40 ? COLORS.red : continuity < 60 ? COLORS.gold : COLORS.green);
    this.column.render(view.panel?.npcs ?? [], this.selected);
    if (this.boardDrawn.changed([view.duties, view.panel?.facts, getLocale(), Math.floor(view.clock / 60)])) this.drawBoard(view);
    this.desk.render(view);
  }

  private drawBoard(view: DrillView): void {
    this.incidentBoard.removeAll(true);
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.incidentBoard.add(o), o);
    const facts = view.panel?.facts ?? [];
    add(addText(this, BOARD.x, BOARD.y, t('ops.duties'), { size: 14, bold: true, color: CSS.gold }));
    add(addText(this, BOARD.x + BOARD.width, BOARD.y, `${t('ops.facts')} · ${facts.length}`, { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0));
    // Open duties first (soonest deadline on top), then the ones already settled.
    const duties = [...view.duties.filter((d) => d.status === 'pending'), ...view.duties.filter((d) => d.status !== 'pending')];
    let y = BOARD.y + 24;
    for (const duty of duties.slice(0, MAX_DUTIES)) {
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
    if (duties.length > MAX_DUTIES) add(addText(this, BOARD.x, y, `+${duties.length - MAX_DUTIES}`, { size: 12, color: CSS.muted }));
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    return this.column.anchorOf(npc);
  }
}
