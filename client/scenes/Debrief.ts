import Phaser from 'phaser';
import type { Debrief as DebriefData } from '../../shared/debrief/schema.js';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { fetchDebrief, reportUrl, submitSurvey } from '../net/api.js';
import { registerClickable } from '../game/testHooks.js';
import { decisionCard, dutyTimes, findingLines, pageOf } from '../view/debriefView.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { ScoreChart } from '../widgets/ScoreChart.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { addSurveyForm, type SurveyForm } from './debrief/surveyForm.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';

export interface DebriefSceneData {
  /** The stored drill's id and its report token (from the `ended` message). */
  drill: string;
  token: string;
  /** The player's post (their own debrief), or null for the whole team (the trainer). */
  post: string | null;
  /** The name the survey is filed under (the player may correct it). */
  name: string;
  trainer: boolean;
}

type Tab = 'scores' | 'decisions' | 'findings' | 'survey';
const TABS: Tab[] = ['scores', 'decisions', 'findings', 'survey'];
const AREA = { x: 40, y: 152, width: 1200, height: 478 };
const DUTIES_PER_PAGE = 11;
const DECISIONS_PER_PAGE = 2;
const FINDINGS_PER_PAGE = 4;
const QUALITY_COLOR: Record<string, string> = { best: CSS.green, good: CSS.teal, poor: '#b07d0b', bad: CSS.red };

/**
 * After the results: the score timeline, the decisions with their effects, causes and notes,
 * the expected actions, the strengths and areas for improvement, and the lessons-learned survey.
 * Everything shown comes from the server's debrief (built from the engine's event log).
 */
export class Debrief extends Phaser.Scene {
  private params!: DebriefSceneData;
  private debrief: DebriefData | null = null;
  private problem: string | null = null;
  private tab: Tab = 'scores';
  private page = 0;
  private content!: Phaser.GameObjects.Container;
  private survey: SurveyForm | null = null;
  private surveyStatus: { text: string; color: string } | null = null;
  private surveyDraft: Record<string, string> = {};
  private unregister: (() => void)[] = [];

  constructor() {
    super(SCENES.Debrief);
  }

  init(data: DebriefSceneData): void {
    this.params = data;
    this.debrief = null;
    this.problem = null;
    this.tab = 'scores';
    this.page = 0;
    this.survey = null;
    this.surveyStatus = null;
    this.surveyDraft = {};
  }

  create(): void {
    fitCamera(this);
    addArt(this, 640, 360, tex.menu);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.72).setOrigin(0);
    this.content = this.add.container(0, 0);
    const off = onLocaleChange(() => this.render());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      this.clear();
    });
    this.render();
    fetchDebrief(this.params.drill, this.params.token, this.params.post)
      .then((debrief) => (this.debrief = debrief))
      .catch((err: unknown) => (this.problem = err instanceof Error ? err.message : String(err)))
      .finally(() => this.sys.isActive() && this.render());
  }

  private clear(): void {
    if (this.survey) {
      this.surveyDraft = this.survey.values();
      this.survey.element.destroy();
      this.survey = null;
    }
    this.unregister.forEach((off) => off());
    this.unregister = [];
    this.content.removeAll(true);
  }

  private render(): void {
    this.clear();
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    const d = this.debrief;
    const postName = d && this.params.post ? d.posts.find((p) => p.id === this.params.post)?.name[locale] : null;
    add(addText(this, 40, 22, postName ? t('debrief.postTitle', { post: postName }) : t('debrief.teamTitle'), { size: 30, bold: true, color: CSS.paper, width: 1040, maxLines: 1 }));
    add(languageToggle(this, 1144, 24));
    add(new Button(this, 40, 656, t('debrief.back'), 'debrief.back', () => this.scene.start(SCENES.Results), { width: 240, tone: 'ghost', size: 16 }));
    add(new Button(this, 960, 656, t('debrief.report'), 'debrief.report', () => window.open(reportUrl(this.params.drill, this.params.token, locale), '_blank', 'noopener'), { width: 280, size: 16 }));
    if (!d) {
      add(addText(this, 640, 360, this.problem ? t('debrief.failed', { reason: this.problem }) : t('debrief.loading'), { size: 20, color: this.problem ? CSS.red : CSS.paper, width: 900, align: 'center' }).setOrigin(0.5));
      return;
    }
    const ending = d.ending.title ? d.ending.title[locale] : '';
    add(addText(this, 42, 64, `${d.scenario.title[locale]}${ending ? ` · ${ending}` : ''} · ${d.total.baseline.toFixed(1)} → ${d.total.final.toFixed(1)}`, { size: 17, color: CSS.muted, width: 1180, maxLines: 1 }));
    TABS.forEach((tab, i) => {
      add(new Button(this, 40 + i * 230, 100, t(`debrief.tab.${tab}`), `debrief.tab.${tab}`, () => this.show(tab), { width: 220, height: 40, tone: 'secondary', size: 16 }).setSelected(tab === this.tab));
    });
    if (this.tab === 'scores') this.renderScores(d, add);
    else if (this.tab === 'decisions') this.renderDecisions(d, add);
    else if (this.tab === 'findings') this.renderFindings(d, add);
    else this.renderSurvey(add);
  }

  private show(tab: Tab): void {
    this.tab = tab;
    this.page = 0;
    this.render();
  }

  private pager(add: (o: Phaser.GameObjects.GameObject) => unknown, page: number, pages: number): void {
    if (pages <= 1) return;
    add(new Button(this, 420, 656, t('debrief.prev'), 'debrief.prev', () => this.turn(-1), { width: 130, tone: 'ghost', size: 15 }).setEnabled(page > 0));
    add(addText(this, 640, 668, t('debrief.page', { page: page + 1, pages }), { size: 16, color: CSS.paper }).setOrigin(0.5, 0));
    add(new Button(this, 730, 656, t('debrief.next'), 'debrief.next', () => this.turn(1), { width: 130, tone: 'ghost', size: 15 }).setEnabled(page < pages - 1));
  }

  private turn(by: number): void {
    this.page += by;
    this.render();
  }

  private renderScores(d: DebriefData, add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    const locale = getLocale();
    add(new ScoreChart(this, AREA.x, AREA.y, 720, AREA.height, d.dimensions, { start: d.clock.start, end: d.ending.at }, locale));
    const x = 780;
    add(this.add.rectangle(x, AREA.y, 460, AREA.height, COLORS.paper, 0.97).setOrigin(0).setRounded(14));
    add(addText(this, x + 20, AREA.y + 14, t('debrief.duties'), { size: 18, bold: true }));
    const duties = pageOf(d.expected, this.page, DUTIES_PER_PAGE);
    this.page = duties.page;
    if (d.expected.length === 0) add(addText(this, x + 20, AREA.y + 52, t('debrief.noDuties'), { size: 15, color: CSS.inkSoft }));
    duties.items.forEach((duty, i) => {
      const y = AREA.y + 50 + i * 38;
      const color = duty.status === 'met' ? CSS.green : duty.status === 'late' ? '#b07d0b' : duty.status === 'missed' ? CSS.red : CSS.inkSoft;
      add(addText(this, x + 20, y, duty.title[locale], { size: 15, width: 340, maxLines: 1 }));
      add(addText(this, x + 440, y, t(`duty.${duty.status}`), { size: 14, bold: true, color }).setOrigin(1, 0));
      add(addText(this, x + 20, y + 19, dutyTimes(duty, { deadline: t('debrief.deadline'), done: t('debrief.done') }), { size: 12, color: CSS.inkSoft }));
    });
    this.pager(add, duties.page, duties.pages);
  }

  private renderDecisions(d: DebriefData, add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    const locale = getLocale();
    const decisions = pageOf(d.decisions, this.page, DECISIONS_PER_PAGE);
    this.page = decisions.page;
    if (d.decisions.length === 0) add(addText(this, 640, 380, t('debrief.noDecisions'), { size: 18, color: CSS.paper }).setOrigin(0.5));
    decisions.items.forEach((decision, i) => {
      const card = decisionCard(decision, d, locale, t('debrief.nobody'));
      const x = AREA.x + i * 610;
      const width = 590;
      const bottom = AREA.y + AREA.height - 12;
      const box = add(this.add.rectangle(x, AREA.y, width, AREA.height, COLORS.paper, 0.97).setOrigin(0).setRounded(14));
      this.unregister.push(registerClickable({ testId: () => `debrief.decision.${card.seq}`, object: box, label: () => card.choice, enabled: () => true }));
      let y = AREA.y + 14;
      const line = (text: string, size: number, options: { color?: string; bold?: boolean; maxLines?: number } = {}) => {
        if (y > bottom - size) return;
        const o = add(addText(this, x + 20, y, text, { size, width: width - 40, maxLines: options.maxLines ?? 2, color: options.color, bold: options.bold }));
        y += o.height + 6;
      };
      line(card.header, 14, { color: CSS.inkSoft, maxLines: 1 });
      if (card.quality) {
        add(addText(this, x + width - 20, AREA.y + 14, t(`quality.${card.quality}`), { size: 14, bold: true, color: QUALITY_COLOR[card.quality] }).setOrigin(1, 0));
      }
      line(card.situation, 15, { maxLines: 3 });
      line(card.choice, 17, { bold: true, maxLines: 4, color: decision.kind === 'timeout' ? CSS.red : CSS.ink });
      if (card.shownAt) line(card.shownAt, 13, { color: CSS.inkSoft, maxLines: 1 });
      if (card.reply) line(t('debrief.reply', { reply: card.reply }), 14, { color: CSS.inkSoft });
      line(card.effects ? t('debrief.effects', { effects: card.effects }) : t('debrief.noEffect'), 15, { bold: true, color: CSS.teal, maxLines: 2 });
      const shown = card.causes.slice(0, 3);
      for (const cause of shown) line(`→ ${cause}`, 13, { color: CSS.inkSoft, maxLines: 2 });
      if (card.causes.length > shown.length) line(t('debrief.moreCauses', { count: card.causes.length - shown.length }), 13, { color: CSS.inkSoft, maxLines: 1 });
      line(t('debrief.note', { note: card.note }), 14, { maxLines: 3 });
      for (const p of card.procedures) line(t('debrief.procedure', { text: p }), 13, { color: CSS.inkSoft, maxLines: 3 });
    });
    this.pager(add, decisions.page, decisions.pages);
  }

  private renderFindings(d: DebriefData, add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    const locale = getLocale();
    const strengths = pageOf(d.strengths, this.page, FINDINGS_PER_PAGE);
    const areas = pageOf(d.improvements, this.page, FINDINGS_PER_PAGE);
    this.page = Math.max(strengths.page, areas.page);
    const pages = Math.max(strengths.pages, areas.pages);
    const column = (x: number, title: string, color: string, items: typeof d.strengths) => {
      const width = 590;
      const bottom = AREA.y + AREA.height - 10;
      add(this.add.rectangle(x, AREA.y, width, AREA.height, COLORS.paper, 0.97).setOrigin(0).setRounded(14));
      add(addText(this, x + 20, AREA.y + 12, title, { size: 19, bold: true, color }));
      let y = AREA.y + 46;
      const line = (text: string, size: number, options: { color?: string; bold?: boolean; maxLines?: number; indent?: number } = {}) => {
        if (y > bottom - size * 1.4) return;
        const o = add(addText(this, x + 20 + (options.indent ?? 0), y, text, { size, width: width - 40 - (options.indent ?? 0), maxLines: options.maxLines ?? 2, color: options.color, bold: options.bold }));
        y += o.height + 4;
      };
      if (items.length === 0) line(t('debrief.none'), 15, { color: CSS.inkSoft });
      for (const f of items) {
        const lines = findingLines(f, locale);
        line(`• ${lines.title}`, 15, { bold: true, maxLines: 3 });
        for (const e of lines.evidence) line(e, 13, { color: CSS.inkSoft, indent: 14 });
        if (lines.action) line(t('debrief.action', { action: lines.action }), 13, { color: CSS.teal, indent: 14, maxLines: 3 });
        y += 8;
      }
    };
    column(AREA.x, t('debrief.strengths'), CSS.green, this.page < strengths.pages ? strengths.items : []);
    column(AREA.x + 610, t('debrief.improvements'), CSS.red, this.page < areas.pages ? areas.items : []);
    this.pager(add, this.page, pages);
  }

  private renderSurvey(add: <T extends Phaser.GameObjects.GameObject>(o: T) => T): void {
    add(this.add.rectangle(AREA.x, AREA.y, AREA.width, AREA.height, COLORS.paper, 0.97).setOrigin(0).setRounded(14));
    if (this.params.trainer) {
      add(addText(this, AREA.x + 30, AREA.y + 30, t('survey.trainerOnly'), { size: 18, width: 1100 }));
      return;
    }
    add(addText(this, AREA.x + 30, AREA.y + 14, t('survey.intro'), { size: 16, color: CSS.inkSoft, width: 1100, maxLines: 1 }));
    const labels = { name: t('survey.name'), wentWell: t('survey.wentWell'), toChange: t('survey.toChange'), before: t('survey.before'), after: t('survey.after'), placeholder: t('survey.placeholder') };
    this.survey = addSurveyForm(this, AREA.x + 30, AREA.y + 34, AREA.width - 60, 600, labels, this.params.name);
    this.survey.fill(this.surveyDraft);
    const status = this.surveyStatus;
    if (status) add(addText(this, 700, AREA.y + 250, status.text, { size: 17, bold: true, color: status.color, width: 440, maxLines: 4 }));
    add(new Button(this, 700, AREA.y + 380, t('survey.submit'), 'survey.submit', () => void this.send(), { width: 300, size: 17 }));
  }

  private async send(): Promise<void> {
    const form = this.survey;
    if (!form) return;
    const read = form.read();
    if (!read.ok) {
      this.surveyStatus = { text: t('survey.missing', { field: read.message }), color: CSS.red };
      return this.render();
    }
    this.surveyStatus = { text: t('survey.sending'), color: CSS.inkSoft };
    this.render();
    try {
      await submitSurvey(this.params.drill, { token: this.params.token, name: read.name, post: this.params.post, answers: read.answers });
      this.surveyStatus = { text: t('survey.sent'), color: CSS.green };
    } catch (err) {
      this.surveyStatus = { text: t('survey.failed', { reason: err instanceof Error ? err.message : String(err) }), color: CSS.red };
    }
    if (this.sys.isActive()) this.render();
  }
}
