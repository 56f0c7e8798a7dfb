import Phaser from 'phaser';
import type { Locale } from '../../shared/i18n/text.js';
import { DIMENSION_LABELS, DIMENSIONS } from '../../shared/scores/dimensions.js';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { fetchBoard, fetchLatestCompetition, fetchScenarios } from '../net/api.js';
import { markInteractive } from '../game/markInteractive.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import { boardLines, standingLines, type BoardLine } from '../view/boardLines.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';
import { backToMenu, markShown } from './sceneRouter.js';
import { DEFAULT_LEVEL, LEVELS, type Level } from '../../shared/scenario/levels.js';

const PAGE_SIZE = 10;
/** Which board is shown: the team board, one post's solo board, or the latest competition. */
type Tab = { kind: 'team' } | { kind: 'solo'; post: string } | { kind: 'competition' };
type Shown = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; lines: BoardLine[]; page: number; pages: number; head?: string };

/** Lines of the board on screen, for the browser tests (window.__crisisDrill.board()). */
let onScreen: string[] = [];
export const boardOnScreen = (): string[] => [...onScreen];

const COL = { rank: 64, name: 118, total: 352, dims: 430, dimWidth: 92, finished: 990, duration: 1150 };

/**
 * Leaderboards: per scenario, the team board and one solo board per post, ten names a page, and
 * the standings of the scenario's latest team competition. Every result shown was verified by
 * the server; the scene only renders what the API returns.
 */
export class Leaderboard extends Phaser.Scene {
  private content!: Phaser.GameObjects.Container;
  private scenarios: ScenarioSummary[] = [];
  private scenarioIndex = 0;
  private tab: Tab = { kind: 'team' };
  private page = 1;
  /** Each level has its own boards (an introductory morning is not ranked against an advanced one). */
  private level: Level = DEFAULT_LEVEL;
  private shown: Shown = { state: 'loading' };
  /** Answers to an older request (a quick click on another tab) are dropped. */
  private request = 0;

  constructor() {
    super(SCENES.Leaderboard);
  }

  create(): void {
    markShown(SCENES.Leaderboard);
    fitCamera(this);
    addArt(this, 640, 360, tex.menu);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.55).setOrigin(0);
    this.add.rectangle(40, 96, 1200, 604, COLORS.paper, 0.97).setOrigin(0).setRounded(16);
    this.content = this.add.container(0, 0);
    this.shown = { state: 'loading' };
    this.render();
    // Cells hold text in the language they were made in (dates, statuses): fetch and make them again.
    const off = onLocaleChange(() => (this.scenarios.length ? void this.refresh() : this.render()));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      onScreen = [];
    });
    void fetchScenarios()
      .then((list) => {
        this.scenarios = [...list].sort((a, b) => (a.id === 'huarui-upgrade-outage' ? -1 : b.id === 'huarui-upgrade-outage' ? 1 : a.id.localeCompare(b.id)));
        void this.refresh();
      })
      .catch(() => this.show({ state: 'error', message: t('error.network') }));
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => markInteractive());
  }

  private get scenario(): ScenarioSummary | undefined {
    return this.scenarios[this.scenarioIndex];
  }

  private async refresh(): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    const mine = ++this.request;
    this.show({ state: 'loading' });
    const locale = getLocale();
    try {
      if (this.tab.kind === 'competition') {
        const view = await fetchLatestCompetition(scenario.id);
        if (mine !== this.request) return;
        if (!view) return this.show({ state: 'ready', lines: [], page: 1, pages: 1, head: t('board.noCompetition') });
        const head = t('board.competitionHead', { name: view.name, phase: t(`competition.phase.${view.phase}`), closes: new Date(view.closedAt ?? view.closesAt).toLocaleString(locale) });
        return this.show({ state: 'ready', lines: standingLines(view, locale), page: 1, pages: 1, head });
      }
      const board = await fetchBoard(scenario.id, this.tab.kind === 'solo' ? this.tab.post : null, this.page, PAGE_SIZE, this.level);
      if (mine !== this.request) return;
      this.show({ state: 'ready', lines: boardLines(board.rows, locale), page: board.page, pages: Math.max(1, board.pages) });
    } catch (err) {
      if (mine === this.request) this.show({ state: 'error', message: err instanceof Error ? err.message : t('error.network') });
    }
  }

  private show(shown: Shown): void {
    this.shown = shown;
    onScreen = shown.state === 'ready' ? shown.lines.map((l) => [l.rank, l.name, l.total].join(' ')) : [];
    if (this.sys.isActive()) this.render();
  }

  private choose(tab: Tab): void {
    this.tab = tab;
    this.page = 1;
    void this.refresh();
  }

  // ---- drawing ----

  private render(): void {
    const locale = getLocale();
    this.content.removeAll(true);
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    add(addText(this, 60, 26, t('board.title'), { size: 36, bold: true, color: CSS.paper }));
    add(addText(this, 62, 72, t('board.note'), { size: 14, color: CSS.muted, width: 880, maxLines: 1 }));
    add(languageToggle(this, 968, 34, 110));
    add(new Button(this, 1090, 30, t('menu.back'), 'board.back', () => backToMenu(this.game), { width: 150, height: 44, tone: 'ghost', size: 16 }));

    const scenario = this.scenario;
    add(addText(this, 64, 118, t('menu.scenario', { title: scenario ? scenario.title[locale] : '…' }), { size: 18, bold: true, width: 560, maxLines: 1 }));
    // A competition has one level for every team: its standings need no choice.
    if (this.tab.kind !== 'competition') {
      LEVELS.forEach((level, i) => {
        const choose = () => ((this.level = level), (this.page = 1), void this.refresh());
        add(new Button(this, 640 + i * 126, 110, t(`level.${level}`), `board.level.${level}`, choose, { width: 118, height: 40, tone: 'secondary', size: 15 }).setSelected(this.level === level));
      });
    }
    if (this.scenarios.length > 1) {
      const next = () => {
        this.scenarioIndex = (this.scenarioIndex + 1) % this.scenarios.length;
        this.tab = { kind: 'team' };
        this.page = 1;
        void this.refresh();
      };
      add(new Button(this, 1040, 110, t('menu.nextScenario'), 'board.nextScenario', next, { width: 180, height: 40, tone: 'secondary', size: 15 }));
    }
    this.tabs(add, locale, scenario);
    this.table(add, locale);
  }

  private tabs(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T, locale: Locale, scenario: ScenarioSummary | undefined): void {
    const tabs: { tab: Tab; id: string; label: string }[] = [
      { tab: { kind: 'team' }, id: 'board.tab.team', label: t('board.team') },
      ...(scenario?.posts ?? []).slice(0, 4).map((p) => ({ tab: { kind: 'solo', post: p.id } as Tab, id: `board.tab.solo.${p.id}`, label: t('board.solo', { post: p.name[locale] }) })),
      { tab: { kind: 'competition' }, id: 'board.tab.competition', label: t('board.competition') },
    ];
    const width = Math.min(190, (1152 - (tabs.length - 1) * 8) / tabs.length);
    tabs.forEach(({ tab, id, label }, i) => {
      const selected = tab.kind === this.tab.kind && (tab.kind !== 'solo' || (this.tab.kind === 'solo' && tab.post === this.tab.post));
      add(new Button(this, 64 + i * (width + 8), 160, label, id, () => this.choose(tab), { width, height: 48, tone: 'secondary', size: 13, wrap: true }).setSelected(selected));
    });
  }

  private table(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T, locale: Locale): void {
    const head = { size: 14, bold: true, color: CSS.inkSoft };
    const top = 226;
    const competition = this.tab.kind === 'competition';
    if (this.shown.state === 'ready' && this.shown.head) add(addText(this, 64, top - 8, this.shown.head, { size: 15, bold: true, color: CSS.teal, width: 1150, maxLines: 1 }));
    const y0 = competition ? top + 22 : top;
    add(addText(this, COL.rank, y0, t('board.rank'), head));
    add(addText(this, COL.name, y0, competition ? t('board.teamName') : t('board.name'), head));
    add(addText(this, COL.total, y0, t('board.total'), head));
    DIMENSIONS.forEach((d, i) => add(addText(this, COL.dims + i * COL.dimWidth, y0, DIMENSION_LABELS[d][locale], { ...head, size: 12, width: COL.dimWidth - 6, maxLines: 2 })));
    add(addText(this, COL.finished, y0, t('board.finished'), head));
    add(addText(this, COL.duration, y0, t('board.duration'), head));
    add(this.add.rectangle(56, y0 + 36, 1168, 2, COLORS.paperDim).setOrigin(0));

    const shown = this.shown;
    if (shown.state !== 'ready' || shown.lines.length === 0) {
      const message = shown.state === 'loading' ? t('board.loading') : shown.state === 'error' ? shown.message : competition ? '' : t('board.empty');
      add(addText(this, 640, 420, message, { size: 20, color: shown.state === 'error' ? CSS.red : CSS.inkSoft, align: 'center', width: 900 }).setOrigin(0.5));
      return;
    }
    const rowHeight = 36;
    shown.lines.slice(0, PAGE_SIZE).forEach((line, i) => {
      const y = y0 + 48 + i * rowHeight;
      if (i % 2 === 0) add(this.add.rectangle(56, y - 7, 1168, rowHeight, COLORS.wall, 0.8).setOrigin(0));
      const podium = ['1', '2', '3'].includes(line.rank);
      if (podium) add(this.add.circle(COL.rank + 12, y + 11, 14, [COLORS.gold, COLORS.grey, COLORS.orange][Number(line.rank) - 1]!));
      add(addText(this, COL.rank + 12, y + 11, line.rank, { size: 16, bold: true, color: podium ? CSS.white : CSS.ink }).setOrigin(0.5));
      add(addText(this, COL.name, y, line.name, { size: 17, bold: true, width: 225, maxLines: 1 }));
      add(addText(this, COL.total, y, line.total, { size: 18, bold: true, color: CSS.teal }));
      line.dims.forEach((v, k) => add(addText(this, COL.dims + k * COL.dimWidth, y + 2, v, { size: 15 })));
      add(addText(this, COL.finished, y + 2, line.finished, { size: 14, color: CSS.inkSoft }));
      add(addText(this, COL.duration, y + 2, line.duration, { size: 14, color: CSS.inkSoft }));
    });
    if (competition) return;
    add(new Button(this, 64, 640, t('board.prev'), 'board.prev', () => ((this.page -= 1), void this.refresh()), { width: 150, height: 42, tone: 'secondary', size: 15 }).setEnabled(shown.page > 1));
    add(addText(this, 640, 661, t('board.page', { page: shown.page, pages: shown.pages }), { size: 16, color: CSS.inkSoft }).setOrigin(0.5));
    add(new Button(this, 1066, 640, t('board.next'), 'board.next', () => ((this.page += 1), void this.refresh()), { width: 150, height: 42, tone: 'secondary', size: 15 }).setEnabled(shown.page < shown.pages));
  }
}
