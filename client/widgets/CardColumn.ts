import type Phaser from 'phaser';
import type { NpcView } from '../view/viewModel.js';
import { addText } from './text.js';
import { CSS } from './theme.js';
import { WaitingCard } from './WaitingCard.js';

/** A column of waiting cards that keeps each person's card across updates and tidies the gaps. */
export class CardColumn {
  private readonly cards = new Map<string, WaitingCard>();
  private readonly more: Phaser.GameObjects.Text;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly width: number,
    private readonly maxCards: number,
    private readonly onSelect: (id: string) => void,
  ) {
    this.more = addText(scene, x + width - 8, y - 28, '', { size: 14, bold: true, color: CSS.gold }).setOrigin(1, 0);
  }

  render(npcs: NpcView[], selected: string | null): void {
    const shown = npcs.slice(0, this.maxCards);
    const ids = new Set(shown.map((n) => n.id));
    for (const [id, card] of this.cards) {
      if (!ids.has(id)) {
        card.leave();
        this.cards.delete(id);
      }
    }
    shown.forEach((npc, i) => {
      const y = this.y + i * 62;
      let card = this.cards.get(npc.id);
      if (!card) {
        card = new WaitingCard(this.scene, this.x, y, this.width, npc, this.onSelect);
        this.cards.set(npc.id, card);
      } else if (card.y !== y) {
        this.scene.tweens.add({ targets: card, y, duration: 300 });
      }
      card.show(npc, npc.id === selected);
    });
    this.more.setText(npcs.length > this.maxCards ? `+${npcs.length - this.maxCards}` : '');
  }

  anchorOf(npc: string): { x: number; y: number } | null {
    const card = this.cards.get(npc);
    return card ? { x: card.x + this.width / 2, y: card.y } : null;
  }
}
