import Phaser from 'phaser';
import type { EscalationView } from '../../shared/protocol/workPanel.js';
import type { WorkIntent } from '../net/DrillConnection.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import type { DeskArea } from './BoardDesk.js';
import { Button } from './Button.js';
import { WorkDesk } from './WorkDesk.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

const ROW = 52;

/** Tickets the hotline escalated to this post: what and why, since when, and Acknowledge for the waiting ones. */
export class InboxList extends WorkDesk {
  constructor(
    scene: Phaser.Scene,
    private readonly area: DeskArea,
    send: (intent: WorkIntent) => void,
  ) {
    super(scene, send);
  }

  render(inbox: EscalationView[], canAct: boolean): void {
    this.drawWhenChanged(() => this.render(inbox, canAct), [inbox, canAct], () => this.draw(inbox, canAct));
  }

  private draw(inbox: EscalationView[], canAct: boolean): void {
    const s = this.scene;
    const locale = getLocale();
    const { x, y, width, height } = this.area;
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => this.put(o);
    add(addText(s, x + 4, y + 4, t('ops.inbox'), { size: 13, bold: true, color: CSS.paper }));
    if (inbox.length === 0) add(addText(s, x + 4, y + 30, t('ops.inboxEmpty'), { size: 13, color: CSS.muted }));
    // Waiting ones first, then the rest, latest first.
    const order = [...inbox.filter((e) => e.status === 'waiting'), ...inbox.filter((e) => e.status !== 'waiting').reverse()];
    const rows = Math.floor((height - 28) / ROW);
    order.slice(0, rows).forEach((e, i) => {
      const ry = y + 26 + i * ROW;
      add(s.add.rectangle(x, ry, width, ROW - 6, e.status === 'stale' ? 0x5a2a2a : e.status === 'waiting' ? 0x1d3550 : 0x16223a).setOrigin(0).setRounded(6));
      add(addText(s, x + 8, ry + 4, e.label[locale], { size: 13, bold: true, color: CSS.paper, width: width - 150, maxLines: 1 }));
      add(addText(s, x + 8, ry + 24, `${e.reason[locale]} · ${t('ops.since', { time: clockLabel(e.since) })}`, { size: 12, color: CSS.muted, width: width - 150, maxLines: 1 }));
      if (e.status === 'waiting') {
        add(new Button(s, x + width - 124, ry + 8, t('ops.acknowledge'), `inbox.ack.${e.id}`, () => this.send({ type: 'acknowledge', escalation: e.id }), { width: 116, height: 30, size: 13, tone: 'primary' })).setEnabled(canAct);
      } else {
        add(addText(s, x + width - 10, ry + 14, t(`ops.escalation.${e.status}`), { size: 12, bold: true, color: e.status === 'stale' ? '#ff9b8f' : '#7ee2a0' }).setOrigin(1, 0));
      }
    });
    if (order.length > rows) add(addText(s, x + width, y + 4, `+${order.length - rows}`, { size: 12, color: CSS.gold }).setOrigin(1, 0));
  }
}
