import type { Cause } from '../../shared/engine/drillState.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import type { Locale, Text } from '../../shared/i18n/text.js';
import { DIMENSION_LABELS, type Dimension } from '../../shared/scores/dimensions.js';
import { t } from '../i18n/t.js';
import type { SeatView } from './viewModel.js';

export type ScoreEvent = Extract<DrillEvent, { type: 'score' }>;

/** A score change as the player sees it, where it happened, with its cause in words. */
export interface ScoreChange {
  seq: number;
  dim: Dimension;
  delta: number;
  value: number;
  /** "+3" or "−4" (a true minus sign, easier to read than a hyphen). */
  deltaLabel: string;
  /** The NPC the change is about, to float the label over it when it is on screen. */
  npc: string | null;
  /** "−4 舆情声誉：来电者等了六分钟后挂断" */
  headline: string;
  /** Who or what caused it: "by Call-centre lead (bot)", "nobody answered in time". */
  byline: string;
}

export function deltaLabel(delta: number): string {
  const rounded = Math.round(delta * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '±0';
}

/** Words for a cause: which post (and whether a bot held it), or what kind of event. */
export function describeCause(cause: Cause, seats: SeatView[], locale: Locale): string {
  switch (cause.kind) {
    case 'timeout':
      return t('cause.timeout', {}, locale);
    case 'inject':
      return t('cause.inject', {}, locale);
    case 'expected':
      return t('cause.expected', {}, locale);
    case 'control':
      return t('cause.control', {}, locale);
    case 'response':
    case 'share':
    case 'statement':
    case 'feed':
    case 'report': {
      const seat = seats.find((s) => s.post === cause.post);
      if (!seat) return cause.kind === 'share' ? t('cause.share', {}, locale) : t('cause.inject', {}, locale);
      const post = seat.name[locale];
      const who = seat.kind === 'bot' ? t('cause.bot', { post }, locale) : seat.kind === 'trainer' ? `${post} · ${t('seat.trainer', {}, locale)}` : seat.holder ? `${post} · ${seat.holder}` : post;
      return t('cause.by', { who }, locale);
    }
  }
}

export function toScoreChange(event: ScoreEvent, seats: SeatView[], locale: Locale): ScoreChange {
  const label: Text = DIMENSION_LABELS[event.dim];
  const sign = deltaLabel(event.delta);
  const separator = locale === 'zh-CN' ? '：' : ': ';
  return {
    seq: event.seq,
    dim: event.dim,
    delta: event.delta,
    value: event.value,
    deltaLabel: sign,
    npc: event.cause.npc ?? null,
    headline: `${sign} ${label[locale]}${separator}${event.reason[locale]}`,
    byline: describeCause(event.cause, seats, locale),
  };
}
