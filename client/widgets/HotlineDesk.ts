import Phaser from 'phaser';
import type { PhonePanel, TicketView } from '../../shared/protocol/workPanel.js';
import type { WorkIntent } from '../net/DrillConnection.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel, waitLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { WorkDesk } from './WorkDesk.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

/** Where the desk draws: the room's stage, left of the side panel. */
const AREA = { x: 12, y: 62, width: 936, bottom: 396 };
const LEFT_W = 574;
const RIGHT_X = AREA.x + LEFT_W + 12;
const RIGHT_W = AREA.x + AREA.width - RIGHT_X;
const QUEUE_ROW = 46;
const QUEUE_ROWS = 5;
const TICKET_ROW = 50;
const TICKET_ROWS = 5;

/**
 * The hotline's desk for the posts that answer it: callers waiting with their reason and wait and
 * a Pick up button; the call in hand (its card answers in the dialogue below); the wrap-up form
 * (categories in the order the panel gives, call-back minutes on offer, Log ticket); and the
 * tickets with Call back for the due ones and Escalate. It shows what the panel says and no more:
 * nothing here tells which category or call-back is right.
 */
export class HotlineDesk extends WorkDesk {
  /** Wait labels of the queue rows, updated every view without redrawing the buttons. */
  private waits: { text: Phaser.GameObjects.Text; since: number }[] = [];
  private category: string | null = null;
  private callback: number | null = null;
  /** The call the wrap-up choices belong to; a new call clears them. */
  private wrapping: string | null = null;

  render(phone: PhonePanel, clock: number, canAct: boolean): void {
    const line = phone.line;
    const wrapKey = line?.phase === 'wrapUp' ? `${line.npc}@${line.since}` : null;
    if (wrapKey !== this.wrapping) {
      this.wrapping = wrapKey;
      this.category = null;
      this.callback = null;
    }
    this.drawWhenChanged(() => this.render(phone, clock, canAct), [phone, canAct, this.category, this.callback], () => this.draw(phone, canAct));
    for (const w of this.waits) w.text.setText(waitLabel(clock - w.since));
  }

  private draw(phone: PhonePanel, canAct: boolean): void {
    this.waits = [];
    const s = this.scene;
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => this.put(o);
    add(s.add.rectangle(AREA.x, AREA.y, LEFT_W, AREA.bottom - AREA.y, COLORS.night, 0.88).setOrigin(0).setRounded(10));
    add(s.add.rectangle(RIGHT_X, AREA.y, RIGHT_W, AREA.bottom - AREA.y, COLORS.night, 0.88).setOrigin(0).setRounded(10));

    // Left: the call in hand, then the wrap-up form or the queue.
    const x = AREA.x + 12;
    const w = LEFT_W - 24;
    let y = AREA.y + 10;
    const line = phone.line;
    if (line?.phase === 'wrapUp') {
      // Title, call-back and Log ticket at the top; the categories below (notices rise from the bottom).
      const ready = canAct && this.category !== null && this.callback !== null;
      add(addText(s, x, y, t('phone.wrapUp', { name: line.name[locale] }), { size: 16, bold: true, color: CSS.gold, width: w - 150, maxLines: 1 }));
      add(addText(s, x, y + 22, line.reason[locale], { size: 13, color: CSS.muted, width: w - 150, maxLines: 1 }));
      add(new Button(s, x + w - 136, y + 2, t('phone.logTicket'), 'phone.log', () => this.logTicket(), { width: 136, height: 36, size: 15, tone: 'primary' })).setEnabled(ready);
      y += 46;
      add(addText(s, x, y + 7, t('phone.callback'), { size: 13, bold: true, color: CSS.paper }));
      phone.callbacks.forEach((m, i) => {
        const label = m === 0 ? t('phone.noCallback') : t('phone.minutes', { n: m });
        const b = add(new Button(s, x + 86 + i * 84, y, label, `phone.callback.${m}`, () => this.choose('callback', m), { width: 78, height: 30, size: 13, tone: 'choice' }));
        b.setSelected(this.callback === m).setEnabled(canAct);
      });
      y += 38;
      add(addText(s, x, y, t('phone.category'), { size: 13, bold: true, color: CSS.paper }));
      y += 18;
      const colW = (w - 8) / 2;
      phone.categories.forEach((c, i) => {
        const label = c.faq ? `${c.label[locale]} · ${t('phone.faq')}` : c.label[locale];
        const b = add(new Button(s, x + (i % 2) * (colW + 8), y + Math.floor(i / 2) * 34, label, `phone.category.${c.id}`, () => this.choose('category', c.id), { width: colW, height: 30, size: 13, tone: 'choice' }));
        b.setSelected(this.category === c.id).setEnabled(canAct);
      });
    } else {
      if (line) {
        add(s.add.rectangle(x - 4, y - 4, w + 8, 44, COLORS.teal, 0.9).setOrigin(0).setRounded(8));
        add(addText(s, x + 4, y, t('phone.talking', { name: line.name[locale] }), { size: 15, bold: true, color: CSS.white, width: w - 150, maxLines: 1 }));
        add(addText(s, x + 4, y + 20, line.reason[locale], { size: 12, color: CSS.paper, width: w - 150, maxLines: 1 }));
        add(addText(s, x + w - 4, y + 11, t('phone.talkingHint'), { size: 12, bold: true, color: CSS.gold }).setOrigin(1, 0));
        y += 48;
      }
      const heading = t('phone.queue', { n: phone.queue.length });
      add(addText(s, x, y, phone.answeredByFaq > 0 ? `${heading} · ${t('phone.answeredByFaq', { n: phone.answeredByFaq })}` : heading, { size: 15, bold: true, color: CSS.paper, width: w - 40, maxLines: 1 }));
      y += 24;
      if (phone.queue.length === 0) add(addText(s, x, y + 8, t('phone.queueEmpty'), { size: 14, color: CSS.muted }));
      const rows = line ? QUEUE_ROWS - 1 : QUEUE_ROWS;
      phone.queue.slice(0, rows).forEach((call, i) => {
        const ry = y + i * QUEUE_ROW;
        add(s.add.rectangle(x - 4, ry, w + 8, QUEUE_ROW - 6, 0x2a3a5c).setOrigin(0).setRounded(8));
        add(addText(s, x + 6, ry + 3, call.name[locale], { size: 14, bold: true, color: CSS.paper, width: w - 200, maxLines: 1 }));
        add(addText(s, x + 6, ry + 21, call.reason[locale], { size: 12, color: CSS.muted, width: w - 140, maxLines: 1 }));
        const wait = add(addText(s, x + w - 126, ry + 5, '', { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0));
        this.waits.push({ text: wait, since: call.since });
        const b = add(new Button(s, x + w - 112, ry + 4, t('phone.pickUp'), `phone.pickUp.${call.npc}`, () => this.send({ type: 'pickUp', npc: call.npc }), { width: 112, height: 32, size: 14, tone: 'primary' }));
        b.setEnabled(canAct && !line);
      });
      if (phone.queue.length > rows) add(addText(s, x + w, y - 24, `+${phone.queue.length - rows}`, { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0));
    }

    // Right: the tickets, the ones due first, then the latest.
    const rx = RIGHT_X + 10;
    const rw = RIGHT_W - 20;
    add(addText(s, rx, AREA.y + 10, t('phone.tickets', { n: phone.tickets.length }), { size: 15, bold: true, color: CSS.paper }));
    if (phone.tickets.length === 0) add(addText(s, rx, AREA.y + 40, t('phone.noTickets'), { size: 14, color: CSS.muted }));
    const order = [...phone.tickets.filter((tk) => tk.status === 'due'), ...phone.tickets.filter((tk) => tk.status !== 'due').reverse()];
    order.slice(0, TICKET_ROWS).forEach((ticket, i) => this.drawTicket(ticket, rx, AREA.y + 48 + i * TICKET_ROW, rw, canAct));
    if (order.length > TICKET_ROWS) add(addText(s, rx + rw, AREA.y + 10, `+${order.length - TICKET_ROWS}`, { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0));
  }

  private drawTicket(ticket: TicketView, x: number, y: number, w: number, canAct: boolean): void {
    const s = this.scene;
    const locale = getLocale();
    const due = ticket.status === 'due';
    const bad = ticket.status === 'broken' || ticket.status === 'late';
    this.put(s.add.rectangle(x - 4, y, w + 8, TICKET_ROW - 6, due ? 0x5a2a2a : 0x2a3a5c).setOrigin(0).setRounded(8));
    this.put(addText(s, x + 4, y + 3, ticket.label[locale], { size: 13, bold: true, color: CSS.paper, width: w - 8, maxLines: 1 }));
    const when = (ticket.status === 'promised' || due) && ticket.due !== undefined ? ` · ${t('phone.dueAt', { time: clockLabel(ticket.due) })}` : '';
    const status = `${t(`phone.status.${ticket.status}`)}${when}${ticket.escalation ? ` · ${t('phone.escalated')}` : ''}`;
    this.put(addText(s, x + 4, y + 23, status, { size: 12, color: due || bad ? '#ff9b8f' : CSS.muted, width: w - 170, maxLines: 1 }));
    let bx = x + w - 4;
    if (!ticket.escalation) {
      bx -= 76;
      const b = new Button(s, bx, y + 19, t('phone.escalate'), `phone.escalate.${ticket.id}`, () => this.send({ type: 'escalate', ticket: ticket.id }), { width: 76, height: 24, size: 12, tone: 'ghost' });
      this.put(b.setEnabled(canAct));
    }
    if (due) {
      bx -= 84;
      const b = new Button(s, bx, y + 19, t('phone.callBack'), `phone.callBack.${ticket.id}`, () => this.send({ type: 'callBack', ticket: ticket.id }), { width: 80, height: 24, size: 12, tone: 'danger' });
      this.put(b.setEnabled(canAct));
    }
  }

  private choose(what: 'category' | 'callback', value: string | number): void {
    if (what === 'category') this.category = value as string;
    else this.callback = value as number;
    this.refresh();
  }

  private logTicket(): void {
    if (this.category === null || this.callback === null) return;
    this.send({ type: 'logTicket', category: this.category, callback: this.callback as 0 | 15 | 30 | 60 });
  }
}
