/**
 * Line breaking for mixed Chinese and Latin text. Phaser's word wrap only breaks at spaces, so a
 * Chinese sentence (which has none) would run off the box. Here Chinese breaks between any two
 * characters, Latin words stay whole, and basic kinsoku holds: no line starts with closing
 * punctuation and no line ends with opening punctuation (the character before is carried down).
 */

export type Measure = (text: string) => number;

/** Punctuation that must not begin a line (it closes or follows what came before). */
export const NO_LINE_START = new Set([...'，。、；：！？）」』”’》〉】〕…—·～%,.;:!?)]}']);
/** Punctuation that must not end a line (it opens what comes after). */
export const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{']);

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Splits text into the smallest pieces a line may break between. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of paragraph) {
    if (ch === ' ' || ch === '\t') {
      flush();
      out.push(' ');
    } else if (CJK.test(ch) || NO_LINE_START.has(ch) || NO_LINE_END.has(ch)) {
      flush();
      out.push(ch);
    } else {
      word += ch;
    }
  }
  flush();
  return out;
}

/** Glues punctuation to its neighbour so that a break can never fall on the wrong side of it. */
function units(paragraph: string): string[] {
  const out: string[] = [];
  let openPending = '';
  for (const token of tokens(paragraph)) {
    const last = out.length - 1;
    if (NO_LINE_END.has(token)) {
      openPending += token;
    } else if (openPending) {
      out.push(openPending + token);
      openPending = '';
    } else if (NO_LINE_START.has(token) && last >= 0 && out[last] !== ' ') {
      out[last] += token;
    } else {
      out.push(token);
    }
  }
  if (openPending) out.push(openPending);
  return out;
}

/** Breaks one unit that is wider than the line by characters (a URL, a very long word). */
function splitLong(unit: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of unit) {
    if (current && measure(current + ch) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Wraps text to lines no wider than maxWidth (as measured), keeping explicit line breaks. */
export function wrapCjk(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const unit of units(paragraph)) {
      if (unit === ' ') {
        if (line) line += ' ';
        continue;
      }
      if (measure(line + unit) <= maxWidth) {
        line += unit;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (measure(unit) <= maxWidth) {
        line = unit;
      } else {
        const pieces = splitLong(unit, maxWidth, measure);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export const ELLIPSIS = '…';

/**
 * Keeps at most maxLines lines; when text is cut, the last kept line ends in an ellipsis that
 * fits the width, so a reader can tell a name or a sentence goes on.
 */
export function clampLines(lines: string[], maxLines: number, maxWidth: number, measure: Measure): string[] {
  if (maxLines <= 0 || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = [...kept[maxLines - 1]!];
  while (last.length > 0 && measure(last.join('').trimEnd() + ELLIPSIS) > maxWidth) last.pop();
  kept[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS;
  return kept;
}
