import { describeChain } from '../../shared/debrief/describeChain.js';
import type { Debrief, Decision, ExpectedOutcome, Finding } from '../../shared/debrief/schema.js';
import { signed } from '../../shared/debrief/strings.js';
import type { Locale } from '../../shared/i18n/text.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import { DIMENSION_LABELS, DIMENSIONS } from '../../shared/scores/dimensions.js';

export interface Page<T> {
  items: T[];
  /** Zero-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages };
}

/** A decision card's lines, in one language. */
export interface DecisionCard {
  seq: number;
  header: string;
  situation: string;
  choice: string;
  quality: Decision['quality'];
  /** For an answer: the options in the order shown, each with its quality, the chosen one marked. */
  shownAt: string | null;
  reply: string | null;
  effects: string;
  /** Each score change traced back to this decision, as "choice → reaction → score". */
  causes: string[];
  note: string;
  procedures: string[];
}

export function decisionCard(d: Decision, debrief: Debrief, locale: Locale, nobody: string): DecisionCard {
  const changes = new Map(debrief.changes.map((c) => [c.seq, c]));
  const effects = DIMENSIONS.filter((dim) => d.net[dim])
    .map((dim) => `${DIMENSION_LABELS[dim][locale]} ${signed(d.net[dim]!)}`)
    .join(locale === 'zh-CN' ? '，' : ', ');
  return {
    seq: d.seq,
    header: `${formatClockTime(d.at)} · ${d.who ? d.who[locale] : nobody}`,
    situation: d.situation[locale],
    choice: d.choice[locale],
    quality: d.quality,
    shownAt: d.shownLine ? d.shownLine[locale] : null,
    reply: d.reply ? d.reply[locale] : null,
    effects,
    // The chain starts with the decision (and, for an answer, the reply): both are on the card already.
    causes: d.scoreChanges.map((seq) => changes.get(seq)).filter((c) => c !== undefined).map((c) => describeChain(c.chain.slice(d.kind === 'response' ? 2 : 1), locale)),
    note: d.note[locale],
    procedures: d.procedures.map((p) => `${p.duty[locale]}: ${p.text[locale]}`),
  };
}

/** "Deadline 09:30 · done 09:19", or "Deadline 09:30" for a duty not done. */
export function dutyTimes(x: ExpectedOutcome, labels: { deadline: string; done: string }): string {
  const parts = [];
  if (x.deadline !== null) parts.push(`${labels.deadline} ${formatClockTime(x.deadline)}`);
  if (x.doneAt !== null) parts.push(`${labels.done} ${formatClockTime(x.doneAt)}`);
  return parts.join(' · ');
}

export function findingLines(f: Finding, locale: Locale, evidence = 2): { title: string; evidence: string[]; action: string | null; owner: string | null } {
  return {
    title: f.title[locale],
    evidence: f.evidence.slice(0, evidence).map((e) => e[locale]),
    action: f.action ? f.action[locale] : null,
    owner: f.owner ? f.owner[locale] : null,
  };
}
