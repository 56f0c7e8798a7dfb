import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import type { DrillSource } from '../drill/DrillSource.js';
import { loadNet, setCurrentDrill } from '../drill/session.js';
import { toPresenterModel, type PresenterBullet, type PresenterModel } from '../view/presenterModel.js';
import { shareEqual } from '../view/shareEqual.js';
import { addArt } from '../widgets/art.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';
import { RedrawGate } from '../widgets/RedrawGate.js';

const KEY = 'crisisDrill.presenter';
const ICONS: Record<PresenterBullet['icon'], string> = {
  clock: tex.icon('pending'),
  bell: tex.icon('bell'),
  deadline: tex.icon('late'),
  score: tex.icon('coordination'),
  check: tex.icon('check'),
  cross: tex.icon('cross'),
};
const TONES: Record<PresenterBullet['tone'], string> = { plain: CSS.paper, good: '#8fe0a8', bad: '#ffb4a8' };

/**
 * `?presenter=CODE`: the drill's current phase in a few large lines for a projector, and no
 * controls. A separate page (a second window the trainer drags onto the projector) rather than a
 * scene of the trainer's own page, so the trainer keeps the console on the laptop screen.
 *
 * Where its data comes from: the page joins the drill as a spectator ({ spectate: true,
 * trainerKey }, JoinOptionsSchema). The server sends a spectator the whole state and every event,
 * as to the trainer, and refuses it every command. The trainer key arrives in the address's
 * #fragment from the console's "Presenter view" button; it is kept in this window's
 * sessionStorage (so a reload stays on the projector) and removed from the address bar.
 * Events from before the page opened are not re-sent, so "latest" means since then.
 */
export class Presenter extends Phaser.Scene {
  private drill: DrillSource | null = null;
  private content!: Phaser.GameObjects.Container;
  private readonly drawn = new RedrawGate();
  private model: PresenterModel | null = null;

  constructor() {
    super(SCENES.Presenter);
  }

  create(): void {
    fitCamera(this);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night).setOrigin(0);
    this.add.rectangle(0, 0, 1280, 8, COLORS.gold).setOrigin(0);
    this.content = this.add.container(0, 0);
    this.drawn.reset();
    this.model = null;
    this.message(t('presenter.waiting'));
    const offLocale = onLocaleChange(() => this.render(true));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, offLocale);
    void this.connect();
  }

  private async connect(): Promise<void> {
    const access = presenterAccess();
    if (!access) return this.message(t('presenter.noKey'));
    try {
      const net = await loadNet();
      const drill = await net.LiveDrill.join(access.code, { trainerKey: access.key, spectate: true });
      this.drill = drill;
      setCurrentDrill(drill);
      const offs = [drill.on('view', () => this.render()), drill.on('events', () => this.render()), drill.on('ended', () => this.render())];
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => offs.forEach((off) => off()));
      this.render();
    } catch (err) {
      this.message(`${t('error.badJoin', { reason: err instanceof Error ? err.message : String(err) })}`);
    }
  }

  private message(text: string): void {
    this.content.removeAll(true);
    this.content.add(addText(this, 640, 360, text, { size: 32, bold: true, color: CSS.paper, width: 1100, align: 'center' }).setOrigin(0.5));
  }

  private render(force = false): void {
    const view = this.drill?.view;
    if (!this.drill || !view) return;
    const locale = getLocale();
    // Rebuilt from the view each time, but it keeps its identity while nothing in it changed.
    const model = (this.model = shareEqual(this.model, toPresenterModel(view, this.drill.history, locale)));
    if (!this.drawn.changed([model, locale]) && !force) return;
    this.content.removeAll(true);
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    add(addArt(this, 76, 78, tex.logo, 84));
    add(addText(this, 140, 44, model.title, { size: 40, bold: true, color: CSS.paper, width: 820, maxLines: 1 }));
    add(addText(this, 142, 98, t('app.title'), { size: 20, color: CSS.muted }));
    add(addText(this, 1236, 80, model.clockLabel, { size: 84, bold: true, color: CSS.gold }).setOrigin(1, 0.5));
    add(this.add.rectangle(48, 150, 1184, 3, COLORS.gold, 0.7).setOrigin(0));
    // Three to five lines: large enough to read from the back of a training room.
    const gap = Math.min(112, Math.floor(520 / model.bullets.length));
    model.bullets.forEach((b, i) => {
      const y = 184 + i * gap;
      add(this.add.rectangle(48, y, 1184, gap - 14, COLORS.ink, 0.9).setOrigin(0).setRounded(14));
      add(addArt(this, 100, y + (gap - 14) / 2, ICONS[b.icon], 52));
      add(addText(this, 150, y + (gap - 14) / 2, b.text, { size: 36, bold: true, color: TONES[b.tone], width: 1060, maxLines: 2 }).setOrigin(0, 0.5).setName(`bullet${i}`));
    });
    add(languageToggle(this, 1176, 676));
  }
}

/** The drill code from `?presenter=`, and the key from the #fragment or this window's earlier visit. */
function presenterAccess(): { code: string; key: string } | null {
  const code = new URLSearchParams(location.search).get('presenter');
  if (!code) return null;
  const fromHash = decodeURIComponent(location.hash.replace(/^#/, ''));
  try {
    if (fromHash) {
      sessionStorage.setItem(KEY, JSON.stringify({ code, key: fromHash }));
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { code?: string; key?: string } | null;
    return saved?.code === code && saved.key ? { code, key: saved.key } : null;
  } catch {
    return fromHash ? { code, key: fromHash } : null;
  }
}
