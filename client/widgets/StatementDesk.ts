import type Phaser from 'phaser';
import { ELEMENT_LABELS, TONE_LABELS } from '../../shared/engine/work/composerLabels.js';
import type { Draft } from '../../shared/protocol/statementIntents.js';
import type { ComposerView, PublishedView, WorkView } from '../../shared/protocol/workPanel.js';
import { STATEMENT_ELEMENTS, type LineElement, type Tone } from '../../shared/scenario/work/statements.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { drawChoices, type Choice } from './choiceList.js';
import { ModalPanel, WIDE_FRAME } from './ModalPanel.js';
import { Pager } from './Pager.js';
import { drawPartRows } from './partRows.js';
import { drawStatement } from './statementText.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

/** The most facts one statement may state (statementIntents.ts). */
const MAX_CLAIMS = 8;
type Part = LineElement | 'facts' | 'tone';

interface DraftState {
  lines: Partial<Record<LineElement, string>>;
  claims: string[];
  tone: Tone | null;
}

const F = WIDE_FRAME;
const LEFT = { x: F.x + 24, width: 360 };
const PANE = { x: F.x + 408, width: F.width - 432 };
const BOTTOM = F.y + F.height - 24;

/**
 * The newsroom's statement desk: a tab per statement this post writes (and per statement out).
 * A statement still drafting is composed part by part — one row per element, its lines offered
 * in the order given (an element may be left out), the facts as toggles with what the room can
 * tell of each and the public's questions above them, a tone — then published, or sent for
 * approval when it has an approver. Pending and published statements are shown as they read.
 */
export class StatementDesk extends ModalPanel {
  private readonly drafts = new Map<string, DraftState>();
  private readonly pager = new Pager();
  private tab: string | null = null;
  private part: Part = 'acknowledge';
  /** Counts edits of the local drafts, which change in place. */
  private edits = 0;
  private work: WorkView | null = null;
  private canAct = false;

  constructor(
    scene: Phaser.Scene,
    private readonly nameOf: (post: string) => string,
    private readonly onSend: (statement: string, draft: Draft, forApproval: boolean) => void,
  ) {
    super(scene, WIDE_FRAME, 'compose.close');
  }

  open(work: WorkView | null, canAct: boolean): void {
    this.show();
    this.render(work, canAct);
  }

  render(work: WorkView | null, canAct: boolean): void {
    if (!this.isOpen) return;
    const tabs = tabsOf(work);
    if (!tabs.some((tab) => tab.id === this.tab)) this.pick(tabs.find((tab) => tab.composer?.status === 'drafting')?.id ?? tabs[0]?.id ?? null);
    if (!this.drawn.changed([work?.composing, work?.claims, work?.published, canAct, getLocale(), this.edits, this.pager.start])) return;
    this.work = work;
    this.canAct = canAct;
    let y = this.drawFrame(t('compose.title'));
    if (tabs.length === 0) {
      this.put(addText(this.scene, F.x + 24, y + 8, t('compose.none'), { size: 16, color: CSS.inkSoft }));
      return;
    }
    let x = F.x + 24;
    for (const tab of tabs) {
      const label = `${tab.title[getLocale()]} · ${t(`compose.status.${statusOf(tab)}`)}`;
      this.put(new Button(this.scene, x, y, label, `compose.tab.${tab.id}`, () => this.pick(tab.id, true), { width: 300, height: 36, tone: 'secondary', size: 14 }).setSelected(tab.id === this.tab));
      x += 308;
    }
    y += 48;
    const tab = tabs.find((tb) => tb.id === this.tab)!;
    if (tab.published) this.drawPublished(tab.published, y);
    else if (tab.composer?.status === 'pending') this.drawPending(tab.composer, y);
    else if (tab.composer) this.drawDrafting(tab.composer, y);
  }

  private pick(tab: string | null, redraw = false): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.part = 'acknowledge';
    this.pager.reset();
    this.edits++;
    if (redraw) this.redraw();
  }

  private redraw(): void {
    this.render(this.work, this.canAct);
  }

  private draftOf(statement: string): DraftState {
    let draft = this.drafts.get(statement);
    if (!draft) this.drafts.set(statement, (draft = { lines: {}, claims: [], tone: null }));
    return draft;
  }

  private edit(change: (draft: DraftState) => void): void {
    if (!this.tab) return;
    change(this.draftOf(this.tab));
    this.edits++;
    this.redraw();
  }

  private drawPublished(published: PublishedView, y: number): void {
    this.put(addText(this.scene, F.x + 24, y, t('compose.published', { time: clockLabel(published.at) }), { size: 15, bold: true, color: CSS.green }));
    drawStatement(this, published, { x: F.x + 24, y: y + 32, width: F.width - 48, bottom: BOTTOM }, t('opsReview.noFacts'));
  }

  private drawPending(composer: ComposerView, y: number): void {
    const approver = this.nameOf(composer.approver ?? '');
    this.put(addText(this.scene, F.x + 24, y, t('compose.pending', { approver }), { size: 15, bold: true, color: CSS.teal, width: F.width - 48 }));
    const draft = this.drafts.get(composer.id);
    if (!draft) return;
    this.put(addText(this.scene, F.x + 24, y + 32, t('compose.sentDraft'), { size: 14, bold: true, color: CSS.inkSoft }));
    const lines = linesOf(composer, draft).map(([element, option]) => ({ element, text: option.text }));
    const claims = draft.claims.map((id) => this.work?.claims.find((c) => c.id === id)).filter((c) => c !== undefined);
    drawStatement(this, { lines, claims, tone: draft.tone ?? composer.tones[0]! }, { x: F.x + 24, y: y + 60, width: F.width - 48, bottom: BOTTOM }, t('opsReview.noFacts'));
  }

  private drawDrafting(composer: ComposerView, top: number): void {
    const scene = this.scene;
    const locale = getLocale();
    const draft = this.draftOf(composer.id);
    const approver = composer.approver ? this.nameOf(composer.approver) : null;
    const banner = composer.returned > 0 && approver ? t('compose.returned', { approver, times: composer.returned }) : approver ? t('compose.needsApproval', { approver }) : t('compose.noApproval');
    const bannerText = this.put(addText(scene, F.x + 24, top, banner, { size: 14, bold: composer.returned > 0, color: composer.returned > 0 ? '#8a2323' : CSS.inkSoft, width: F.width - 48 }));
    const y = top + bannerText.height + 14;
    const parts = partsOf(composer);
    if (!parts.includes(this.part)) this.part = parts[0]!;
    const rows = parts.map((part) => ({
      id: part,
      testId: `compose.part.${part}`,
      label: part === 'tone' ? t('compose.tone') : ELEMENT_LABELS[part][locale],
      state:
        part === 'tone'
          ? draft.tone ? TONE_LABELS[draft.tone][locale] : t('compose.part.noTone')
          : part === 'facts'
            ? t('compose.part.facts', { n: draft.claims.length })
            : draft.lines[part] ? t('compose.part.chosen') : t('compose.part.empty'),
    }));
    drawPartRows(this, rows, this.part, { x: LEFT.x, y, width: LEFT.width }, (part) => {
      this.part = part as Part;
      this.pager.reset();
      this.edits++;
      this.redraw();
    });
    const send = composer.approver ? t('compose.submit') : t('compose.publish');
    const ready = draft.tone !== null;
    if (!ready) this.put(addText(scene, LEFT.x, BOTTOM - 76, t('compose.needTone'), { size: 13, color: CSS.inkSoft, width: LEFT.width }));
    this.put(
      new Button(scene, LEFT.x, BOTTOM - 48, send, 'compose.send', () => this.send(composer), { width: LEFT.width, height: 48, size: 17 }).setEnabled(this.canAct && ready),
    );
    this.drawPane(composer, draft, y);
  }

  /** The open part's choices, in the order given. */
  private drawPane(composer: ComposerView, draft: DraftState, top: number): void {
    const scene = this.scene;
    const locale = getLocale();
    const part = this.part;
    const heading = part === 'tone' ? t('compose.tone') : ELEMENT_LABELS[part][locale];
    this.put(addText(scene, PANE.x, top, heading, { size: 17, bold: true }));
    let y = top + 28;
    const hint = (text: string) => {
      const h = this.put(addText(scene, PANE.x, y, text, { size: 13, color: CSS.inkSoft, width: PANE.width }));
      y += h.height + 10;
    };
    let choices: Choice[];
    if (part === 'tone') {
      hint(t('compose.pickTone'));
      choices = composer.tones.map((tone) => ({ testId: `compose.tone.${tone}`, label: TONE_LABELS[tone][locale], selected: draft.tone === tone, enabled: this.canAct, onPick: () => this.edit((d) => (d.tone = tone)) }));
    } else if (part === 'facts') {
      if (composer.questions.length > 0) {
        this.put(addText(scene, PANE.x, y, t('compose.questions'), { size: 13, bold: true, color: CSS.inkSoft }));
        y += 20;
        for (const q of composer.questions) hint(`• ${q.question[locale]}`);
      }
      hint(t('compose.factsHint', { max: MAX_CLAIMS }));
      const claims = this.work?.claims ?? [];
      if (claims.length === 0) hint(t('compose.noClaims'));
      choices = claims.map((c) => {
        const on = draft.claims.includes(c.id);
        return {
          testId: `compose.claim.${c.id}`,
          label: `${on ? '☑' : '☐'} ${c.text[locale]}`,
          badge: c.status,
          selected: on,
          enabled: this.canAct && (on || draft.claims.length < MAX_CLAIMS),
          onPick: () => this.edit((d) => (d.claims = on ? d.claims.filter((id) => id !== c.id) : [...d.claims, c.id])),
        };
      });
    } else {
      hint(t('compose.pickLine'));
      const options = composer.lines[part] ?? [];
      choices = options.map((o) => ({ testId: `compose.line.${part}.${o.id}`, label: o.text[locale], selected: draft.lines[part] === o.id, enabled: this.canAct, onPick: () => this.edit((d) => (d.lines[part] = o.id)) }));
      choices.push({ testId: `compose.none.${part}`, label: t('compose.leaveOut'), selected: draft.lines[part] === undefined, enabled: this.canAct, onPick: () => this.edit((d) => delete d.lines[part]) });
    }
    this.pager.clamp(choices.length);
    const bottom = BOTTOM - 40;
    const { end } = drawChoices(this, choices, this.pager.start, { x: PANE.x, y, width: PANE.width, bottom }, 14);
    this.pager.drawButtons(this, PANE.x + PANE.width - 200, bottom + 10, end, choices.length, 'compose.page', () => this.redraw());
  }

  private send(composer: ComposerView): void {
    const draft = this.draftOf(composer.id);
    if (!draft.tone) return;
    const lines: Draft['lines'] = {};
    for (const [element, option] of linesOf(composer, draft)) lines[element] = option.id;
    this.onSend(composer.id, { lines, claims: [...draft.claims], tone: draft.tone }, composer.approver !== undefined);
  }
}

interface Tab {
  id: string;
  title: ComposerView['title'];
  composer?: ComposerView;
  published?: PublishedView;
}

/** The statements this post writes, then any other statement already out. */
function tabsOf(work: WorkView | null): Tab[] {
  if (!work) return [];
  const tabs: Tab[] = work.composing.map((c) => ({ id: c.id, title: c.title, composer: c, ...(c.status === 'published' && { published: work.published.find((p) => p.statement === c.id) }) }));
  for (const p of work.published) if (!tabs.some((tab) => tab.id === p.statement)) tabs.push({ id: p.statement, title: p.title, published: p });
  return tabs;
}

function statusOf(tab: Tab): 'drafting' | 'returned' | 'pending' | 'published' {
  if (tab.published || !tab.composer) return 'published';
  if (tab.composer.status === 'drafting' && tab.composer.returned > 0) return 'returned';
  return tab.composer.status;
}

/** The statement's parts in the procedure's order (facts among them), then the tone. */
function partsOf(composer: ComposerView): Part[] {
  return [...STATEMENT_ELEMENTS.filter((e): e is LineElement | 'facts' => e === 'facts' || composer.lines[e as LineElement] !== undefined), 'tone'];
}

/** The lines chosen in a draft, each with its option, in the procedure's order. */
function linesOf(composer: ComposerView, draft: DraftState): [LineElement, { id: string; text: ComposerView['title'] }][] {
  const out: [LineElement, { id: string; text: ComposerView['title'] }][] = [];
  for (const element of STATEMENT_ELEMENTS) {
    if (element === 'facts') continue;
    const option = composer.lines[element]?.find((o) => o.id === draft.lines[element]);
    if (option) out.push([element, option]);
  }
  return out;
}
