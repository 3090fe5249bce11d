// Turning a stretch of the token stream (the text between two row labels) into value chunks.
import type { CellKind } from '../codes.ts';
import { COUNT_UNIT, NO_CHANGE_WORDS, SIGN_DOWN, SIGN_UP, type Stream, tokenAt, isSingleValue } from './blocks.ts';
import { EMPTY, EMPTY_WEAK } from './readers/pdfgrid.ts';

/**
 * A run of printed value text. A splittable chunk is a digit string that may hold several
 * glued numbers; a hard cell or a decimal/unit/signed number is one value.
 */
export interface Chunk {
  kind: CellKind;
  digits: string;
  splittable: boolean;
  sign?: '+' | '-';
  frac?: string;
  unit?: '元' | '万元';
  raw: string;
  loc: string;
  /** separated from the previous chunk only by spaces inside one text line (a soft boundary) */
  softAfterPrev: boolean;
  /** a blank that may be padding of a text dump (dropped when a row has too many cells) */
  weak?: boolean;
  /** `||` in a text dump: a spanned cell's padding, not a cell (readers/bars.ts) */
  bare?: boolean;
  /** a blank that is certainly a cell of the row (never dropped as layout) */
  sure?: boolean;
  /** read from a rectangular table, where a row's values are its rightmost cells */
  aligned?: boolean;
  /** an empty line read as an empty cell, which may be mere spacing */
  spacing?: boolean;
  /** a blank the PDF layout shows (no text at that column and line): a guess from positions; only blanks carry it */
  layoutBlank?: boolean;
  /** the previous chunk ended a line of text and this one starts the next: a number may have been
   * wrapped in two (`136` / `2`), so the solver may join them when no reading fits otherwise */
  wrapAfterPrev?: boolean;
}

const CJK = /[\u3400-\u9fff]/u;
const DAMAGE = /[\ufffd\u0000\u0002-\u0008\u000e-\u001f\u007f]/u;
const WORDS_AFTER_DIGITS = /\d[^\n]*?[\u3400-\u9fff]{2,}/u;
// Bracketed annotations that carry words (区分处理的…, 单位：万元, 指2019年事项数) are label text.
const ANNOTATION = /[(（][^()（）]*[\u3400-\u9fff][^()（）]*[)）]/gu;
const CELL_VALUE = new RegExp(`^([+-])?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万元|元|${COUNT_UNIT}|%)?$`, 'u');
// A number with a note after it (`5（注）`, `3*`): a cell of the row that cannot be read as it
// stands, never a label cell to skip (that would shift the row's later values into its cells).
const NUMBER_NOTE = /^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:[（(][^）)]{0,12}[）)]|[*※]|注\d*)$/u;
// OCR's digit look-alikes (O for 0, l or I for 1) in a number: a cell of the row that cannot be read
// as printed. Dropped as text, its row's later values would move into its cell; read as the digits
// before it (`6l` as 6), a number would silently change.
/** Where a whitespace-delimited word of digits and look-alikes with at least one look-alike ends, else -1. */
function ocrWordEnd(s: string, i: number): number {
  let j = i;
  let lookalike = false;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) continue;
    if (c === 79 || c === 111 || c === 73 || c === 108) lookalike = true; // O o I l
    else break;
  }
  return lookalike && (j === s.length || /\s/u.test(s[j]!)) ? j : -1;
}
// A sign word before its number (`增5`, `减少3`, at a cell's or a word's start) is the sign.
// (a flipbook's space between Chinese and digits may stand between them)
const SIGN_WORDS = new RegExp(`(^|[\\s|\u0001])(?:(${SIGN_UP})|(?:${SIGN_DOWN}))[ \\t]?(?=\\d)`, 'gu');
// `未增未减` (no change) in the 本年增/减 column is a change of 0
const NO_CHANGE = new RegExp(`(^|[\\s|\u0001])(?:${NO_CHANGE_WORDS})(?=[\\s|\u0001]|$)`, 'gu');
const signWords = (s: string) =>
  s.includes('增') || s.includes('减') || s.includes('下降') ? s.replace(NO_CHANGE, '$10').replace(SIGN_WORDS, (_, pre: string, up: string | undefined) => `${pre}${up ? '+' : '-'}`) : s;
const SPACED_DIGITS = /^\s*\d(?: \d)+\s*$/u;
const UNIT_WORD = new RegExp(`^(?:万元|${COUNT_UNIT})$`, 'u');
const VALUE = /([+-])?(\d+)(?:\.(\d+))?\s*(万元|元)?/uy;
// A number with thousands separators, standing alone between spaces or label text.
const GROUPED = /([+-])?(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?\s*(万元|元)?(?![\d,])/uy;

// the first characters of the marker words below (slash, dash, underscore)
const MARKER_START = /[/／\\\-—–－_＿]/u;

function markerKind(word: string, inCell: boolean): CellKind | null {
  if (/^[/／\\]$/u.test(word)) return 'slash';
  // (`_`: a blank printed as an underscore, as some CMS templates fill empty cells)
  if (/^(?:[-—–－]+|[_＿]+)$/u.test(word)) return 'dash';
  // 无 in free text is more often a piece of a wrapped label (（四）无 / 法提供) than a value
  if (inCell && word === '无') return 'none_word';
  return null;
}

/**
 * A cell that the printed values of its row could not settle (ambiguous, unsatisfiable): NULL and
 * `unreadable`, with the row's printed run as its text and where that run was read, so that a
 * reviewer can find it (xxgk review).
 */
export function unsureCell(chunks: readonly Chunk[]): { value: null; kind: 'unreadable'; raw: string; loc: string } {
  return { value: null, kind: 'unreadable', raw: chunks.map((c) => c.raw).filter((r) => r !== '').join(' '), loc: chunks.find((c) => c.loc !== '')?.loc ?? '' };
}

/** Parse one hard cell (or one single-value line) as one chunk. */
export function cellChunk(text: string, loc: string): Chunk {
  const t = signWords(text.trim());
  if (t === '') return { kind: 'blank', digits: '', splittable: false, raw: '', loc, softAfterPrev: false };
  const marker = markerKind(t, true);
  if (marker) return { kind: marker, digits: '', splittable: false, raw: t, loc, softAfterPrev: false };
  // 3,985,758: a thousands separator is only taken as such in groups of exactly three digits
  const m = CELL_VALUE.exec(t);
  if (!m) return { kind: 'unreadable', digits: '', splittable: false, raw: t, loc, softAfterPrev: false };
  const unit = m[4] === '元' || m[4] === '万元' ? m[4] : undefined;
  return {
    kind: 'number',
    digits: m[2]!.replaceAll(',', ''),
    splittable: false,
    sign: m[1] as '+' | '-' | undefined,
    frac: m[3],
    unit,
    raw: t,
    loc,
    softAfterPrev: false,
  };
}

/** Scan free text (label tails, glued runs, space-separated rows) for value chunks. */
export function textChunks(text: string, loc: string): Chunk[] {
  const out: Chunk[] = [];
  // annotations become a hard boundary (not a space, which would make a soft one)
  const s = signWords(text.replace(ANNOTATION, '\u0001'));
  let i = 0;
  let gapIsSoft = false; // only spaces since the previous chunk
  while (i < s.length) {
    // label text (a CJK ideograph) starts nothing below: no number, marker, look-alike or empty mark
    const code = s.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) {
      gapIsSoft = false;
      i++;
      continue;
    }
    const ch = s[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === EMPTY || ch === EMPTY_WEAK) {
      // a cell the PDF layout shows is empty (readers/pdfgrid.ts)
      out.push({ kind: 'blank', digits: '', splittable: false, raw: '', loc, softAfterPrev: false, layoutBlank: true, ...(ch === EMPTY_WEAK ? { weak: true } : { sure: true }) });
      i++;
      gapIsSoft = false;
      continue;
    }
    // (also right after a label's last character: PDF text loses the space there, `数量OO 0`)
    const ocrEnd = i === 0 || /\s/u.test(s[i - 1]!) || CJK.test(s[i - 1]!) ? ocrWordEnd(s, i) : -1;
    if (ocrEnd > 0) {
      out.push({ kind: 'unreadable', digits: '', splittable: false, raw: s.slice(i, ocrEnd), loc, softAfterPrev: false });
      i = ocrEnd;
      gapIsSoft = false;
      continue;
    }
    GROUPED.lastIndex = i;
    const grouped = i === 0 || !/[\d,]/u.test(s[i - 1]!) ? GROUPED.exec(s) : null;
    if (grouped) {
      out.push({
        kind: 'number',
        digits: grouped[2]!.replaceAll(',', ''),
        splittable: false,
        sign: grouped[1] as '+' | '-' | undefined,
        frac: grouped[3],
        unit: grouped[4] as '元' | '万元' | undefined,
        raw: grouped[0].trim(),
        loc,
        softAfterPrev: false,
      });
      i += grouped[0].length;
      gapIsSoft = false;
      continue;
    }
    VALUE.lastIndex = i;
    const m = VALUE.exec(s);
    // a sub-row's item number (`6.属…`, `2、其他…`): label text, not a value. Glued to the value
    // before it (`02.其他法律…` in a flattened crawl) only its last digit is (item numbers are 1-8).
    const after = m ? i + m[0].length : -1;
    // (or its replacement character: `3.\ufffd`, a file cut inside the label's first character)
    if (m && m[1] === undefined && m[3] === undefined && m[4] === undefined && /[.．、]/u.test(s[after] ?? '') && (CJK.test(s[after + 1] ?? '') || s[after + 1] === '\ufffd')) {
      const value = m[2]!.slice(0, -1);
      if (value !== '') out.push({ kind: 'number', digits: value, splittable: true, raw: value, loc, softAfterPrev: gapIsSoft && out.length > 0 });
      i = after + 1;
      gapIsSoft = false;
      continue;
    }
    // a number touching a replacement or control character (`3\ufffd`, `1\u00008`: a byte of the
    // file damaged or mis-decoded) may have lost a digit there: unreadable, not the digits left
    // (\u0001 is this reader's own mark for an annotation, `5（注）`)
    const hurtBefore = m !== null && i > 0 && DAMAGE.test(s[i - 1]!);
    const hurtAfter = m !== null && after < s.length && DAMAGE.test(s[after]!);
    if (hurtBefore || hurtAfter) {
      out.push({ kind: 'unreadable', digits: '', splittable: false, raw: s.slice(hurtBefore ? i - 1 : i, hurtAfter ? after + 1 : after), loc, softAfterPrev: false });
      i = hurtAfter ? after + 1 : after;
      gapIsSoft = false;
      continue;
    }
    // A '-' touching the digits after it signs them, also glued to a previous value (`1-10`: the
    // 2019 本年增/减 column); alone it is a marker or a dash.
    if (m) {
      const hasSign = m[1] !== undefined;
      const frac = m[3];
      const unit = m[4] as '元' | '万元' | undefined;
      out.push({
        kind: 'number',
        digits: m[2]!,
        splittable: true,
        sign: m[1] as '+' | '-' | undefined,
        frac,
        unit,
        raw: m[0].trim(),
        loc,
        softAfterPrev: gapIsSoft && out.length > 0 && !hasSign,
      });
      i += m[0].length;
      gapIsSoft = true;
      continue;
    }
    // a whitespace-delimited marker word (the word is cut out only where one may start: at every
    // character of a long label it made the scan quadratic)
    if (MARKER_START.test(ch) && (i === 0 || /\s/u.test(s[i - 1]!))) {
      const word = /^\S+/u.exec(s.slice(i))?.[0] ?? ch;
      const marker = markerKind(word, false);
      if (marker) {
        out.push({ kind: marker, digits: '', splittable: false, raw: word, loc, softAfterPrev: false });
        i += word.length;
        gapIsSoft = false;
        continue;
      }
    }
    // any other character (label text, punctuation) is a hard boundary
    gapIsSoft = false;
    i++;
  }
  return out;
}

/**
 * The chunks of a row: numbers printed inside its label first, then those after it. In a real
 * grid only the cells of the label's own grid row count: the empty cells of a following group
 * row (（三）不予公开 with nothing beside it) are not this row's blanks.
 */
export function rowChunks(stream: Stream, anchor: { end: number; inner: string[] }, to: number, loc = ''): Chunk[] {
  const chunks = [...anchor.inner.flatMap((t) => textChunks(t, loc)), ...regionChunks(stream, anchor.end, to, true)];
  if (!chunks.some((c) => c.spacing)) return chunks;
  // A row printed on its label's line (`行政事业性收费00`): the empty lines after it are spacing, not
  // its blank cells (`31` then an empty line is no 31 and a blank).
  const line = anchor.end > 0 ? stream.tokens[tokenAt(stream, anchor.end - 1)]?.line : undefined;
  const values = chunks.filter((c) => !c.spacing);
  return line !== undefined && values.length > 0 && values.every((c) => c.loc === line) ? values : chunks;
}

/**
 * Chunks of the stream between offsets [from, to). Hard tokens wholly inside are cells;
 * label cells (words) are skipped; partial tokens and free text are scanned for values.
 */
export function regionChunks(stream: Stream, from: number, to: number, oneGridRow = false): Chunk[] {
  const out: Chunk[] = [];
  if (to <= from) return out;
  const first = tokenAt(stream, from);
  // the label's own grid row; a label printed outside the grid (a `###` heading over a one-row
  // table) takes the values of the rows below it
  let gridRow: string | undefined;
  let goesOn = false;
  if (oneGridRow && stream.tokens[first]!.gridRow === undefined) oneGridRow = false;
  // the last chunk so far ended a line of running text (and, with a dot after it, a cut decimal)
  let lineEnd = false;
  let cutDecimal = false;
  for (let k = first; k < stream.tokens.length; k++) {
    const tok = stream.tokens[k]!;
    if (tok.start >= to) break;
    if (oneGridRow && tok.gridRow !== undefined) {
      gridRow ??= tok.gridRow;
      // (a one-cell row of the dump after them, `| 25 |`, goes on too, up to any label words)
      if (tok.gridRow !== gridRow && !(goesOn && !CJK.test(tok.text))) {
        goesOn = false;
        continue;
      }
    } else if (oneGridRow && gridRow !== undefined) {
      // text after the grid (`第3页` between two parts of a table split at a page break) is not
      // the row's; a dump's cells printed one per line after the label's row (`label | 25 |`,
      // then `|` lines) are the rest of it
      if (!tok.lineCell || CJK.test(tok.text)) {
        goesOn = false;
        continue;
      }
      goesOn = true;
    }
    const a = Math.max(from, tok.start);
    const b = Math.min(to, tok.start + tok.text.length);
    const whole = a === tok.start && b === tok.start + tok.text.length;
    // a whole line of text after the row's own, with words after its digits, is not the row's
    // values: a running page header (`…2023年政府信息公开工作年度报告`), spam, a note
    // (a value with its unit, `18.3万元`, is a value)
    if (whole && !tok.grid && k > first && WORDS_AFTER_DIGITS.test(tok.text) && !isSingleValue(tok.text)) continue;
    if (tok.prose && b > a) {
      const piece = stream.text.slice(a, b);
      const got = tok.hard && whole ? [cellChunk(tok.text, tok.loc)] : textChunks(piece, tok.loc);
      const prev = out[out.length - 1];
      const head = got[0];
      // `192.` at a line's end and `0` at the next one's start: a decimal cut by the wrap
      if (prev && head && cutDecimal && head.kind === 'number' && !head.sign && !head.frac && piece.trimStart().startsWith(head.raw)) {
        out[out.length - 1] = { ...prev, frac: head.digits, unit: head.unit, splittable: false, raw: `${prev.raw}.⏎${head.raw}` };
        got.shift();
      } else if (prev && head && lineEnd && (prev.kind === 'number' || prev.kind === 'unreadable') && head.kind === 'number' && !prev.unit && !head.sign && !(prev.frac && head.frac) && piece.trimStart().startsWith(head.raw)) {
        got[0] = { ...head, wrapAfterPrev: true };
      }
      out.push(...got);
      const last = got[got.length - 1];
      lineEnd = last !== undefined && piece.trimEnd().endsWith(last.raw);
      cutDecimal = last !== undefined && last.kind === 'number' && !last.frac && !last.unit && piece.trimEnd().endsWith(`${last.raw}.`);
      continue;
    }
    lineEnd = false;
    cutDecimal = false;
    if (tok.hard && whole) {
      // the cell with what the reader knows of its place (padding, rightmost in a rectangular grid)
      const cell = () => (tok.weak || tok.sure || tok.aligned ? { ...cellChunk(tok.text, tok.loc), weak: tok.weak, sure: tok.sure, aligned: tok.aligned, spacing: tok.spacing, ...(tok.bare ? { bare: true } : {}) } : cellChunk(tok.text, tok.loc));
      if (tok.text.trim() === '' || isSingleValue(tok.text, tok.grid || tok.lineCell)) out.push(cell());
      // one cell of a grid or bar row holds one value: digits spaced out (`1 9 2`, PDF letter-spacing)
      // are one run, which the row's arithmetic may still split where a cell was merged
      else if ((tok.grid || tok.lineCell) && SPACED_DIGITS.test(tok.text)) out.push({ ...cell(), kind: 'number', digits: tok.text.replace(/\s+/gu, ''), splittable: true, raw: tok.text.trim() });
      else if (!CJK.test(tok.text)) out.push(...(/^\S*[A-Za-z]\S*$/u.test(tok.text.trim()) ? [cell()] : textChunks(tok.text, tok.loc))); // `O`, `6l`, `N/A`: unreadable, flagged
      else if (NUMBER_NOTE.test(tok.text.trim())) out.push(cell()); // unreadable: flagged
      // a hard cell with words is a label cell: skip it
      continue;
    }
    if (b > a) out.push(...textChunks(stream.text.slice(a, b), tok.loc));
  }
  return out;
}

/**
 * The offset after the padding that follows `pos` on the same printed line: the bars a text dump
 * prints after a header row's last word are not the first cells of the values below it.
 */
export function skipLinePadding(stream: Stream, pos: number): number {
  if (pos <= 0) return pos;
  let k = tokenAt(stream, pos - 1);
  const line = stream.tokens[k]!.line;
  let end = pos;
  for (k++; k < stream.tokens.length; k++) {
    const tok = stream.tokens[k]!;
    if (!tok.weak || tok.line !== line) break;
    end = tok.start + tok.text.length + 1; // past its '\n'
  }
  return end;
}

const YEAR = /(?<![\d.])(?:19|20)\d\d\s*年/gu;

/**
 * Where the value text after a table's last label stops: at the first words after a value, or at
 * a year (`2025年`, a page's next heading or date cut short). A digit inside a label cell of a
 * grid (`数据1`, a placeholder header) is not a value.
 */
export function cutAfterValues(stream: Stream, from: number, to: number): number {
  const text = stream.text;
  const digit = /\d/gu;
  digit.lastIndex = from;
  let d = digit.exec(text);
  while (d && d.index < to) {
    const tok = stream.tokens[tokenAt(stream, d.index)]!;
    if (!(tok.hard && CJK.test(tok.text))) break;
    digit.lastIndex = tok.start + tok.text.length;
    d = digit.exec(text);
  }
  if (!d || d.index >= to) return to;
  const words = /[\u3400-\u9fff]{2,}/gu;
  words.lastIndex = d.index;
  let w = words.exec(text);
  // a two-character unit after a number (`9人次`) is part of the value, not the words after it
  while (w && w.index < to && UNIT_WORD.test(w[0]) && /\d\s*$/u.test(text.slice(Math.max(0, w.index - 3), w.index))) w = words.exec(text);
  const end = w && w.index < to ? w.index : to;
  // (looked for only up to those words, whose first may be its 年: a search to the end of the
  // text would rescan it for every row)
  YEAR.lastIndex = d.index;
  const y = YEAR.exec(end + 1 < text.length ? text.slice(0, end + 1) : text);
  return y && y.index < end ? y.index : end;
}
