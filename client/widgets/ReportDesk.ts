import type Phaser from 'phaser';
import type { ReportView } from '../../shared/protocol/workPanel.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { drawChoices, type Choice } from './choiceList.js';
import { ModalPanel, WIDE_FRAME } from './ModalPanel.js';
import { Pager } from './Pager.js';
import { drawPartRows } from './partRows.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

const F = WIDE_FRAME;
const LEFT = { x: F.x + 24, width: 360 };
const PANE = { x: F.x + 408, width: F.width - 432 };
const BOTTOM = F.y + F.height - 24;
/** A field answered "to follow once verified". */
const BLANK = null;

/**
 * The written reports this post files (the regulator's): one row per field, each field's claims
 * in the order given with what the room can tell of each, or "to follow once verified"; File
 * report sends it. A filed report shows what it said.
 */
export class ReportDesk extends ModalPanel {
  /** Per report, per field: the claim chosen, or null for a follow-up. A field not in the map is not answered yet. */
  private readonly answers = new Map<string, Map<string, string | null>>();
  private readonly pager = new Pager();
  private tab: string | null = null;
  private field: string | null = null;
  private edits = 0;
  private reports: readonly ReportView[] = [];
  private canAct = false;

  constructor(
    scene: Phaser.Scene,
    private readonly onFile: (report: string, fields: Record<string, string | null>) => void,
  ) {
    super(scene, WIDE_FRAME, 'report.close');
  }

  open(reports: readonly ReportView[], canAct: boolean): void {
    this.show();
    this.render(reports, canAct);
  }

  render(reports: readonly ReportView[], canAct: boolean): void {
    if (!this.isOpen) return;
    if (!reports.some((r) => r.id === this.tab)) this.tab = (reports.find((r) => r.filedAt === null) ?? reports[0])?.id ?? null;
    if (!this.drawn.changed([reports, canAct, getLocale(), this.tab, this.edits, this.pager.start])) return;
    this.reports = reports;
    this.canAct = canAct;
    const scene = this.scene;
    const locale = getLocale();
    const report = reports.find((r) => r.id === this.tab);
    let y = this.drawFrame(report ? report.title[locale] : t('ops.reportNone'));
    if (!report) return;
    if (reports.length > 1) {
      let x = F.x + 24;
      for (const r of reports) {
        this.put(new Button(scene, x, y, r.title[locale], `report.tab.${r.id}`, () => ((this.tab = r.id), this.edits++, this.redraw()), { width: 300, height: 36, tone: 'secondary', size: 14 }).setSelected(r === report));
        x += 308;
      }
      y += 48;
    }
    if (report.filedAt !== null) this.drawFiled(report, y);
    else this.drawOpen(report, y);
  }

  private redraw(): void {
    this.render(this.reports, this.canAct);
  }

  private answersOf(report: string): Map<string, string | null> {
    let map = this.answers.get(report);
    if (!map) this.answers.set(report, (map = new Map()));
    return map;
  }

  private drawFiled(report: ReportView, top: number): void {
    const scene = this.scene;
    const locale = getLocale();
    this.put(addText(scene, F.x + 24, top, t('reportForm.filedAt', { time: clockLabel(report.filedAt ?? 0) }), { size: 15, bold: true, color: CSS.green }));
    let y = top + 34;
    for (const field of report.fields) {
      const filed = field.options.find((o) => o.id === field.filed);
      const choices: Choice[] = [{ testId: `report.filed.${field.id}`, label: filed ? filed.text[locale] : t('reportForm.blank'), ...(filed && { badge: filed.status }) }];
      this.put(addText(scene, F.x + 24, y + 3, field.label[locale], { size: 14, bold: true, color: CSS.inkSoft, width: 200 }));
      y = drawChoices(this, choices, 0, { x: F.x + 240, y, width: F.width - 264, bottom: BOTTOM }, 14).y + 8;
    }
  }

  private drawOpen(report: ReportView, top: number): void {
    const scene = this.scene;
    const locale = getLocale();
    const answers = this.answersOf(report.id);
    if (!report.fields.some((f) => f.id === this.field)) this.field = report.fields[0]?.id ?? null;
    const rows = report.fields.map((f) => {
      const answer = answers.get(f.id);
      const state = answer === undefined ? t('reportForm.unanswered') : answer === BLANK ? t('reportForm.blank') : t('compose.part.chosen');
      return { id: f.id, testId: `report.field.${f.id}`, label: f.label[locale], state };
    });
    const below = drawPartRows(this, rows, this.field ?? '', { x: LEFT.x, y: top, width: LEFT.width }, (id) => {
      this.field = id;
      this.pager.reset();
      this.edits++;
      this.redraw();
    });
    this.put(addText(scene, LEFT.x, below + 6, t('reportForm.blankHint'), { size: 13, color: CSS.inkSoft, width: LEFT.width }));
    this.put(new Button(scene, LEFT.x, BOTTOM - 48, t('reportForm.file'), `report.file.${report.id}`, () => this.file(report), { width: LEFT.width, height: 48, size: 17 }).setEnabled(this.canAct));
    const field = report.fields.find((f) => f.id === this.field);
    if (!field) return;
    this.put(addText(scene, PANE.x, top, field.label[locale], { size: 17, bold: true }));
    const hint = this.put(addText(scene, PANE.x, top + 28, t('reportForm.pick'), { size: 13, color: CSS.inkSoft, width: PANE.width }));
    const answer = answers.get(field.id);
    const set = (value: string | null) => {
      answers.set(field.id, value);
      this.edits++;
      this.redraw();
    };
    const choices: Choice[] = field.options.map((o) => ({ testId: `report.option.${field.id}.${o.id}`, label: o.text[locale], badge: o.status, selected: answer === o.id, enabled: this.canAct, onPick: () => set(o.id) }));
    choices.push({ testId: `report.option.${field.id}.blank`, label: t('reportForm.blank'), selected: answer === BLANK, enabled: this.canAct, onPick: () => set(BLANK) });
    this.pager.clamp(choices.length);
    const bottom = BOTTOM - 40;
    const { end } = drawChoices(this, choices, this.pager.start, { x: PANE.x, y: hint.y + hint.height + 12, width: PANE.width, bottom }, 14);
    this.pager.drawButtons(this, PANE.x + PANE.width - 200, bottom + 10, end, choices.length, 'report.page', () => this.redraw());
  }

  private file(report: ReportView): void {
    const answers = this.answersOf(report.id);
    this.onFile(report.id, Object.fromEntries(report.fields.map((f) => [f.id, answers.get(f.id) ?? BLANK])));
  }
}
