import type Phaser from 'phaser';
import { filmsTheRoom } from '../../../shared/engine/filming.js';
import { leavesSatisfied } from '../../../shared/engine/mood.js';
import { tex } from '../../assets/manifest.js';
import { t } from '../../i18n/t.js';
import type { DrillView, NpcView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { FloorDesk } from '../../widgets/FloorDesk.js';
import { NpcFigure } from '../../widgets/NpcFigure.js';
import { addText } from '../../widgets/text.js';
import { COLORS, CSS, DEPTH } from '../../widgets/theme.js';
import { SCENES } from '../sceneKeys.js';
import { RoomScene, STAGE } from './RoomScene.js';

const DOOR_X = 990;
const FRONT_Y = STAGE.y + 334;
const BACK_Y = STAGE.y + 282;
const PER_ROW = 10;

/**
 * The branch lobby: customers walk in through the door, queue towards the counters, fidget as
 * their patience runs down and walk out when they are served or give up. Click one to talk.
 */
export class BranchLobby extends RoomScene {
  protected readonly roomType = 'lobby';
  /** The counters at the top of the picture matter less than the queue on the floor; where the branch runs its floor, its desk covers them and notices rise from the bottom. */
  protected override toastPlaceFor(view: DrillView): 'top' | 'bottom' {
    return view.panel?.work?.floor ? 'bottom' : 'top';
  }
  private readonly figures = new Map<string, NpcFigure>();
  private crowd!: Phaser.GameObjects.Text;
  private filming!: Phaser.GameObjects.Container;
  /** The ticket queue, places, crowd meter and lines, in scenarios whose branch runs its floor. */
  private desk: FloorDesk | null = null;

  constructor() {
    super(SCENES.BranchLobby);
  }

  protected createStage(): void {
    this.figures.clear();
    this.desk = null;
    this.add.rectangle(8, STAGE.y + 8, 210, 34, COLORS.ink, 0.85).setOrigin(0).setRounded(8).setDepth(DEPTH.ui - 1);
    this.crowd = addText(this, 20, STAGE.y + 14, '', { size: 16, bold: true, color: CSS.paper }).setDepth(DEPTH.ui - 1);
    const badge = this.add.rectangle(0, 0, 200, 34, COLORS.red, 0.92).setOrigin(0).setRounded(8);
    this.filming = this.add.container(226, STAGE.y + 8, [badge, addArt(this, 20, 17, tex.icon('camera'), 26), addText(this, 38, 6, t('branch.filming'), { size: 15, bold: true, color: CSS.white })]).setDepth(DEPTH.ui - 1);
    this.tweens.add({ targets: this.filming, alpha: 0.55, duration: 600, yoyo: true, repeat: -1 });
  }

  protected renderStage(view: DrillView): void {
    const npcs = view.panel?.npcs ?? [];
    this.crowd.setText(t('branch.crowd', { count: npcs.length }));
    this.filming.setVisible(npcs.some(filmsTheRoom));
    const present = new Set(npcs.map((n) => n.id));
    for (const [id, figure] of this.figures) {
      if (!present.has(id)) {
        figure.walkOut(DOOR_X, leavesSatisfied(figure.lastMood));
        this.figures.delete(id);
      }
    }
    npcs.forEach((npc, i) => this.place(npc, i, npcs.length));
    const floor = view.panel?.work?.floor;
    if (floor) (this.desk ??= new FloorDesk(this, (intent) => this.drill.work(intent))).render(floor, view.me.canAct);
    this.desk?.setVisible(!!floor);
  }

  /** Queue order: the longest waiting stands nearest the counters, newcomers near the door. */
  private place(npc: NpcView, index: number, count: number): void {
    const back = index >= PER_ROW;
    const inRow = back ? index - PER_ROW : index;
    const rowCount = back ? count - PER_ROW : Math.min(count, PER_ROW);
    const spacing = Math.min(82, 700 / Math.max(1, rowCount));
    const x = 150 + inRow * spacing + (back ? spacing / 2 : 0);
    const y = back ? BACK_Y : FRONT_Y;
    let figure = this.figures.get(npc.id);
    if (!figure) {
      figure = new NpcFigure(this, x, y, npc, back ? 0.56 : 0.64, (id) => this.select(id));
      figure.walkIn(DOOR_X);
      this.figures.set(npc.id, figure);
    } else {
      figure.stepTo(x, y);
    }
    figure.setDepth(DEPTH.figures + (back ? 0 : 1) + inRow / 100);
    figure.show(npc, npc.id === this.selected);
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    return this.figures.get(npc)?.headTop ?? null;
  }

  protected override onNpcLeft(npc: string, satisfied: boolean): void {
    const figure = this.figures.get(npc);
    if (!figure) return;
    this.figures.delete(npc);
    figure.walkOut(DOOR_X, satisfied);
  }
}
