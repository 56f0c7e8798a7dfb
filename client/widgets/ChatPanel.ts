import Phaser from 'phaser';
import { CHAT_MAX_CHARS, charCount } from '../../shared/protocol/chat.js';
import type { DrillSource } from '../drill/DrillSource.js';
import { testLog } from '../game/testHooks.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t, tOr } from '../i18n/t.js';
import type { Refusal } from '../net/DrillConnection.js';
import { addInput, inputOf } from '../scenes/menu/domInput.js';
import { EVERY_CHANNEL, markSeen, rowsOf, tabsOf, type ChatRow } from '../view/chatModel.js';
import { Button } from './Button.js';
import type { Frame } from './ModalPanel.js';
import { RedrawGate } from './RedrawGate.js';
import { addText } from './text.js';
import { COLORS, CSS, DEPTH } from './theme.js';

export interface ChatPanelOptions {
  /** Where the open panel sits, in world coordinates. */
  frame: Frame;
  /** Where the toggle button sits (in the top bar), and its width. */
  toggle: { x: number; y: number; width: number };
  /** How many tabs make a row. */
  tabsPerRow: number;
  /**
   * Whether one of the room's own panels (the memo, a statement desk...) is over the room now. The
   * text field is HTML over the canvas, above every Phaser object whatever its depth, so it hides
   * while such a panel is open, and the chat panel, drawn below those panels, does not show through.
   */
  covered?: () => boolean;
}

/** Under the room's work panels (DEPTH.modal), over the room, its notifications and score labels. */
const PANEL_DEPTH = DEPTH.toast + 10;
const PAD = 10;
const INPUT_HEIGHT = 40;
/** The field takes more than a line may hold, so that the server, not the field, says it is too long. */
const FIELD_MAX = 1000;

/** The last line of each channel seen, per drill: a scene restarted (a trainer's room, a new phase) keeps what was read. */
const seenByDrill = new WeakMap<DrillSource, Map<string, number>>();

/**
 * Team chat in a drill, for a player in a room and for the trainer in the console: a toggle
 * button with the count of unread lines, and a panel with a tab per channel (the team, the pairs),
 * the lines with who wrote them and the drill-clock time, and a text field (Enter sends, Escape
 * closes). What the server refuses (too long, too fast...) is said under the field, in the
 * page's language, and the text comes back into the field to be shortened or sent again.
 * Facts still travel only by memo: the panel says so.
 *
 * Loaded on demand (scenes/chatLoader.ts), so the menu does not wait for it.
 */
export class ChatPanel {
  private readonly drawer: Phaser.GameObjects.Container;
  private readonly body: Phaser.GameObjects.Container;
  private readonly field: Phaser.GameObjects.DOMElement;
  private toggleButton: Button | null = null;
  private toggleKey = '';
  private readonly drawn = new RedrawGate();
  private readonly seen: Map<string, number>;
  private tab: string;
  private opened = false;
  private hidden = false;
  /** How many of the newest rows are scrolled out of sight below (the mouse wheel). */
  private scrollBack = 0;
  private refusal = '';
  /** Sent lines not yet answered: ref → text, to give the text back when it is refused. */
  private readonly pending = new Map<number, string>();
  private counter!: Phaser.GameObjects.Text;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly drill: DrillSource,
    private readonly options: ChatPanelOptions,
  ) {
    const { frame } = options;
    const view = drill.view;
    this.tab = view?.me.isTrainer ? EVERY_CHANNEL : 'team';
    let seen = seenByDrill.get(drill);
    if (!seen) {
      // What was said before this page opened its first panel comes as history: it is not news.
      seen = new Map();
      markSeen(seen, drill.chatLines, EVERY_CHANNEL);
      seenByDrill.set(drill, seen);
    }
    this.seen = seen;

    this.drawer = scene.add.container(frame.x, frame.y).setDepth(PANEL_DEPTH).setVisible(false);
    this.body = scene.add.container(0, 0);
    this.drawer.add(this.body);

    this.field = addInput(scene, frame.x + PAD, frame.y + frame.height - PAD - INPUT_HEIGHT, frame.width - PAD * 2, 'chatText', '', FIELD_MAX);
    this.field.node.setAttribute('style', `${this.field.node.getAttribute('style') ?? ''};height:${INPUT_HEIGHT}px;font-size:16px`);
    this.field.setVisible(false);
    const input = inputOf(this.field);
    // Keys typed here are the field's: the room's own keys (1–5 answer a caller) must not hear them.
    for (const type of ['keydown', 'keyup'] as const) input.addEventListener(type, (e) => e.stopPropagation());
    input.addEventListener('keydown', (e) => this.onFieldKey(e));
    input.addEventListener('input', () => this.onTyping());

    const keyboard = scene.input.keyboard;
    // Escape closes the chat, unless a work panel is over it: that key is not the chat's then.
    const onEscape = () => this.opened && !this.hidden && this.close();
    keyboard?.on('keydown-ESC', onEscape);
    const onWheel = (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => this.onWheel(pointer, dy);
    scene.input.on('wheel', onWheel);
    const onUpdate = () => this.followCover();
    scene.events.on(Phaser.Scenes.Events.UPDATE, onUpdate);
    const offs = [
      drill.on('chat', () => this.render()),
      drill.on('view', () => this.render()),
      drill.on('rejected', (r) => this.onRefused(r)),
      onLocaleChange(() => this.render(true)),
    ];
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offs.forEach((off) => off());
      keyboard?.off('keydown-ESC', onEscape);
      scene.input.off('wheel', onWheel);
      scene.events.off(Phaser.Scenes.Events.UPDATE, onUpdate);
    });
    this.render(true);
  }

  get isOpen(): boolean {
    return this.opened;
  }

  open(): void {
    this.opened = true;
    this.drawer.setVisible(true);
    this.render(true);
    if (!this.hidden) setTimeout(() => this.field.visible && inputOf(this.field).focus(), 0);
  }

  close(): void {
    this.opened = false;
    this.drawer.setVisible(false);
    inputOf(this.field).blur();
    this.render(true);
  }

  // ---- drawing ----

  private render(force = false): void {
    if (!this.scene.sys.isActive()) return;
    const view = this.drill.view;
    if (!view) return;
    const locale = getLocale();
    const me = view.me;
    const lines = this.drill.chatLines;
    const tabs = tabsOf(lines, this.seen, me, view.seats, locale);
    if (!tabs.some((tab) => tab.id === this.tab)) this.tab = tabs[0]!.id;
    // Reading a tab is seeing its lines; the counts are taken again after.
    if (this.opened && markSeen(this.seen, lines, this.tab)) return this.render(force);
    const unread = tabs.filter((tab) => tab.id !== EVERY_CHANNEL).reduce((n, tab) => n + tab.unread, 0);
    this.drawToggle(unread, locale);
    const rows = rowsOf(lines, this.tab, me, view.seats, locale);
    const changed = this.drawn.changed([lines, view.seats, this.tab, this.scrollBack, this.refusal, locale, tabs.map((tab) => tab.unread).join()]);
    if (this.opened && (force || changed)) this.draw(tabs, rows);
    this.followCover();
    testLog.chat({ open: this.opened, channel: this.tab, lines: rows.map((r) => `${[r.time, r.channel, r.who].filter(Boolean).join(' · ')}: ${r.text}`), refusal: this.refusal, unread });
  }

  /** The toggle, redrawn when its tone changes (unread or not); otherwise only relabelled. */
  private drawToggle(unread: number, locale: string): void {
    const label = unread > 0 ? t('chat.toggleUnread', { count: unread }) : t('chat.toggle');
    const key = [unread > 0, this.opened, locale].join('|');
    if (this.toggleButton && key === this.toggleKey) {
      this.toggleButton.setLabel(label);
      return;
    }
    this.toggleKey = key;
    this.toggleButton?.destroy();
    const { x, y, width } = this.options.toggle;
    this.toggleButton = new Button(this.scene, x, y, label, 'chat.toggle', () => (this.opened ? this.close() : this.open()), {
      width,
      height: 40,
      size: 15,
      tone: unread > 0 ? 'primary' : 'ghost',
    })
      .setSelected(this.opened)
      .setDepth(DEPTH.ui + 1);
  }

  private draw(tabs: ReturnType<typeof tabsOf>, rows: ChatRow[]): void {
    const s = this.scene;
    const { width, height } = this.options.frame;
    const c = this.body;
    c.removeAll(true);
    // The sheet swallows clicks, so none reaches the room underneath.
    c.add(s.add.rectangle(0, 0, width, height, COLORS.ink).setOrigin(0).setRounded(12).setStrokeStyle(2, COLORS.teal).setInteractive());
    c.add(addText(s, PAD + 4, 10, t('chat.title'), { size: 16, bold: true, color: CSS.paper, width: width - 120, maxLines: 1 }));
    c.add(new Button(s, width - PAD - 84, 6, t('chat.close'), 'chat.close', () => this.close(), { width: 84, height: 30, size: 13, tone: 'secondary' }));

    // The tabs, a few to a row; an unread count sits on a tab's corner.
    const perRow = this.options.tabsPerRow;
    const gap = 6;
    const tabWidth = Math.floor((width - PAD * 2 - gap * (perRow - 1)) / perRow);
    let y = 44;
    tabs.forEach((tab, i) => {
      const tx = PAD + (i % perRow) * (tabWidth + gap);
      const ty = y + Math.floor(i / perRow) * 36;
      const id = tab.id === EVERY_CHANNEL ? 'all' : tab.id;
      c.add(new Button(s, tx, ty, tab.label, `chat.tab.${id}`, () => this.pickTab(tab.id), { width: tabWidth, height: 30, size: 13, tone: 'ghost' }).setSelected(tab.id === this.tab));
      if (tab.unread > 0 && tab.id !== this.tab) {
        c.add(s.add.circle(tx + tabWidth - 4, ty + 2, 10, COLORS.red));
        c.add(addText(s, tx + tabWidth - 4, ty + 2, String(Math.min(99, tab.unread)), { size: 11, bold: true, color: CSS.white }).setOrigin(0.5));
      }
    });
    y += Math.ceil(tabs.length / perRow) * 36;
    // A player is reminded that chat does not carry facts (the trainer knows).
    if (!this.drill.view?.me.isTrainer) {
      const reminder = addText(s, PAD + 4, y, t('chat.memoOnly'), { size: 12, color: CSS.muted, width: width - PAD * 2 - 8, maxLines: 2 });
      c.add(reminder);
      y += reminder.height + 4;
    }

    // The rows, newest at the bottom, as many as fit above the field.
    const bottom = height - PAD - INPUT_HEIGHT - 26;
    const top = y + 4;
    c.add(s.add.rectangle(PAD, top, width - PAD * 2, bottom - top, COLORS.night, 0.6).setOrigin(0).setRounded(8));
    if (rows.length === 0) c.add(addText(s, PAD + 10, top + 10, t('chat.none'), { size: 14, color: CSS.muted, width: width - PAD * 2 - 20 }));
    this.scrollBack = Math.min(this.scrollBack, Math.max(0, rows.length - 1));
    let at = bottom - 6;
    for (let i = rows.length - 1 - this.scrollBack; i >= 0; i--) {
      const drawnRow = this.drawRow(rows[i]!, width - PAD * 2 - 12);
      if (at - drawnRow.height < top + 4) {
        drawnRow.destroy();
        break;
      }
      at -= drawnRow.height;
      drawnRow.setPosition(PAD + 6, at);
      c.add(drawnRow);
      at -= 6;
    }

    // Under the rows: a refusal, or how long the line is.
    if (this.refusal) c.add(addText(s, PAD + 4, bottom + 4, this.refusal, { size: 13, bold: true, color: '#ffb4a8', width: width - PAD * 2 - 70, maxLines: 1 }).setName('chatRefusal'));
    this.counter = addText(s, width - PAD - 4, bottom + 4, '', { size: 13, color: CSS.muted }).setOrigin(1, 0);
    c.add(this.counter);
    this.drawField();
  }

  /** One line: "10:35 · who" (and the channel, on the trainer's every-channel tab) over the text. */
  private drawRow(row: ChatRow, width: number): Phaser.GameObjects.Container {
    const s = this.scene;
    const box = s.add.container(0, 0);
    const head = [row.time, row.channel, row.who].filter(Boolean).join(' · ');
    const headColor = row.tone === 'trainer' ? CSS.gold : row.tone === 'mine' ? '#8fe0d6' : CSS.muted;
    const header = addText(s, 8, 4, head, { size: 12, bold: true, color: headColor, width: width - 16, maxLines: 1 });
    const text = addText(s, 8, 6 + header.height, row.text, { size: 14, color: CSS.paper, width: width - 16 });
    const height = 10 + header.height + text.height;
    const fill = row.tone === 'mine' ? 0x134e55 : row.tone === 'trainer' ? 0x4a3d16 : COLORS.ink2;
    box.add([s.add.rectangle(0, 0, width, height, fill).setOrigin(0).setRounded(6), header, text]);
    box.setSize(width, height);
    return box;
  }

  /** The field: the channel it writes to, or (on the trainer's every-channel tab) that one must be picked. */
  private drawField(): void {
    const view = this.drill.view;
    const input = inputOf(this.field);
    const writable = this.tab !== EVERY_CHANNEL;
    const name = view ? (tabsOf([], this.seen, view.me, view.seats, getLocale()).find((tab) => tab.id === this.tab)?.label ?? '') : '';
    input.placeholder = writable ? t('chat.placeholder', { channel: name }) : t('chat.pickChannel');
    input.disabled = !writable;
    this.onTyping(false);
  }

  /** The field shows while the panel is open and no work panel is over the room. */
  private followCover(): void {
    const covered = this.options.covered?.() ?? false;
    const show = this.opened && !covered;
    if (this.field.visible !== show) {
      this.field.setVisible(show);
      if (!show) inputOf(this.field).blur();
    }
    if (this.drawer.visible !== (this.opened && !covered)) this.drawer.setVisible(this.opened && !covered);
    this.hidden = covered;
  }

  // ---- what the player does ----

  private pickTab(tab: string): void {
    this.tab = tab;
    this.scrollBack = 0;
    this.refusal = '';
    this.render(true);
    if (tab !== EVERY_CHANNEL) inputOf(this.field).focus();
  }

  private onFieldKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') return this.close();
    // Enter that ends a Chinese input method's composition picks the characters; it does not send.
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    this.send();
  }

  private send(): void {
    const input = inputOf(this.field);
    const text = input.value;
    if (this.tab === EVERY_CHANNEL || text.trim() === '') return;
    const ref = this.drill.sendChat(this.tab, text);
    this.pending.set(ref, text);
    // An accepted line is not answered by ref: only the last few sent can still be refused.
    for (const old of this.pending.keys()) if (this.pending.size > 8) this.pending.delete(old);
    input.value = '';
    this.scrollBack = 0;
    this.refusal = '';
    this.render(true);
  }

  private onTyping(clearRefusal = true): void {
    const input = inputOf(this.field);
    const n = charCount(input.value.trim());
    const over = n > CHAT_MAX_CHARS;
    input.classList.toggle('invalid', over);
    this.counter?.setText(n > 0 ? `${n}/${CHAT_MAX_CHARS}` : '').setColor(over ? '#ffb4a8' : CSS.muted);
    if (clearRefusal && this.refusal && n > 0 && !over) {
      this.refusal = '';
      this.render();
    }
  }

  /** A refused line: the reason under the field, and the text back in it (unless something new was typed). */
  private onRefused(r: Refusal): void {
    if (r.type !== 'chat') return;
    const text = r.ref !== null ? this.pending.get(r.ref) : undefined;
    if (r.ref !== null) this.pending.delete(r.ref);
    const input = inputOf(this.field);
    if (text !== undefined && input.value === '') input.value = text;
    this.refusal = t('chat.refused', { reason: tOr(`rejection.${r.code}`, r.reason) });
    if (!this.opened) this.open();
    else this.render(true);
  }

  private onWheel(pointer: Phaser.Input.Pointer, dy: number): void {
    if (!this.opened) return;
    const { x, y, width, height } = this.options.frame;
    const p = this.scene.cameras.main.getWorldPoint(pointer.x, pointer.y);
    if (p.x < x || p.x > x + width || p.y < y || p.y > y + height) return;
    const before = this.scrollBack;
    this.scrollBack = Math.max(0, this.scrollBack + (dy < 0 ? 1 : -1));
    if (this.scrollBack !== before) this.render();
  }
}
