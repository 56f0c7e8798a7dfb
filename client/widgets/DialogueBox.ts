import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import type { NpcView } from '../view/viewModel.js';
import { addArt } from './art.js';
import { Button } from './Button.js';
import { addText } from './text.js';
import { nestQuotes } from '../../shared/i18n/text.js';
import { COLORS, CSS, MOOD_COLORS } from './theme.js';
import { RedrawGate } from './RedrawGate.js';

export const DIALOGUE = { x: 0, y: 400, width: 960, height: 320 } as const;
const TEXT_X = 150;
const TEXT_W = DIALOGUE.width - TEXT_X - 20;

/**
 * The conversation with the selected person: who they are, their mood and patience, what they
 * say, and the 3–5 answers on offer. Answers the engine will not accept yet are greyed with the
 * reason. It calls back with the chosen answer and knows nothing of the network.
 */
export class DialogueBox extends Phaser.GameObjects.Container {
  private readonly content: Phaser.GameObjects.Container;
  private readonly patienceFill: Phaser.GameObjects.Rectangle;
  private readonly patienceText: Phaser.GameObjects.Text;
  private readonly drawn = new RedrawGate();
  private answered: string | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly onAnswer: (npc: string, response: string) => void,
  ) {
    super(scene, DIALOGUE.x, DIALOGUE.y);
    this.add(scene.add.rectangle(0, 0, DIALOGUE.width, DIALOGUE.height, COLORS.paper).setOrigin(0));
    this.add(scene.add.rectangle(0, 0, DIALOGUE.width, 4, COLORS.teal).setOrigin(0));
    this.content = scene.add.container(0, 0);
    this.patienceFill = scene.add.rectangle(TEXT_X + 372, 22, 180, 8, COLORS.green).setOrigin(0, 0.5).setRounded(4);
    this.patienceText = addText(scene, TEXT_X + 560, 22, '', { size: 13, color: CSS.inkSoft }).setOrigin(0, 0.5);
    this.add([this.content, this.patienceFill, this.patienceText]);
    scene.add.existing(this);
  }

  /** Draws the person, or a hint when nobody is selected. Cheap when nothing but the clock moved. */
  render(npc: NpcView | null, canAct: boolean, hint: string): void {
    const locale = getLocale();
    // The answers keep their identity while they do not change (see view/shareEqual.ts).
    const inputs = npc ? [npc.id, npc.interaction, npc.band, npc.responses, canAct, locale, this.answered === npc.interaction] : [null, hint, locale];
    if (npc && this.answered !== null && this.answered !== npc.interaction) this.answered = null;
    if (this.drawn.changed(inputs)) {
      this.content.removeAll(true);
      if (npc) this.drawPerson(npc, canAct);
      else this.content.add(addText(this.scene, DIALOGUE.width / 2, DIALOGUE.height / 2, hint, { size: 20, color: CSS.inkSoft, align: 'center', width: 700 }).setOrigin(0.5));
    }
    this.patienceFill.setVisible(npc !== null);
    this.patienceText.setVisible(npc !== null);
    if (npc) {
      this.patienceFill.scaleX = Math.max(0.01, npc.patience);
      this.patienceFill.setFillStyle(npc.patience < 0.25 ? COLORS.red : npc.patience < 0.5 ? COLORS.gold : COLORS.green);
      this.patienceText.setText(t('dialogue.waited', { time: npc.waitLabel }));
    }
  }

  private drawPerson(npc: NpcView, canAct: boolean): void {
    const scene = this.scene;
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    add(scene.add.rectangle(16, 16, 118, 180, MOOD_COLORS[npc.band] ?? COLORS.grey, 0.2).setOrigin(0).setRounded(12));
    add(addArt(scene, 75, 110, tex.npc(npc.kind), 96));
    // The portrait is the figure at 0.8 scale: its head (60, 40 of 120×200) lands at (75, 62).
    add(addArt(scene, 75, 62, tex.face(npc.band), 38));
    add(addText(scene, TEXT_X, 10, npc.name[locale], { size: 19, bold: true, width: 300, maxLines: 1 }));
    add(scene.add.circle(TEXT_X + 300, 22, 7, MOOD_COLORS[npc.band] ?? COLORS.grey));
    add(addText(scene, TEXT_X + 312, 22, t(`mood.${npc.band}`), { size: 13, color: CSS.inkSoft }).setOrigin(0, 0.5));
    add(scene.add.rectangle(TEXT_X + 372, 22, 180, 8, 0xd8dee8).setOrigin(0, 0.5).setRounded(4));
    add(addText(scene, TEXT_X + 372, 34, t('dialogue.patience'), { size: 11, color: CSS.inkSoft }));

    // Fit the prompt and the answers in the box: try the normal size, then smaller.
    for (const size of [16, 15, 14, 13]) {
      const laid = this.layAnswers(npc, canAct, size);
      if (laid.bottom <= DIALOGUE.height - 8 || size === 13) {
        laid.objects.forEach(add);
        break;
      }
      laid.objects.forEach((o) => o.destroy());
    }
  }

  private layAnswers(npc: NpcView, canAct: boolean, size: number): { objects: Phaser.GameObjects.GameObject[]; bottom: number } {
    const scene = this.scene;
    const locale = getLocale();
    const objects: Phaser.GameObjects.GameObject[] = [];
    const prompt = addText(scene, TEXT_X, 50, `“${nestQuotes(npc.prompt[locale])}”`, { size: size + 1, width: TEXT_W, lineSpacing: 4 });
    objects.push(prompt);
    let y = 50 + prompt.height + 10;
    const done = this.answered === npc.interaction;
    npc.responses.forEach((r, i) => {
      const enabled = canAct && r.available && !done;
      const button = new Button(scene, TEXT_X, y, `${i + 1}. ${r.text[locale]}`, `response.${r.id}`, () => this.answer(npc, r.id), {
        width: TEXT_W,
        height: 30,
        tone: 'choice',
        size: size - 1,
        wrap: true,
        align: 'left',
      }).setEnabled(enabled);
      objects.push(button);
      y += button.buttonHeight + 4;
      if (!r.available) {
        // Why it is locked (what is missing), never how good it would be.
        const why = addText(scene, TEXT_X + 14, y - 2, r.locked?.[locale] ?? t('dialogue.unavailable'), { size: 12, color: CSS.red, width: TEXT_W - 14 });
        objects.push(why);
        y += why.height + 2;
      }
    });
    if (!canAct) {
      const note = addText(scene, TEXT_X, y + 2, t('dialogue.trainer'), { size: 13, color: CSS.inkSoft });
      objects.push(note);
      y += note.height + 4;
    } else if (done) {
      const note = addText(scene, TEXT_X, y + 2, t('dialogue.sent'), { size: 13, color: CSS.teal });
      objects.push(note);
      y += note.height + 4;
    }
    return { objects, bottom: y };
  }

  private answer(npc: NpcView, response: string): void {
    this.answered = npc.interaction;
    this.drawn.reset();
    this.onAnswer(npc.id, response);
  }

  /** The server refused the answer: offer the choices again. */
  reopen(): void {
    this.answered = null;
    this.drawn.reset();
  }
}
