import type { DrillEvent } from '../../shared/engine/events.js';
import type { Locale } from '../../shared/i18n/text.js';
import { t } from '../i18n/t.js';
import { clockLabel } from './clockLabel.js';
import type { DrillView } from './viewModel.js';

export interface PresenterBullet {
  /** Which picture goes in front of it. */
  icon: 'clock' | 'bell' | 'deadline' | 'score' | 'check' | 'cross';
  text: string;
  tone: 'plain' | 'good' | 'bad';
}

export interface PresenterModel {
  title: string;
  clockLabel: string;
  /** Three to five lines, readable from the back of a training room. */
  bullets: PresenterBullet[];
}

/**
 * What the projector shows: the scenario time and phase, the latest event, the next deadline, the
 * score headline and, when there is one, the latest duty kept or missed. Pure, like toViewModel.
 */
export function toPresenterModel(view: DrillView, history: readonly DrillEvent[], locale: Locale): PresenterModel {
  const say = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, params, locale);
  const ended = view.phase === 'ended' || view.phase === 'failed';
  const phase = ended ? say('presenter.ended') : view.phase === 'paused' ? say('presenter.paused') : view.phase === 'lobby' ? say('presenter.lobby') : say('presenter.running');
  const bullets: PresenterBullet[] = [{ icon: 'clock', text: say('presenter.time', { time: view.clockLabel, phase }), tone: view.phase === 'paused' ? 'bad' : 'plain' }];

  const latest = [...history].reverse().find((e) => e.type === 'inject');
  bullets.push({
    icon: 'bell',
    text: latest?.type === 'inject' ? say('presenter.latest', { time: clockLabel(latest.at), title: latest.title[locale] }) : say('presenter.quiet'),
    tone: 'plain',
  });

  if (!ended) {
    const open = view.duties.filter((d) => d.status === 'pending' && d.deadline !== null);
    const next = open[0];
    bullets.push({
      icon: 'deadline',
      text: next ? say('presenter.deadline', { title: next.title[locale], time: next.deadlineLabel ?? '' }) + (open.length > 1 ? say('presenter.moreDeadlines', { count: open.length - 1 }) : '') : say('presenter.noDeadline'),
      tone: next?.urgent ? 'bad' : 'plain',
    });
  }

  const weakest = [...view.scores].sort((a, b) => a.value - b.value)[0];
  bullets.push({
    icon: 'score',
    text: ended ? say('presenter.final', { total: round(view.total) }) : say('presenter.score', { total: round(view.total), weak: weakest?.label[locale] ?? '', value: round(weakest?.value ?? 0) }),
    tone: 'plain',
  });

  const duty = [...history].reverse().find((e) => (e.type === 'expected' && e.status !== 'pending' && e.status !== 'not-applicable') || e.type === 'deadlineExtended');
  if (duty) bullets.push(dutyBullet(duty, view, locale));
  return { title: view.scenario.title?.[locale] ?? say('presenter.title'), clockLabel: view.clockLabel, bullets };
}

function dutyBullet(event: DrillEvent, view: DrillView, locale: Locale): PresenterBullet {
  const title = (id: string) => view.duties.find((d) => d.id === id)?.title[locale] ?? id;
  if (event.type === 'deadlineExtended') {
    return { icon: 'deadline', text: t('console.extended', { title: title(event.expected), time: clockLabel(event.deadline) }, locale), tone: 'plain' };
  }
  if (event.type !== 'expected') return { icon: 'bell', text: '', tone: 'plain' };
  const key = event.status === 'met' ? 'toast.dutyMet' : event.status === 'late' ? 'toast.dutyLate' : 'toast.dutyMissed';
  return { icon: event.status === 'met' ? 'check' : 'cross', text: t(key, { title: title(event.expected) }, locale), tone: event.status === 'met' ? 'good' : 'bad' };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
