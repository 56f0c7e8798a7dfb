import Phaser from 'phaser';
import type { BoardView } from '../../shared/protocol/workPanel.js';
import type { WorkIntent } from '../net/DrillConnection.js';
import { getLocale } from '../i18n/locale.js';
import { t, tOr } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { WorkDesk } from './WorkDesk.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

type Kind = BoardView['options'][number]['kind'];
export interface DeskArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

const OPTION_ROW = 37;
const OPTION_ROWS = 6;
const SIDE_W = 200;

/**
 * The ops room's incident board: its people, the options of one kind at a time (kinds in the
 * order the board gives them) with their minutes and people and a Start button, greyed with a
 * short reason while the board would refuse it; what runs, with a bar to its finish; what is done.
 */
export class BoardDesk extends WorkDesk {
  private kind: Kind | null = null;
  private page = 0;
  private bars: { bar: Phaser.GameObjects.Rectangle; width: number; from: number; to: number }[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly area: DeskArea,
    send: (intent: WorkIntent) => void,
  ) {
    super(scene, send);
  }

  render(board: BoardView, clock: number, canAct: boolean): void {
    const kinds = kindsOf(board);
    if (!this.kind || !kinds.includes(this.kind)) this.kind = kinds[0] ?? null;
    this.drawWhenChanged(() => this.render(board, clock, canAct), [board, canAct, this.kind, this.page], () => this.draw(board, canAct));
    for (const b of this.bars) b.bar.width = Math.max(1, b.width * Math.min(1, Math.max(0, (clock - b.from) / Math.max(1, b.to - b.from))));
  }

  private draw(board: BoardView, canAct: boolean): void {
    this.bars = [];
    const s = this.scene;
    const locale = getLocale();
    const { x, y, width, height } = this.area;
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => this.put(o);
    const listW = width - SIDE_W - 10;
    const level = board.level ? (board.options.find((o) => o.kind === 'level' && o.id === board.level)?.text[locale] ?? board.level) : t('ops.noLevel');
    add(addText(s, x + 4, y + 4, `${t('ops.people', { free: board.free, staff: board.staff })}  ·  ${t('ops.level', { level })}`, { size: 13, bold: true, color: CSS.paper, width: listW - 120, maxLines: 1 }));

    // Kind tabs, then the options of the chosen kind.
    const kinds = kindsOf(board);
    const tabW = Math.floor((listW - (kinds.length - 1) * 4) / Math.max(1, kinds.length));
    kinds.forEach((k, i) => {
      const b = add(new Button(s, x + i * (tabW + 4), y + 30, t(`ops.kind.${k}`), `ops.kind.${k}`, () => this.choose(k), { width: tabW, height: 30, size: 12, tone: 'ghost' }));
      b.setSelected(k === this.kind);
    });
    const options = board.options.filter((o) => o.kind === this.kind);
    const pages = Math.max(1, Math.ceil(options.length / OPTION_ROWS));
    if (this.page >= pages) this.page = 0;
    options.slice(this.page * OPTION_ROWS, (this.page + 1) * OPTION_ROWS).forEach((o, i) => {
      const ry = y + 66 + i * OPTION_ROW;
      add(s.add.rectangle(x, ry, listW, OPTION_ROW - 3, o.blocked ? 0x16223a : 0x1d3550).setOrigin(0).setRounded(5));
      add(addText(s, x + 6, ry + 2, o.text[locale], { size: 12, color: o.blocked ? CSS.muted : CSS.paper, width: listW - 194, maxLines: 2, lineSpacing: 1 }));
      const cost = o.minutes !== undefined ? t('ops.cost', { minutes: o.minutes, staff: o.staff }) : t('ops.costStaff', { staff: o.staff });
      add(addText(s, x + listW - 66, ry + 2, cost, { size: 11, color: CSS.gold }).setOrigin(1, 0));
      const start = add(new Button(s, x + listW - 60, ry + 3, t('ops.start'), `board.start.${o.kind}.${o.id}`, () => this.send({ type: 'board', kind: o.kind, option: o.id }), { width: 56, height: 28, size: 12, tone: 'primary' }));
      start.setEnabled(canAct && o.blocked === null);
      if (o.blocked) add(addText(s, x + listW - 66, ry + 18, tOr(`ops.blocked.${o.blocked}`, tOr(`rejection.${o.blocked}`, o.blocked)), { size: 11, color: '#ff9b8f' }).setOrigin(1, 0));
    });
    if (pages > 1) add(new Button(s, x + listW - 110, y - 2, t('ops.more', { page: this.page + 1, pages }), 'ops.page', () => this.turn(pages), { width: 110, height: 26, size: 11, tone: 'ghost' }));

    // What runs and what is done.
    const sx = x + width - SIDE_W;
    let sy = y + 30;
    add(addText(s, sx, sy, t('ops.running'), { size: 13, bold: true, color: CSS.gold }));
    sy += 20;
    if (board.running.length === 0) (add(addText(s, sx, sy, t('ops.nothing'), { size: 12, color: CSS.muted })), (sy += 20));
    for (const job of board.running.slice(0, 3)) {
      add(addText(s, sx, sy, job.text[locale], { size: 12, color: CSS.paper, width: SIDE_W, maxLines: 1 }));
      add(s.add.rectangle(sx, sy + 22, SIDE_W - 70, 6, 0x34476b).setOrigin(0, 0.5).setRounded(3));
      const bar = add(s.add.rectangle(sx, sy + 22, 1, 6, COLORS.teal).setOrigin(0, 0.5).setRounded(3));
      this.bars.push({ bar, width: SIDE_W - 70, from: job.startedAt, to: job.doneAt });
      add(addText(s, sx + SIDE_W, sy + 15, t('ops.doneAt', { time: clockLabel(job.doneAt) }), { size: 11, color: CSS.muted }).setOrigin(1, 0));
      sy += 34;
    }
    sy += 4;
    add(addText(s, sx, sy, t('ops.done'), { size: 13, bold: true, color: CSS.gold }));
    sy += 20;
    if (board.done.length === 0) add(addText(s, sx, sy, t('ops.nothing'), { size: 12, color: CSS.muted }));
    for (const job of [...board.done].reverse()) {
      if (sy > y + height - 18) break;
      const mark = job.ok === undefined ? '' : job.ok ? ` · ${t('ops.fixOk')}` : ` · ${t('ops.fixFailed')}`;
      add(addText(s, sx, sy, `${clockLabel(job.at)} ${job.text[locale]}${mark}`, { size: 11, color: job.ok === false ? '#ff9b8f' : CSS.paper, width: SIDE_W, maxLines: 1 }));
      sy += 18;
    }
  }

  private turn(pages: number): void {
    this.page = (this.page + 1) % pages;
    this.refresh();
  }

  private choose(kind: Kind): void {
    this.kind = kind;
    this.page = 0;
    this.refresh();
  }
}

function kindsOf(board: BoardView): Kind[] {
  return [...new Set(board.options.map((o) => o.kind))];
}
