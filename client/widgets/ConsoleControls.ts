import Phaser from 'phaser';
import { t } from '../i18n/t.js';
import { addInput, inputOf } from '../scenes/menu/domInput.js';
import { EXTEND_MINUTES, type ConsoleModel } from '../view/consoleModel.js';
import { Button } from './Button.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';
import { RedrawGate } from './RedrawGate.js';

export const CONTROLS = { width: 1256, height: 226 } as const;
const COLUMN = { clock: 0, inject: 306, extend: 620, hint: 934 } as const;
/** The hint column: the text field and the send button under three rows of posts. */
const HINT = { field: 136, send: 180 } as const;
const INJECTS_AT_ONCE = 4;
const INJECTS_PER_PAGE = 3;

/** What the controls ask for; the scene sends it through the drill connection. */
export interface ControlActions {
  clock(action: 'start' | 'pause' | 'resume' | 'speed', speed?: number): void;
  inject(id: string, title: string): void;
  extend(expected: string, minutes: number, title: string): void;
  hint(post: string, text: string, label: string): void;
  end(): void;
}

/**
 * The trainer's controls along the bottom of the console: the clock (start, pause, resume, speed)
 * and the end of the drill; the optional injects; more time for an open deadline; a hint to one
 * post. A control that does not apply now is shown disabled rather than hidden, so the layout
 * does not jump about while the trainer reaches for it.
 */
export class ConsoleControls extends Phaser.GameObjects.Container {
  /** Each column redraws only when what it shows changes, so a click is not lost to a redraw elsewhere. */
  private readonly drawn = new Map<string, RedrawGate>();
  private readonly columns = new Map<string, Phaser.GameObjects.Container>();
  private target!: Phaser.GameObjects.Container;
  private deadline: string | null = null;
  private hintPost: string | null = null;
  /** Which page of the optional injects is shown, when there are more than fit at once. */
  private injectPage = 0;
  private armed = false;
  private readonly hintField: Phaser.GameObjects.DOMElement;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly actions: ControlActions,
  ) {
    super(scene, x, y);
    this.add(scene.add.rectangle(0, 0, CONTROLS.width, CONTROLS.height, COLORS.ink, 0.96).setOrigin(0).setRounded(12));
    for (const cx of [COLUMN.inject, COLUMN.extend, COLUMN.hint]) this.add(scene.add.rectangle(cx - 8, 12, 1, CONTROLS.height - 24, 0x4a5f8f).setOrigin(0));
    for (const name of ['clock', 'inject', 'extend', 'hint']) {
      const column = scene.add.container(0, 0);
      this.columns.set(name, column);
      this.add(column);
    }
    // A real text field for the hint (typing, Chinese input methods, paste): see domInput.ts.
    this.hintField = addInput(scene, x + COLUMN.hint + 4, y + HINT.field, 300, 'hintText', '', 280);
    this.hintField.node.setAttribute('style', `${this.hintField.node.getAttribute('style') ?? ''};height:36px;font-size:16px`);
    inputOf(this.hintField).addEventListener('keydown', (e) => e.key === 'Enter' && this.sendHint(this.lastModel));
    scene.add.existing(this);
  }

  private lastModel: ConsoleModel | null = null;
  private lastLocale = '';

  render(model: ConsoleModel, locale: string): void {
    this.lastModel = model;
    this.lastLocale = locale;
    if (this.deadline && !model.deadlines.some((d) => d.id === this.deadline)) this.deadline = null;
    this.deadline ??= model.deadlines[0]?.id ?? null;
    if (this.hintPost && !model.hintTargets.some((h) => h.post === this.hintPost)) this.hintPost = null;
    this.hintPost ??= model.hintTargets[0]?.post ?? null;
    inputOf(this.hintField).placeholder = t('console.hintPlaceholder');
    const common = [model.live, model.phase, locale];
    this.column('clock', [...common, model.clock, this.armed], () => this.drawClock(model));
    this.column('inject', [...common, model.injects, this.injectPage], () => this.drawInjects(model));
    this.column('extend', [...common, model.deadlines, this.deadline], () => this.drawExtend(model));
    this.column('hint', [...common, model.hintTargets, this.hintPost], () => this.drawHint(model));
  }

  /** Redraws one column when what it reads changed (the model keeps unchanged parts' identity). */
  private column(name: string, inputs: unknown[], draw: () => void): void {
    let gate = this.drawn.get(name);
    if (!gate) this.drawn.set(name, (gate = new RedrawGate()));
    if (!gate.changed(inputs)) return;
    this.target = this.columns.get(name)!;
    this.target.removeAll(true);
    draw();
  }

  private heading(x: number, text: string): void {
    this.target.add(addText(this.scene, x + 4, 10, text, { size: 16, bold: true, color: CSS.gold }));
  }

  private button(x: number, y: number, label: string, id: string, onClick: () => void, width: number, options: { tone?: 'primary' | 'secondary' | 'danger' | 'ghost'; enabled?: boolean; selected?: boolean; height?: number; size?: number } = {}): Button {
    const b = new Button(this.scene, x, y, label, id, onClick, { width, height: options.height ?? 34, tone: options.tone ?? 'ghost', size: options.size ?? 14 });
    b.setEnabled(options.enabled ?? true).setSelected(options.selected ?? false);
    this.target.add(b);
    return b;
  }

  private drawClock(model: ConsoleModel): void {
    const x = COLUMN.clock + 8;
    this.heading(x, t('console.clock'));
    const { canStart, canPause, canResume } = model.clock;
    if (canStart) this.button(x, 40, t('console.start'), 'console.start', () => this.actions.clock('start'), 284, { tone: 'primary', height: 40, size: 17 });
    else if (canResume) this.button(x, 40, t('console.resume'), 'console.resume', () => this.actions.clock('resume'), 284, { tone: 'primary', height: 40, size: 17 });
    else this.button(x, 40, t('console.pause'), 'console.pause', () => this.actions.clock('pause'), 284, { tone: 'secondary', height: 40, size: 17, enabled: canPause });
    this.target.add(addText(this.scene, x + 4, 90, t('console.speed'), { size: 14, color: CSS.muted }));
    model.clock.speeds.forEach((s, i) => {
      this.button(x + (i % 3) * 96, 112 + Math.floor(i / 3) * 40, `×${s.speed}`, `console.speed.${s.speed}`, () => this.actions.clock('speed', s.speed), 88, { selected: s.current, enabled: model.phase !== 'ended' && model.phase !== 'failed' });
    });
    const end = this.button(x, 190, this.armed ? t('console.endConfirm') : t('console.end'), 'console.end', () => this.onEnd(), 284, { tone: 'danger', height: 30, enabled: model.live });
    end.setDepth(1);
  }

  /** Ending a drill for the whole class cannot be undone: it takes a second click within four seconds. */
  private onEnd(): void {
    if (this.armed) {
      this.armed = false;
      this.actions.end();
    } else {
      this.armed = true;
      this.scene.time.delayedCall(4000, () => {
        this.armed = false;
        if (this.lastModel && this.active) this.forceRender(this.lastModel);
      });
    }
    if (this.lastModel) this.forceRender(this.lastModel);
  }

  private forceRender(model: ConsoleModel): void {
    this.drawn.clear();
    this.render(model, this.lastLocale);
  }

  private drawInjects(model: ConsoleModel): void {
    const x = COLUMN.inject;
    this.heading(x, t('console.inject'));
    if (model.injects.length === 0) this.target.add(addText(this.scene, x + 4, 44, t('console.noInjects'), { size: 14, color: CSS.muted, width: 290 }));
    // Four fit; more (a morning's alternatives not drawn are optional too) go on pages of three.
    const paged = model.injects.length > INJECTS_AT_ONCE;
    const pages = paged ? Math.ceil(model.injects.length / INJECTS_PER_PAGE) : 1;
    this.injectPage = Math.min(this.injectPage, pages - 1);
    const shown = paged ? model.injects.slice(this.injectPage * INJECTS_PER_PAGE, (this.injectPage + 1) * INJECTS_PER_PAGE) : model.injects;
    shown.forEach((inject, i) => {
      const label = `${inject.title} · ${inject.roomName}${inject.fired > 0 ? ` (${t('console.fired', { count: inject.fired })})` : ''}`;
      this.button(x, 40 + i * 44, label, `console.inject.${inject.id}`, () => this.actions.inject(inject.id, inject.title), 298, { enabled: model.live, height: 38, size: 13 });
    });
    if (!paged) return;
    const turn = (by: number) => {
      this.injectPage = (this.injectPage + by + pages) % pages;
      if (this.lastModel) this.forceRender(this.lastModel);
    };
    this.button(x, 176, t('console.injectsPrevious'), 'console.injects.previous', () => turn(-1), 96, { height: 36, size: 14 });
    this.target.add(addText(this.scene, x + 149, 194, t('console.injectsPage', { page: this.injectPage + 1, pages }), { size: 14, color: CSS.muted }).setOrigin(0.5));
    this.button(x + 202, 176, t('console.injectsNext'), 'console.injects.next', () => turn(1), 96, { height: 36, size: 14 });
  }

  private drawExtend(model: ConsoleModel): void {
    const x = COLUMN.extend;
    this.heading(x, t('console.extend'));
    if (model.deadlines.length === 0) this.target.add(addText(this.scene, x + 4, 44, t('console.noDeadlines'), { size: 14, color: CSS.muted, width: 290 }));
    model.deadlines.slice(0, 3).forEach((d, i) => {
      // The time first: a long duty title is what gets cut to fit.
      this.button(x, 40 + i * 40, `${t('console.due', { time: d.due })} · ${d.title}`, `console.deadline.${d.id}`, () => this.pickDeadline(d.id), 298, {
        selected: d.id === this.deadline,
        tone: d.urgent ? 'danger' : 'ghost',
        size: 13,
      });
    });
    const chosen = model.deadlines.find((d) => d.id === this.deadline);
    EXTEND_MINUTES.forEach((minutes, i) => {
      this.button(x + i * 75, 166, t('console.minutes', { minutes }), `console.extend.${minutes}`, () => chosen && this.actions.extend(chosen.id, minutes, chosen.title), 70, {
        tone: 'primary',
        enabled: model.live && chosen !== undefined,
        height: 40,
        size: 14,
      });
    });
  }

  private drawHint(model: ConsoleModel): void {
    const x = COLUMN.hint;
    this.heading(x, t('console.hint'));
    if (model.hintTargets.length === 0) this.target.add(addText(this.scene, x + 4, 44, t('console.noTrainees'), { size: 14, color: CSS.muted, width: 300 }));
    // Three rows of two: every post of the largest scenario (five) can get a hint.
    model.hintTargets.slice(0, 6).forEach((target, i) => {
      this.button(x + (i % 2) * 156, 36 + Math.floor(i / 2) * 32, target.label, `console.hintTo.${target.post}`, () => this.pickHintPost(target.post), 150, { selected: target.post === this.hintPost, size: 12, height: 28 });
    });
    this.button(x + 200, HINT.send, t('console.hintSend'), 'console.hintSend', () => this.sendHint(model), 108, { tone: 'primary', enabled: model.live && this.hintPost !== null, height: 36, size: 15 });
  }

  private pickDeadline(id: string): void {
    this.deadline = id;
    if (this.lastModel) this.forceRender(this.lastModel);
  }

  private pickHintPost(post: string): void {
    this.hintPost = post;
    if (this.lastModel) this.forceRender(this.lastModel);
  }

  private sendHint(model: ConsoleModel | null): void {
    const input = inputOf(this.hintField);
    const text = input.value.trim();
    const target = model?.hintTargets.find((h) => h.post === this.hintPost);
    if (!target || !text) {
      input.classList.toggle('invalid', !text);
      return;
    }
    input.classList.remove('invalid');
    this.actions.hint(target.post, text, target.label);
    input.value = '';
  }
}
