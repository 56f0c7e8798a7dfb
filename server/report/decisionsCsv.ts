import { stringify } from 'csv-stringify/sync';
import type { Debrief } from '../../shared/debrief/schema.js';
import type { Locale } from '../../shared/i18n/text.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import { DIMENSIONS } from '../../shared/scores/dimensions.js';
import { describeChain } from '../../shared/debrief/describeChain.js';

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** The columns of the decisions CSV, in order; the dimension columns hold each decision's net change. */
export const CSV_COLUMNS = ['seq', 'time', 'kind', 'post', 'who', 'by', 'situation', 'choice', 'position', 'shown', 'reply', 'quality', 'note', ...DIMENSIONS, 'causes'] as const;

/**
 * Every decision of the drill (answers, memos, and people nobody answered), one row each, in the
 * report's language: RFC 4180 quoting (csv-stringify), CRLF line ends, and a BOM.
 */
export function decisionsCsv(debrief: Debrief, locale: Locale): string {
  const changes = new Map(debrief.changes.map((c) => [c.seq, c]));
  const rows = debrief.decisions.map((d) => [
    d.seq,
    formatClockTime(d.at),
    d.kind,
    d.post ?? '',
    d.who?.[locale] ?? '',
    d.by ?? '',
    d.situation[locale],
    d.choice[locale],
    // Where the answer was among the options as shown (1 = first), and how many were shown.
    d.position ?? '',
    d.shown?.length ?? '',
    d.reply?.[locale] ?? '',
    d.quality ?? '',
    d.note[locale],
    ...DIMENSIONS.map((dim) => d.net[dim] ?? 0),
    d.scoreChanges.map((seq) => describeChain(changes.get(seq)!.chain, locale)).join('\n'),
  ]);
  return BOM + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_string: false });
}
