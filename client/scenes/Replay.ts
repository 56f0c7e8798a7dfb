import Phaser from 'phaser';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { ApiError } from '../net/api.js';
import { currentDrill } from '../drill/session.js';
import type { LoadedReplay } from '../drill/replayLoader.js';
import { setReplayStatus } from '../view/replayStatus.js';
import { differenceLabel, replayFrame, type ReplayFrame } from '../view/replayView.js';
import { Button } from '../widgets/Button.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { ReplayRoomPanel } from '../widgets/ReplayRoomPanel.js';
import { ScoreBoard } from '../widgets/ScoreBoard.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { registerClickable } from '../game/testHooks.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';
import { backToMenu } from './sceneRouter.js';

export interface ReplayData {
  /** The stored drill's id and its report token (from the `ended` message). */
  drill: string;
  token: string;
}

/** Steps per second when playing. */
const SPEEDS = [1, 4, 16] as const;
/** The replay last loaded, kept so a change of language redraws the screen without fetching and re-running it. */
let kept: { drill: string; replay: LoadedReplay } | null = null;
let speed: number = SPEEDS[1];
const STEP_LINES = 7;
const TRACK = { x: 724, y: 640, width: 540 };
const GRID = { x: 16, y: 110, width: 920, height: 494, gap: 14 };

/**
 * A finished drill replayed from its input log with the shared engine, in this browser: all the
 * rooms as they were at each step, stepped by hand or played at speed, under a banner that says
 * whether the replay reproduced the stored result.
 */
export class Replay extends Phaser.Scene {
  private target!: ReplayData;
  private replay: LoadedReplay | null = null;
  /** Counts the scene's starts: a fetch that finishes after the scene has moved on is dropped. */
  private generation = 0;
  private timer: Phaser.Time.TimerEvent | null = null;
  private panels: ReplayRoomPanel[] = [];
  private board!: ScoreBoard;
  private ui!: {
    clock: Phaser.GameObjects.Text;
    step: Phaser.GameObjects.Text;
    duties: Phaser.GameObjects.Text;
    banner: Phaser.GameObjects.Text;
    bannerBox: Phaser.GameObjects.Rectangle;
    stepTitle: Phaser.GameObjects.Text;
    stepLines: Phaser.GameObjects.Text[];
    fill: Phaser.GameObjects.Rectangle;
    knob: Phaser.GameObjects.Arc;
    play: Button;
    back: Button;
    forward: Button;
    speeds: Button[];
  };

  constructor() {
    super(SCENES.Replay);
  }

  init(data: ReplayData): void {
    this.target = data;
    this.replay = null;
    this.timer = null;
    this.panels = [];
  }

  create(): void {
    fitCamera(this);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night).setOrigin(0);
    const loading = addText(this, 640, 340, t('replay.loading'), { size: 20, color: CSS.paper }).setOrigin(0.5);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      setReplayStatus(null);
      this.timer?.remove();
    });
    if (kept?.drill === this.target.drill) {
      loading.destroy();
      this.replay = kept.replay;
      return this.build();
    }
    const generation = ++this.generation;
    const current = () => generation === this.generation && this.sys.isActive();
    import('../drill/replayLoader.js')
      .then(({ loadReplay }) => loadReplay(this.target.drill, this.target.token))
      .then((replay) => {
        if (!current()) return;
        loading.destroy();
        this.replay = replay;
        kept = { drill: this.target.drill, replay };
        this.build();
      })
      .catch((err: unknown) => {
        if (!current()) return;
        const reason = err instanceof ApiError && err.status === 404 ? t('replay.notFound') : err instanceof Error ? err.message : String(err);
        loading.destroy();
        addText(this, 640, 340, t('replay.failed', { reason }), { size: 20, color: CSS.red, width: 900, align: 'center' }).setOrigin(0.5);
        new Button(this, 520, 400, t('replay.toResults'), 'replay.toResults', () => this.leave(), { width: 240 });
      });
  }

  private build(): void {
    const { cursor, response, verification } = this.replay!;
    const locale = getLocale();
    const scenario = response.scenario;
    addText(this, 20, 12, `${t('replay.title')} · ${scenario.title[locale]}`, { size: 20, bold: true, color: CSS.paper, width: 500, maxLines: 1 });
    const clock = addText(this, 640, 4, '', { size: 34, bold: true, color: CSS.gold }).setOrigin(0.5, 0);
    const step = addText(this, 712, 18, '', { size: 15, color: CSS.muted });
    new Button(this, 990, 8, t('replay.toResults'), 'replay.toResults', () => this.leave(), { width: 160, height: 38, tone: 'ghost', size: 14 });
    this.add.existing(languageToggle(this, 1164, 9));

    const bannerBox = this.add.rectangle(16, 58, 1248, 44, verification.matches ? COLORS.green : COLORS.red).setOrigin(0).setRounded(10);
    const banner = addText(this, 30, 80, '', { size: 15, bold: true, color: CSS.white, width: 1220, maxLines: 2 }).setOrigin(0, 0.5);

    const now = replayFrame(cursor.index, cursor.state, cursor.steps, cursor.position, locale);
    const rooms = now.rooms;
    const columns = rooms.length <= 4 ? 2 : 3;
    const rows = Math.ceil(rooms.length / columns);
    const w = (GRID.width - GRID.gap * (columns - 1)) / columns;
    const h = (GRID.height - GRID.gap * (rows - 1)) / rows;
    this.panels = rooms.map((room, i) => new ReplayRoomPanel(this, GRID.x + (i % columns) * (w + GRID.gap), GRID.y + Math.floor(i / columns) * (h + GRID.gap), w, h, room));

    this.board = new ScoreBoard(this, 956, 110, now.scores, 308);
    const boxTop = 110 + this.board.boardHeight + 10;
    this.add.rectangle(956, boxTop, 308, 604 - boxTop, COLORS.ink, 0.94).setOrigin(0).setRounded(12);
    addText(this, 970, boxTop + 8, t('replay.thisStep'), { size: 13, bold: true, color: CSS.muted });
    const stepTitle = addText(this, 970, boxTop + 28, '', { size: 14, bold: true, color: CSS.gold, width: 282, maxLines: 1 });
    const stepLines = Array.from({ length: STEP_LINES }, (_, i) => addText(this, 970, boxTop + 52 + i * 22, '', { size: 13, color: CSS.paper, width: 282, maxLines: 1 }));

    const back = new Button(this, 16, 622, t('replay.stepBack'), 'replay.back', () => this.stepBy(-1), { width: 120, tone: 'secondary', size: 16 });
    const play = new Button(this, 144, 622, t('replay.play'), 'replay.play', () => this.togglePlay(), { width: 120, size: 16 });
    const forward = new Button(this, 272, 622, t('replay.stepForward'), 'replay.forward', () => this.stepBy(1), { width: 120, tone: 'secondary', size: 16 });
    const speeds = SPEEDS.map((n, i) => new Button(this, 404 + i * 104, 622, t('replay.speed', { n }), `replay.speed.${n}`, () => this.setSpeed(n), { width: 98, tone: 'ghost', size: 14 }));

    const track = this.add.rectangle(TRACK.x, TRACK.y, TRACK.width, 12, 0x3b4a6b).setOrigin(0, 0.5).setRounded(6);
    const fill = this.add.rectangle(TRACK.x, TRACK.y, TRACK.width, 12, COLORS.teal).setOrigin(0, 0.5).setRounded(6);
    const knob = this.add.circle(TRACK.x, TRACK.y, 10, COLORS.gold).setStrokeStyle(2, COLORS.white);
    // A taller invisible strip over the track, so the scrubber is easy to hit and drag.
    const hit = this.add.rectangle(TRACK.x, TRACK.y, TRACK.width, 32, 0xffffff, 0.001).setOrigin(0, 0.5).setInteractive({ useHandCursor: true });
    const scrub = (pointer: Phaser.Input.Pointer) => this.seekTo(Math.round(((pointer.worldX - TRACK.x) / TRACK.width) * cursor.last));
    hit.on('pointerdown', scrub).on('pointermove', (pointer: Phaser.Input.Pointer) => pointer.isDown && scrub(pointer));
    const offClick = registerClickable({ testId: () => 'replay.scrubber', object: hit, label: () => '', enabled: () => this.sys.isActive() });
    void track;
    const duties = addText(this, TRACK.x, 664, '', { size: 13, color: CSS.muted });

    this.ui = { clock, step, duties, banner, bannerBox, stepTitle, stepLines, fill, knob, play, back, forward, speeds };
    this.input.keyboard?.on('keydown-LEFT', () => this.stepBy(-1));
    this.input.keyboard?.on('keydown-RIGHT', () => this.stepBy(1));
    this.input.keyboard?.on('keydown-SPACE', () => this.togglePlay());
    // Every label of the screen is drawn in one language: redraw it, at the same step.
    const offLocale = onLocaleChange(() => this.scene.restart(this.target));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offClick();
      offLocale();
    });
    setReplayStatus(() => this.status());
    this.showVerdict();
    this.render();
  }

  private stepBy(delta: number): void {
    this.pause();
    this.seekTo(this.replay!.cursor.position + delta);
  }

  private seekTo(step: number): void {
    this.replay!.cursor.seek(step);
    this.render();
  }

  private togglePlay(): void {
    if (this.timer) return this.pause();
    const cursor = this.replay!.cursor;
    if (cursor.position >= cursor.last) cursor.seek(0);
    this.timer = this.time.addEvent({ delay: 1000 / speed, loop: true, callback: () => this.tick() });
    this.render();
  }

  private tick(): void {
    if (!this.replay!.cursor.forward()) this.pause();
    this.render();
  }

  private pause(): void {
    this.timer?.remove();
    this.timer = null;
    this.render();
  }

  private setSpeed(steps: number): void {
    speed = steps;
    if (this.timer) {
      this.timer.remove();
      this.timer = this.time.addEvent({ delay: 1000 / speed, loop: true, callback: () => this.tick() });
    }
    this.render();
  }

  private showVerdict(): void {
    const { cursor, verification } = this.replay!;
    const locale = getLocale();
    const differences = verification.differences.map((d) => differenceLabel(cursor.index, d, locale)).join(locale === 'en' ? '; ' : '；');
    this.ui.banner.setText(verification.matches ? t('replay.matches') : t('replay.mismatch', { differences }));
  }

  private frame(): ReplayFrame {
    const { cursor } = this.replay!;
    return replayFrame(cursor.index, cursor.state, cursor.steps, cursor.position, getLocale());
  }

  private render(): void {
    if (!this.replay || !this.ui) return;
    const frame = this.frame();
    this.ui.clock.setText(frame.clockLabel);
    this.ui.step.setText(t('replay.step', { step: frame.step, last: frame.last }));
    this.ui.duties.setText(t('results.duties', frame.duties));
    frame.rooms.forEach((room, i) => this.panels[i]?.show(room));
    // At 16 steps a second the meters would never finish sliding: set them outright.
    this.board.setScores(frame.scores, frame.total, !this.timer || speed < 16);
    this.ui.stepTitle.setText(frame.title);
    const lines = frame.refused ? [frame.refused, ...frame.lines] : frame.lines.length ? frame.lines : [t('replay.nothing')];
    this.ui.stepLines.forEach((text, i) => {
      text.setText(i === STEP_LINES - 1 && lines.length > STEP_LINES ? '…' : (lines[i] ?? ''));
      text.setColor(frame.refused && i === 0 ? CSS.red : CSS.paper);
    });
    const share = frame.last === 0 ? 1 : frame.step / frame.last;
    this.ui.fill.scaleX = Math.max(0.001, share);
    this.ui.knob.x = TRACK.x + share * TRACK.width;
    this.ui.play.setLabel(this.timer ? t('replay.pause') : t('replay.play'));
    this.ui.back.setEnabled(frame.step > 0);
    this.ui.forward.setEnabled(frame.step < frame.last);
    SPEEDS.forEach((n, i) => this.ui.speeds[i]!.setSelected(n === speed));
  }

  private status() {
    const { cursor, verification, response } = this.replay!;
    const frame = this.frame();
    return {
      step: cursor.position,
      last: cursor.last,
      clock: cursor.state.clock,
      playing: this.timer !== null,
      speed,
      matches: verification.matches,
      differences: verification.differences,
      banner: this.ui.banner.text,
      scores: { ...cursor.state.scores },
      total: frame.total,
      storedScores: { ...response.record.scores },
      storedTotal: response.record.total,
    };
  }

  /** Back to the drill's results if the page is still in it, else to the menu. */
  private leave(): void {
    if (currentDrill()?.view) this.scene.start(SCENES.Results);
    else backToMenu(this.game);
  }
}
