import { describeChain } from '../../shared/debrief/describeChain.js';
import type { Composed, Debrief, Decision, FiledField, Finding } from '../../shared/debrief/schema.js';
import { signed } from '../../shared/debrief/strings.js';
import type { SurveySummary } from '../../shared/debrief/summarizeSurveys.js';
import { fontStackFor } from '../../shared/i18n/fontStack.js';
import type { Locale } from '../../shared/i18n/text.js';
import { translate, type MessageKey, type ParamsOf } from '../../shared/i18n/translate.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import type { Quality } from '../../shared/scenario/schema.js';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../shared/scores/dimensions.js';
import type { DrillRecord } from '../store/drillRecord.js';
import { byClock, chatRowsOf, type ChatRow } from './chatRows.js';
import { escapeHtml as e } from './escapeHtml.js';
import { scoreChartsSvg } from './scoreChartSvg.js';

export interface ReportPage {
  record: DrillRecord;
  debrief: Debrief;
  surveys: SurveySummary;
  scenarioChanged: boolean;
  locale: Locale;
  /** Links relative to the report page (they carry the token). */
  links: { csv: string; json: string; otherLanguage: string };
}

const time = (at: number | null) => (at === null ? '—' : formatClockTime(at));

/** "Customer trust −5, Public reputation +3": a decision's net effect in the dimension order. */
export function netText(net: Record<string, number>, locale: Locale): string {
  return DIMENSIONS.filter((d) => net[d])
    .map((d: Dimension) => `${DIMENSION_LABELS[d][locale]} ${signed(net[d]!)}`)
    .join(locale === 'zh-CN' ? '，' : ', ');
}

/**
 * The after-action report of one drill as one self-contained HTML page, laid out like an HSEEP
 * AAR/IP: overview, objectives and ratings, strengths, areas for improvement, the trainees'
 * survey, the improvement plan with owners, and the timeline. No script and no external file:
 * it prints the same from any browser, and Chinese uses the system's CJK font.
 */
export function renderReportHtml(page: ReportPage): string {
  const { record, debrief: d, surveys, locale: l } = page;
  const t = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => e(translate(key, l, ...params));
  const finding = (f: Finding) =>
    `<li class="finding"><strong>${e(f.title[l])}</strong>${f.owner ? ` <span class="owner">— ${e(f.owner[l])}</span>` : ''}<ul class="evidence">${f.evidence.map((x) => `<li>${e(x[l])}</li>`).join('')}</ul></li>`;
  const list = (items: Finding[]) => (items.length ? `<ol class="findings">${items.map(finding).join('')}</ol>` : `<p>${t('debrief.none')}</p>`);
  const ending = d.ending.title ? d.ending.title[l] : translate('report.endedByTrainer', l);
  const date = record.startedAt.slice(0, 10);

  const overview = `<table class="facts">
<tr><th>${t('report.scenario')}</th><td>${e(d.scenario.title[l])} <span class="muted">(v${d.scenario.version})</span><br><span class="muted">${e(d.scenario.summary[l])}</span></td></tr>
<tr><th>${t('report.mode')}</th><td>${t(`report.mode.${record.mode}`)}${record.team ? ` · ${t('report.team')}: ${e(record.team)}` : ''} · ${t('menu.level')}: ${t(`level.${record.level}`)}</td></tr>
<tr><th>${t('report.date')}</th><td>${e(date)} · ${t('report.scenarioTime')} ${time(d.clock.start)}–${time(d.ending.at)}</td></tr>
<tr><th>${t('report.participants')}</th><td>${d.posts.map((p) => `${e(p.who[l])} <span class="muted">· ${e(p.roomName[l])}</span>`).join('<br>')}</td></tr>
<tr><th>${t('report.ending')}</th><td>${e(ending)} · ${time(d.ending.at)}</td></tr>
<tr><th>${t('hud.total')}</th><td><strong>${d.total.final.toFixed(1)}</strong> <span class="muted">(${t('report.baseline')} ${d.total.baseline.toFixed(1)})</span></td></tr>
<tr><th>${t('report.drillId')}</th><td class="mono">${e(record.id)}</td></tr>
</table>${page.scenarioChanged ? `<p class="warn">${t('report.changedScenario')}</p>` : ''}`;

  const objectives = `<table class="grid"><thead><tr><th>${t('report.objective')}</th><th>${t('report.owner')}</th><th class="n">${t('report.deadline')}</th><th class="n">${t('report.doneAt')}</th><th>${t('report.status')}</th><th class="n">${t('report.rating')}</th></tr></thead><tbody>
${d.expected.map((x) => `<tr><td>${e(x.title[l])}</td><td>${e(x.who[l])}</td><td class="n">${time(x.deadline)}</td><td class="n">${time(x.doneAt)}</td><td>${t(`report.status.${x.status}`)}</td><td class="n rating r-${x.rating === 'N/A' ? 'na' : x.rating}">${x.rating}</td></tr>`).join('\n')}
</tbody></table>
<table class="grid"><thead><tr><th>${t('report.capabilities')}</th><th class="n">${t('report.baseline')}</th><th class="n">${t('report.final')}</th><th class="n">${t('report.range')}</th><th class="n">${t('report.rating')}</th></tr></thead><tbody>
${d.dimensions.map((x) => `<tr><td>${e(x.label[l])}</td><td class="n">${x.baseline}</td><td class="n">${x.final}</td><td class="n">${x.min}–${x.max}</td><td class="n rating r-${x.rating === 'N/A' ? 'na' : x.rating}">${x.rating}</td></tr>`).join('\n')}
</tbody></table><p class="legend">${t('report.ratingLegend')}</p>`;

  const survey =
    surveys.count === 0
      ? `<p>${t('report.noSurvey')}</p>`
      : `<p>${t('report.surveyCount', { count: surveys.count })} · ${t('report.confidence', { before: surveys.before ?? '—', after: surveys.after ?? '—', change: surveys.change === null ? '—' : signed(surveys.change) })}</p>
<div class="two"><div><h3>${t('report.wentWell')}</h3>${quotes(surveys.wentWell)}</div><div><h3>${t('report.toChange')}</h3>${quotes(surveys.toChange)}</div></div>`;

  const plan = d.improvements.length
    ? `<table class="grid"><thead><tr><th>${t('report.area')}</th><th>${t('report.action')}</th><th>${t('report.owner')}</th><th class="date">${t('report.completion')}</th></tr></thead><tbody>
${d.improvements.map((f) => `<tr><td>${e(f.title[l])}</td><td>${e(f.action?.[l] ?? translate('report.actionFallback', l))}</td><td>${e(f.owner?.[l] ?? translate('debrief.who.team', l))}</td><td class="date"></td></tr>`).join('\n')}
</tbody></table>`
    : `<p>${t('debrief.none')}</p>`;

  /** A statement part by part: each line with its mark, each fact with what the room could tell of it, the tone. */
  const composedParts = (c: Composed) => {
    const q = (quality: Quality) => ` <span class="q q-${quality}">${t(`quality.${quality}`)}</span>`;
    const claim = (x: Composed['claims'][number]) => {
      const status = !x.accurate ? 'inaccurate' : x.status;
      return `<li>${t('report.fact')}: ${e(x.text[l])} <span class="q q-${status === 'confirmed' ? 'best' : status === 'unconfirmed' ? 'poor' : 'bad'}">${t(`claim.${status}`)}</span></li>`;
    };
    return `<ul class="parts">${c.lines.map((x) => `<li>${e(x.element[l])}: ${e(x.text[l])}${q(x.quality)}</li>`).join('')}${c.claims.map(claim).join('')}<li>${t('report.tone')}: ${e(c.tone.chosen[l])}</li></ul>`;
  };
  /** A report field by field, each with how it was judged. */
  const filedFields = (fields: FiledField[]) => {
    const mark = { accurate: 'best', unconfirmed: 'poor', wrong: 'bad', blank: 'good' } as const;
    return `<ul class="parts">${fields.map((f) => `<li>${e(f.label[l])}: ${f.text ? e(f.text[l]) : t('debrief.report.blank')} <span class="q q-${mark[f.verdict]}">${t(`report.verdict.${f.verdict}`)}</span></li>`).join('')}</ul>`;
  };
  const decision = (x: Decision) => {
    const who = x.who ? x.who[l] : translate('debrief.nobody', l);
    const quality = x.quality ? ` <span class="q q-${x.quality}">${t(`quality.${x.quality}`)}</span>` : '';
    const procedures = x.procedures.map((p) => `<div class="proc">${t('report.procedure')} · ${e(p.duty[l])}: ${e(p.text[l])}</div>`).join('');
    const shownAt = x.shownLine ? `<div class="muted">${e(x.shownLine[l])}</div>` : '';
    const choice = x.composed ? composedParts(x.composed) : x.filed ? filedFields(x.filed) : e(x.choice[l]);
    return `<tr><td class="n">${time(x.at)}</td><td>${e(who)}</td><td>${e(x.situation[l])}</td><td>${choice}${quality}${shownAt}</td><td>${e(netText(x.net, l)) || '—'}</td><td>${e(x.note[l])}${procedures}</td></tr>`;
  };
  // A line of chat is free text from a trainee or the trainer: escaped like every other string, shown across the last three columns.
  const chatLine = (c: ChatRow) => `<tr class="chat"><td class="n">${time(c.at)}</td><td>${e(c.who)}</td><td>${t('report.chat')} · ${e(c.channel)}</td><td colspan="3">${e(c.text)}</td></tr>`;
  const rows = byClock<{ at: number; html: string }>(
    d.decisions.map((x) => ({ at: x.at, html: decision(x) })),
    chatRowsOf(record.inputs, d.posts, l).map((c) => ({ at: c.at, html: chatLine(c) })),
  );
  const timeline = `<p class="muted">${t('report.chartCaption')}</p><div class="charts">${scoreChartsSvg(d, l)}</div>
<table class="grid decisions"><thead><tr><th class="n">${t('report.time')}</th><th>${t('report.who')}</th><th>${t('report.situation')}</th><th>${t('report.choice')}</th><th>${t('report.effects')}</th><th>${t('report.note')}</th></tr></thead><tbody>
${rows.map((r) => r.html).join('\n')}
</tbody></table>`;

  const annex = `<table class="grid changes"><thead><tr><th class="n">${t('report.time')}</th><th>${t('report.cause')}</th></tr></thead><tbody>
${d.changes.map((c) => `<tr><td class="n">${time(c.at)}</td><td>${e(describeChain(c.chain, l))}</td></tr>`).join('\n')}
</tbody></table>`;

  return `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('report.title')} · ${e(d.scenario.title[l])}</title>
<style>${STYLE}
body { font-family: ${fontStackFor(l)}; }</style></head>
<body><header><div class="tools"><span class="noprint">${t('report.downloads')}: <a href="${e(page.links.csv)}">${t('report.csv')}</a> · <a href="${e(page.links.json)}">${t('report.json')}</a> · <a href="${e(page.links.otherLanguage)}">${t('report.otherLanguage')}</a> · ${t('report.print')}: Ctrl+P</span></div>
<h1>${t('report.title')}</h1><p class="subtitle">${e(d.scenario.title[l])} · ${e(date)}</p></header>
<section><h2>${t('report.overview')}</h2>${overview}</section>
<section><h2>${t('report.objectives')}</h2>${objectives}</section>
<section><h2>${t('report.strengths')}</h2>${list(d.strengths)}</section>
<section><h2>${t('report.improvements')}</h2>${list(d.improvements)}</section>
<section><h2>${t('report.survey')}</h2>${survey}</section>
<section><h2>${t('report.plan')}</h2>${plan}</section>
<section><h2>${t('report.timeline')}</h2>${timeline}</section>
<section><h2>${t('report.changes')}</h2>${annex}</section>
</body></html>`;

  function quotes(items: SurveySummary['wentWell']): string {
    if (items.length === 0) return `<p>${t('debrief.none')}</p>`;
    return `<ul class="quotes">${items.map((q) => `<li>“${e(q.text)}” <span class="muted">— ${e(q.name)}</span></li>`).join('')}</ul>`;
  }
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { color: #1d2b45; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #0e3f52; }
h2 { font-size: 13pt; border-bottom: 2px solid #0e7c7b; padding-bottom: 1mm; margin: 7mm 0 3mm; color: #0e3f52; break-after: avoid; }
h3 { font-size: 11pt; margin: 2mm 0; }
.subtitle, .muted { color: #5a6a88; }
.subtitle { margin: 0 0 4mm; font-size: 12pt; }
.tools { font-size: 9pt; margin-bottom: 3mm; }
a { color: #0e7c7b; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2mm 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1.3mm 1.6mm; overflow-wrap: anywhere; word-break: break-word; }
table.grid th { background: #e6ecf3; font-weight: 600; }
table.grid td, table.grid th { border: 0.5pt solid #c3ccda; }
table.facts th { width: 28mm; color: #5a6a88; font-weight: 600; }
thead { display: table-header-group; }
tr, li.finding, figure.chart, .proc { break-inside: avoid; }
td.n, th.n { width: 17mm; white-space: nowrap; }
th.date, td.date { width: 24mm; }
table.decisions td:nth-child(2) { width: 16%; }
ul.parts { margin: 0; padding-left: 1.1em; }
ul.parts li { margin: 0 0 2px; }
table.decisions th:nth-child(3), table.decisions th:nth-child(4), table.decisions th:nth-child(6) { width: 21%; }
table.decisions th:nth-child(5) { width: 14%; }
table.changes { font-size: 9pt; }
tr.chat td { background: #f4f7fa; overflow-wrap: anywhere; }
.rating { font-weight: 700; text-align: center; }
.r-P { color: #2d7d4a; } .r-S { color: #8a6d00; } .r-M { color: #b85c00; } .r-U { color: #b83232; } .r-na { color: #8a99b3; }
.q { font-size: 8.5pt; padding: 0 1.2mm; border-radius: 2mm; white-space: nowrap; }
.q-best, .q-good { background: #dff1e5; color: #2d7d4a; } .q-poor { background: #fbefd5; color: #8a5a00; } .q-bad { background: #f8dddd; color: #a82c2c; }
.proc { margin-top: 1mm; font-size: 9pt; color: #4a5a78; }
ol.findings { padding-left: 6mm; margin: 0; } li.finding { margin-bottom: 2.5mm; }
ul.evidence { margin: 0.5mm 0 0; padding-left: 5mm; color: #4a5a78; font-size: 9.5pt; }
.owner { color: #5a6a88; font-weight: normal; }
.legend { font-size: 8.5pt; color: #5a6a88; }
.warn { background: #fbefd5; padding: 2mm; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
ul.quotes { padding-left: 5mm; margin: 0; } ul.quotes li { margin-bottom: 1.5mm; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; margin-bottom: 3mm; }
figure.chart { margin: 0; } figure.chart svg { width: 100%; height: auto; display: block; }
svg .axis { font-size: 8px; fill: #5a6a88; } svg .chart-title { font-size: 10px; font-weight: 700; }
.mono { font-family: ui-monospace, monospace; font-size: 9pt; }
@media print { .noprint { display: none; } body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
