import Phaser from 'phaser';
import { SKILLS, type Skill } from '../../shared/bots/skill.js';
import { DEFAULT_LEVEL, LEVELS, type Level } from '../../shared/scenario/levels.js';
import { CODE_ALPHABET, CODE_LENGTH, normalizeJoinCode } from '../../shared/protocol/joinCode.js';
import type { Locale } from '../../shared/i18n/text.js';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange, setLocale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/t.js';
import { t } from '../i18n/t.js';
import { fetchScenarios } from '../net/api.js';
import { loadSeat } from '../net/savedSeat.js';
import { loadNet } from '../drill/session.js';
import { testLog } from '../game/testHooks.js';
import { markInteractive } from '../game/markInteractive.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { fitCamera } from './fitCamera.js';
import { addInput, inputOf } from './menu/domInput.js';
import { createSolo, createTeam, createTraining, joinByCode, rejoin, type Outcome } from './menu/drillActions.js';
import { SCENES } from './sceneKeys.js';
import { loadDrillScenes } from './sceneLoader.js';
import { followDrill, markShown, openScene } from './sceneRouter.js';

type Screen = 'main' | 'solo' | 'team';
const LEFT = 330;
const WIDTH = 620;
const NAME_KEY = 'crisisDrill.name';

/**
 * The first page: the player's name, the language, and the ways into a drill (join by code,
 * create a training session as trainer, a team drill, solo practice).
 */
export class Menu extends Phaser.Scene {
  private screen: Screen = 'main';
  private content!: Phaser.GameObjects.Container;
  private nameField!: Phaser.GameObjects.DOMElement;
  private codeField!: Phaser.GameObjects.DOMElement;
  private teamField!: Phaser.GameObjects.DOMElement;
  private scenarios: ScenarioSummary[] = [];
  private scenarioIndex = 0;
  private soloPost: string | null = null;
  private soloSkill: Skill = 'competent';
  /** The difficulty every drill created from this menu runs at. */
  private level: Level = DEFAULT_LEVEL;
  private busy = false;
  private nameError: StringKey | null = null;
  private codeError: StringKey | null = null;
  private status: { key: StringKey; params?: Record<string, string>; tone: 'info' | 'error' } | null = null;

  constructor() {
    super(SCENES.Menu);
  }

  init(data: { message?: StringKey }): void {
    this.screen = 'main';
    this.busy = false;
    this.nameError = null;
    this.codeError = null;
    this.status = data?.message ? { key: data.message, tone: 'error' } : null;
    if (data?.message) testLog.notice(t(data.message));
  }

  create(): void {
    markShown(SCENES.Menu);
    fitCamera(this);
    addArt(this, 640, 360, tex.menu);
    this.add.rectangle(LEFT - 30, 170, WIDTH + 60, 530, COLORS.paper, 0.97).setOrigin(0).setRounded(18);
    addArt(this, 96, 92, tex.logo, 84);
    this.nameField = addInput(this, LEFT, 226, WIDTH, 'displayName', '');
    this.codeField = addInput(this, LEFT, 342, 450, 'joinCode', '', 11);
    this.teamField = addInput(this, LEFT, 492, WIDTH - 170, 'teamName', '');
    inputOf(this.nameField).value = localStorage.getItem(NAME_KEY) ?? '';
    inputOf(this.codeField).addEventListener('keydown', (e) => e.key === 'Enter' && void this.join());
    inputOf(this.codeField).addEventListener('input', () => this.clearErrors());
    inputOf(this.nameField).addEventListener('input', () => this.clearErrors());
    this.content = this.add.container(0, 0);
    this.render();

    const off = onLocaleChange(() => this.render());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    void fetchScenarios()
      .then((list) => {
        this.scenarios = [...list].sort((a, b) => (a.id === 'huarui-upgrade-outage' ? -1 : b.id === 'huarui-upgrade-outage' ? 1 : a.id.localeCompare(b.id)));
        if (this.sys.isActive()) this.render();
      })
      .catch(() => this.setStatus('error.network', 'error'));
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      markInteractive();
      // The network code and the drill's screens load while the player reads the menu, so joining
      // does not wait for them (a failure here is retried when they are needed).
      void loadNet().catch(() => {});
      void loadDrillScenes(this.game).catch(() => {});
    });
    const seat = loadSeat();
    if (seat && !this.status) void this.run(() => rejoin(seat, () => this.setStatus('conn.restarting', 'info')), 'conn.rejoining');
  }

  // ---- drawing ----

  private render(): void {
    this.content.removeAll(true);
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    add(addText(this, 150, 52, t('app.title'), { size: 44, bold: true, color: CSS.paper }));
    add(addText(this, 152, 110, t('app.subtitle'), { size: 20, color: CSS.muted }));
    this.languageButtons(locale).forEach(add);
    add(new Button(this, 1000, 84, t('menu.leaderboard'), 'menu.leaderboard', () => openScene(this.game, SCENES.Leaderboard), { width: 250, height: 40, tone: 'ghost', size: 16 }).setEnabled(!this.busy));

    add(addText(this, LEFT, 192, t('menu.name'), { size: 18, bold: true }));
    inputOf(this.nameField).placeholder = t('menu.namePlaceholder');
    inputOf(this.nameField).classList.toggle('invalid', this.nameError !== null);
    if (this.nameError) add(addText(this, LEFT, 278, t(this.nameError, { max: 24 }), { size: 15, color: CSS.red }));

    const main = this.screen === 'main';
    this.codeField.setVisible(main);
    this.teamField.setVisible(this.screen === 'team');
    if (main) this.mainScreen(add);
    else if (this.screen === 'solo') this.soloScreen(add, locale);
    else this.teamScreen(add);

    if (this.status) {
      add(addText(this, 640, 672, t(this.status.key, this.status.params), { size: 17, color: this.status.tone === 'error' ? CSS.red : CSS.teal, width: WIDTH, align: 'center' }).setOrigin(0.5));
    }
  }

  private languageButtons(locale: Locale): Button[] {
    const choose = (l: Locale) => () => setLocale(l);
    return [
      new Button(this, 1000, 30, '简体中文', 'menu.lang.zh-CN', choose('zh-CN'), { width: 120, tone: 'ghost', size: 16 }).setSelected(locale === 'zh-CN'),
      new Button(this, 1130, 30, 'English', 'menu.lang.en', choose('en'), { width: 120, tone: 'ghost', size: 16 }).setSelected(locale === 'en'),
    ];
  }

  private mainScreen(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    add(addText(this, LEFT, 308, t('menu.joinTitle'), { size: 18, bold: true }));
    inputOf(this.codeField).placeholder = t('menu.codePlaceholder');
    inputOf(this.codeField).classList.toggle('invalid', this.codeError !== null);
    add(new Button(this, LEFT + 470, 342, t('menu.join'), 'menu.join', () => void this.join(), { width: WIDTH - 470, height: 48 }).setEnabled(!this.busy));
    if (this.codeError) add(addText(this, LEFT, 394, t(this.codeError), { size: 15, color: CSS.red }));
    add(this.add.rectangle(LEFT, 432, WIDTH, 2, COLORS.paperDim).setOrigin(0));
    add(addText(this, LEFT, 446, t('menu.orStart'), { size: 18, bold: true }));
    this.scenarioLine(add, 474);
    this.levelLine(add, 518);
    const w = (WIDTH - 20) / 3;
    add(new Button(this, LEFT, 584, t('menu.createTraining'), 'menu.training', () => void this.training(), { width: w, height: 60, tone: 'secondary', wrap: true, size: 17 }).setEnabled(!this.busy && this.scenarios.length > 0));
    add(new Button(this, LEFT + w + 10, 584, t('menu.team'), 'menu.team', () => this.go('team'), { width: w, height: 60, tone: 'secondary', size: 17 }).setEnabled(!this.busy && this.scenarios.length > 0));
    add(new Button(this, LEFT + 2 * (w + 10), 584, t('menu.solo'), 'menu.solo', () => this.go('solo'), { width: w, height: 60, size: 17 }).setEnabled(!this.busy && this.scenarios.length > 0));
  }

  /** The level buttons, and what the simulator measured at the chosen level for this scenario. */
  private levelLine(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T, y: number): void {
    add(addText(this, LEFT, y + 8, t('menu.level'), { size: 16, color: CSS.inkSoft }));
    LEVELS.forEach((level, i) => {
      add(new Button(this, LEFT + 90 + i * 124, y, t(`level.${level}`), `menu.level.${level}`, () => ((this.level = level), this.render()), { width: 116, height: 36, tone: 'secondary', size: 15 }).setSelected(this.level === level));
    });
    const measured = this.scenarios[this.scenarioIndex]?.levels?.[this.level];
    const line = measured ? t('menu.levelMeasured', { novice: measured.novice.toFixed(0), expert: measured.expert.toFixed(0) }) : t('menu.levelUnmeasured');
    add(addText(this, LEFT + 90, y + 42, line, { size: 14, color: CSS.inkSoft, width: WIDTH - 90 }));
  }

  private scenarioLine(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T, y: number): void {
    const scenario = this.scenarios[this.scenarioIndex];
    const title = scenario ? scenario.title[getLocale()] : '…';
    // Past the first screen the level is already chosen: it is named with the scenario.
    const label = this.screen === 'main' ? t('menu.scenario', { title }) : t('menu.scenarioAtLevel', { title, level: t(`level.${this.level}`) });
    add(addText(this, LEFT, y + 10, label, { size: 16, color: CSS.inkSoft, width: this.scenarios.length > 1 ? WIDTH - 170 : WIDTH, maxLines: 2 }));
    if (this.scenarios.length > 1) {
      const next = () => {
        this.scenarioIndex = (this.scenarioIndex + 1) % this.scenarios.length;
        this.soloPost = null;
        this.render();
      };
      add(new Button(this, LEFT + WIDTH - 160, y, t('menu.nextScenario'), 'menu.nextScenario', next, { width: 160, height: 40, tone: 'secondary', size: 15 }));
    }
  }

  private soloScreen(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T, locale: Locale): void {
    const scenario = this.scenarios[this.scenarioIndex];
    add(addText(this, LEFT, 304, t('solo.title'), { size: 18, bold: true }));
    const posts = scenario?.posts ?? [];
    this.soloPost ??= posts[0]?.id ?? null;
    const w = (WIDTH - 10) / 2;
    posts.slice(0, 6).forEach((p, i) => {
      const room = scenario?.rooms.find((r) => r.id === p.room);
      const icon = tex.icon(room?.type === 'phone' ? 'phone' : room?.type === 'newsroom' ? 'feed-post' : room?.type === 'ops' ? 'incident-board' : 'lobby');
      add(
        new Button(this, LEFT + (i % 2) * (w + 10), 338 + Math.floor(i / 2) * 56, p.name[locale], `solo.post.${p.id}`, () => ((this.soloPost = p.id), this.render()), { width: w, height: 48, tone: 'secondary', size: 16, icon, align: 'left' }).setSelected(this.soloPost === p.id),
      );
    });
    const y = 338 + Math.ceil(Math.min(6, posts.length) / 2) * 56 + 6;
    add(addText(this, LEFT, y + 10, t('solo.skill'), { size: 16 }));
    SKILLS.forEach((skill, i) => {
      add(new Button(this, LEFT + 300 + i * 108, y, t(`skill.${skill}`), `solo.skill.${skill}`, () => ((this.soloSkill = skill), this.render()), { width: 100, height: 40, tone: 'secondary', size: 15 }).setSelected(this.soloSkill === skill));
    });
    this.scenarioLine(add, y + 52);
    add(new Button(this, LEFT, 600, t('menu.back'), 'menu.back', () => this.go('main'), { width: 150, tone: 'secondary' }));
    add(new Button(this, LEFT + 170, 600, t('solo.start'), 'solo.start', () => void this.solo(), { width: WIDTH - 170 }).setEnabled(!this.busy && this.soloPost !== null));
  }

  private teamScreen(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    add(addText(this, LEFT, 304, t('team.title'), { size: 18, bold: true }));
    inputOf(this.teamField).placeholder = t('team.namePlaceholder');
    this.teamField.setPosition(LEFT, 340);
    add(new Button(this, LEFT + WIDTH - 160, 340, t('team.create'), 'team.create', () => void this.team(), { width: 160, height: 48 }).setEnabled(!this.busy));
    this.scenarioLine(add, 410);
    add(new Button(this, LEFT, 600, t('menu.back'), 'menu.back', () => this.go('main'), { width: 150, tone: 'secondary' }));
  }

  // ---- actions ----

  private go(screen: Screen): void {
    this.screen = screen;
    this.status = null;
    this.render();
  }

  private clearErrors(): void {
    if (!this.nameError && !this.codeError) return;
    this.nameError = null;
    this.codeError = null;
    this.render();
  }

  private setStatus(key: StringKey, tone: 'info' | 'error', params?: Record<string, string>): void {
    this.status = { key, tone, params };
    if (tone === 'error') testLog.notice(t(key, params));
    if (this.sys.isActive()) this.render();
  }

  /** The name as typed, checked with the server's schema; null (and a message) if it is not acceptable. */
  private async checkedName(): Promise<string | null> {
    const net = await loadNet().catch(() => null);
    if (!net) {
      this.setStatus('error.network', 'error');
      return null;
    }
    const verdict = net.validateName(inputOf(this.nameField).value);
    this.nameError = verdict.ok ? null : verdict.error;
    if (!verdict.ok) {
      this.render();
      return null;
    }
    localStorage.setItem(NAME_KEY, verdict.name);
    return verdict.name;
  }

  private async join(): Promise<void> {
    if (this.busy) return;
    const code = normalizeJoinCode(inputOf(this.codeField).value);
    const wellFormed = code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
    const name = await this.checkedName();
    this.codeError = wellFormed ? null : 'code.bad';
    if (!wellFormed) this.render();
    if (name === null || !wellFormed) return;
    await this.run(() => joinByCode(code, name));
  }

  private async training(): Promise<void> {
    const scenario = this.scenarios[this.scenarioIndex];
    if (!this.busy && scenario) await this.run(() => createTraining(scenario.id, this.level));
  }

  private async team(): Promise<void> {
    const scenario = this.scenarios[this.scenarioIndex];
    if (this.busy || !scenario) return;
    const name = await this.checkedName();
    if (name === null) return;
    const net = await loadNet();
    const team = net.validateName(inputOf(this.teamField).value);
    if (!team.ok) return this.setStatus(team.error, 'error', { max: '24' });
    await this.run(() => createTeam(scenario.id, this.level, team.name, name));
  }

  private async solo(): Promise<void> {
    const scenario = this.scenarios[this.scenarioIndex];
    if (this.busy || !scenario || !this.soloPost) return;
    const name = await this.checkedName();
    if (name !== null) await this.run(() => createSolo(scenario.id, this.level, this.soloPost!, this.soloSkill, name));
  }

  private async run(action: () => Promise<Outcome>, working: StringKey = 'menu.working'): Promise<void> {
    this.busy = true;
    this.setStatus(working, 'info');
    const outcome = await action();
    this.busy = false;
    if (outcome.ok) {
      followDrill(this.game, outcome.drill);
      return;
    }
    this.setStatus(outcome.message, 'error', outcome.params);
  }
}
