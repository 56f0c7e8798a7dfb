import Phaser from 'phaser';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import type { FactView } from '../view/viewModel.js';
import { Button } from './Button.js';
import { addText } from './text.js';
import { COLORS, CSS, DEPTH } from './theme.js';
import { RedrawGate } from './RedrawGate.js';

const X = 180;
const Y = 90;
const W = 920;
const H = 580;

/**
 * The memo: the facts this room knows, and for each the rooms that do not know it yet. The player
 * picks recipients and sends; facts travel only this way (DESIGN section 2).
 */
export class MemoPanel extends Phaser.GameObjects.Container {
  private readonly chosen = new Map<string, Set<string>>();
  private facts: FactView[] = [];
  private readonly drawn = new RedrawGate();
  /** Counts changes to `chosen`, which is edited in place. */
  private picks = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly onSend: (fact: string, to: string[]) => void,
  ) {
    super(scene, 0, 0);
    this.setDepth(DEPTH.modal).setVisible(false);
    scene.add.existing(this);
  }

  get isOpen(): boolean {
    return this.visible;
  }

  open(facts: FactView[]): void {
    this.setVisible(true);
    this.render(facts, true);
  }

  close(): void {
    this.setVisible(false);
    this.removeAll(true);
    this.drawn.reset();
  }

  render(facts: FactView[], force = false): void {
    if (!this.visible) return;
    if (!this.drawn.changed([facts, this.picks, getLocale()]) && !force) return;
    this.facts = facts;
    this.removeAll(true);
    const scene = this.scene;
    const locale = getLocale();
    // A full-screen shade that swallows clicks meant for what is underneath.
    this.add(scene.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.6).setOrigin(0).setInteractive());
    this.add(scene.add.rectangle(X, Y, W, H, COLORS.paper).setOrigin(0).setRounded(16).setStrokeStyle(3, COLORS.teal));
    this.add(addText(scene, X + 24, Y + 18, t('memo.title'), { size: 20, bold: true, width: W - 200 }));
    this.add(new Button(scene, X + W - 140, Y + 14, t('memo.close'), 'memo.close', () => this.close(), { width: 116, height: 40, tone: 'secondary', size: 16 }));
    let y = Y + 70;
    if (facts.length === 0) this.add(addText(scene, X + 24, y, t('memo.none'), { size: 17, color: CSS.inkSoft }));
    for (const fact of facts) {
      if (y > Y + H - 80) break;
      const text = addText(scene, X + 24, y, fact.text[locale], { size: 15, width: W - 48, maxLines: 3 });
      this.add(text);
      y += text.height + 8;
      if (fact.unknownTo.length === 0) {
        this.add(addText(scene, X + 24, y, t('memo.allKnow'), { size: 14, color: CSS.green }));
        y += 34;
        continue;
      }
      const picked = this.chosen.get(fact.id) ?? new Set<string>();
      let x = X + 24;
      for (const room of fact.unknownTo) {
        const toggle = () => {
          const set = this.chosen.get(fact.id) ?? new Set<string>();
          if (set.has(room.id)) set.delete(room.id);
          else set.add(room.id);
          this.chosen.set(fact.id, set);
          this.picks++;
          this.render(this.facts);
        };
        this.add(new Button(scene, x, y, `${picked.has(room.id) ? '☑' : '☐'} ${room.name[locale]}`, `memo.to.${fact.id}.${room.id}`, toggle, { width: 190, height: 38, tone: 'secondary', size: 14 }).setSelected(picked.has(room.id)));
        x += 198;
      }
      const send = () => {
        const to = [...(this.chosen.get(fact.id) ?? [])];
        if (to.length === 0) return;
        this.chosen.delete(fact.id);
        this.picks++;
        this.onSend(fact.id, to);
      };
      this.add(new Button(scene, X + W - 160, y, t('memo.send'), `memo.send.${fact.id}`, send, { width: 136, height: 38, size: 15 }).setEnabled(picked.size > 0));
      y += 52;
    }
  }
}
