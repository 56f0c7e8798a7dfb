import type { DrillEvent } from '../../shared/engine/events.js';
import type { Locale } from '../../shared/i18n/text.js';
import { t } from '../i18n/t.js';
import type { DrillView } from './viewModel.js';

/** A notification card: an inject, a memo, an NPC leaving, a duty met or missed. */
export interface Notice {
  tone: 'info' | 'good' | 'bad' | 'memo';
  title: string;
  body: string;
}

/**
 * Which engine events deserve a notification, and in what words. Score events are not here:
 * they float where they happen (see scoreChange.ts).
 */
export function toNotice(event: DrillEvent, view: DrillView | null, locale: Locale, npcNames: Map<string, string> = new Map()): Notice | null {
  const roomName = (id: string) => view?.rooms.find((r) => r.id === id)?.name[locale] ?? id;
  switch (event.type) {
    case 'inject':
      return { tone: 'info', title: event.title[locale], body: event.message[locale] };
    case 'timeout':
      return { tone: 'bad', title: t('toast.timeout', {}, locale), body: event.outcome[locale] };
    case 'factShared': {
      const mine = view?.panel?.room;
      const fact = view?.panel?.facts.find((f) => f.id === event.fact)?.text[locale] ?? event.fact;
      if (mine && event.from === mine) {
        return { tone: 'memo', title: t('toast.memoSent', { rooms: event.to.map(roomName).join(locale === 'zh-CN' ? '、' : ', ') }, locale), body: fact };
      }
      return { tone: 'memo', title: t('toast.memoFrom', { room: roomName(event.from) }, locale), body: fact };
    }
    case 'npcLeft': {
      const name = npcNames.get(event.npc);
      if (!name) return null;
      const phone = view?.panel?.roomType === 'phone';
      if (event.satisfied) return { tone: 'good', title: t('toast.left', { name }, locale), body: '' };
      return { tone: 'bad', title: t(phone ? 'toast.hungUp' : 'toast.leftAngry', { name }, locale), body: '' };
    }
    case 'expected': {
      if (event.status === 'pending' || event.status === 'not-applicable') return null;
      const title = view?.duties.find((d) => d.id === event.expected)?.title[locale] ?? event.expected;
      const key = event.status === 'met' ? 'toast.dutyMet' : event.status === 'late' ? 'toast.dutyLate' : 'toast.dutyMissed';
      return { tone: event.status === 'met' ? 'good' : 'bad', title: t(key, { title }, locale), body: '' };
    }
    case 'draftSubmitted': {
      if (view?.panel?.post !== event.approver) return null;
      return { tone: 'info', title: t('toast.draftWaiting', { title: statementTitle(view, event.statement, locale) }, locale), body: '' };
    }
    case 'draftReviewed': {
      // Only the verdict: whether the draft was sound is for the debrief.
      if (view?.panel?.post !== event.post) return null;
      const key = event.verdict === 'approve' ? 'toast.draftApproved' : 'toast.draftReturned';
      return { tone: 'info', title: t(key, { title: statementTitle(view, event.statement, locale) }, locale), body: '' };
    }
    default:
      return null;
  }
}

/** A statement's title as the viewed post's work names it. */
function statementTitle(view: DrillView, statement: string, locale: Locale): string {
  const work = view.panel?.work;
  const title = work?.reviews.find((r) => r.statement === statement)?.title ?? work?.composing.find((c) => c.id === statement)?.title ?? work?.published.find((p) => p.statement === statement)?.title;
  return title?.[locale] ?? statement;
}
