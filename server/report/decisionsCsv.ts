import { stringify } from 'csv-stringify/sync';
import type { Debrief } from '../../shared/debrief/schema.js';
import type { Locale } from '../../shared/i18n/text.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import { DIMENSIONS } from '../../shared/scores/dimensions.js';
import { describeChain } from '../../shared/debrief/describeChain.js';
import type { DrillInput } from '../../shared/protocol/intents.js';
import { byClock, chatRowsOf, type ChatRow } from './chatRows.js';

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** The columns of the decisions CSV, in order; the dimension columns hold each decision's net change. */
export const CSV_COLUMNS = ['seq', 'time', 'kind', 'post', 'who', 'by', 'situation', 'choice', 'position', 'shown', 'reply', 'quality', 'note', ...DIMENSIONS, 'causes'] as const;

/**
 * Free text that a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe in
 * front, which spreadsheets take as "this is text": a trainee's chat line must not become a formula.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Every decision of the drill (answers, memos, and people nobody answered), one row each, in the
 * report's language: RFC 4180 quoting (csv-stringify), CRLF line ends, and a BOM. Lines of team
 * chat from the log come in among them by clock time, `kind` "chat": no `seq` (they are not
 * decisions), the channel as `situation`, the text as `choice`, and no score columns.
 */
export function decisionsCsv(debrief: Debrief, locale: Locale, inputs: readonly DrillInput[] = []): string {
  const changes = new Map(debrief.changes.map((c) => [c.seq, c]));
  const decisions = debrief.decisions.map((d) => ({ at: d.at, row: decisionRow(d) }));
  const chat = chatRowsOf(inputs, debrief.posts, locale).map((c) => ({ at: c.at, row: chatRow(c) }));
  const rows = byClock(decisions, chat).map((r) => r.row);
  return BOM + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_string: false });

  function chatRow(c: ChatRow): string[] {
    const cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = { time: formatClockTime(c.at), kind: 'chat', post: c.post ?? '', who: inert(c.who), by: c.by, situation: c.channel, choice: inert(c.text) };
    return CSV_COLUMNS.map((col) => cells[col] ?? '');
  }

  function decisionRow(d: Debrief['decisions'][number]): (string | number)[] {
    return [
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
    ];
  }
}
