import { DIMENSION_COLORS, stepPoints } from '../../shared/debrief/chartPalette.js';
import type { Debrief } from '../../shared/debrief/schema.js';
import type { Locale } from '../../shared/i18n/text.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import { escapeHtml } from './escapeHtml.js';

const W = 330;
const H = 130;
const PAD = { left: 28, right: 34, top: 22, bottom: 20 };

/** Small multiples, one inline SVG per dimension: prints sharp and needs no script or font file. */
export function scoreChartsSvg(debrief: Debrief, locale: Locale): string {
  const start = debrief.clock.start;
  const end = Math.max(debrief.ending.at, start + 60);
  const x = (at: number) => PAD.left + ((at - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / 100) * (H - PAD.top - PAD.bottom);
  return debrief.dimensions
    .map((d) => {
      const color = DIMENSION_COLORS[d.dim];
      const line = stepPoints(d.points).map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
      const grid = [0, 50, 100]
        .map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d9dee8" stroke-width="0.6"/><text x="${PAD.left - 4}" y="${y(v) + 3}" text-anchor="end" class="axis">${v}</text>`)
        .join('');
      const last = d.points.at(-1)!;
      return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(d.label[locale])}">
<text x="${PAD.left}" y="14" class="chart-title" fill="${color}">${escapeHtml(d.label[locale])} · ${d.baseline} → ${d.final}</text>${grid}
<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(d.baseline)}" y2="${y(d.baseline)}" stroke="${color}" stroke-dasharray="3 3" stroke-width="0.8" opacity="0.6"/>
<polyline points="${line}" fill="none" stroke="${color}" stroke-width="1.8"/>
<circle cx="${x(last.at)}" cy="${y(last.value)}" r="2.5" fill="${color}"/><text x="${x(last.at) + 5}" y="${y(last.value) + 3}" class="axis" fill="${color}">${last.value}</text>
<text x="${PAD.left}" y="${H - 5}" class="axis">${formatClockTime(start)}</text><text x="${W - PAD.right}" y="${H - 5}" text-anchor="end" class="axis">${formatClockTime(end)}</text>
</svg></figure>`;
    })
    .join('\n');
}
