// Table 4 (administrative review and litigation): one row of 15 numbers in a fixed order.
import { type T4Col, type T4Group, T4_COLS, T4_GROUPS } from '../codes.ts';
import type { Stream } from './blocks.ts';
import { cutAfterValues, regionChunks, skipLinePadding, unsureCell } from './cells.ts';
import { firstMatch } from './labels.ts';
import { resolveUnits } from './resolve.ts';
import { afterTable4 } from './sections.ts';
import type { Flag, Grid, TableResult } from './result.ts';
import { gluedProof, readRow } from './readrow.ts';
import { GROUP_SUMS, WINDOWS, rowCanHold } from './spec.ts';
import { T4_HEADER_WORDS, TABLE_SPECS, spacedWords } from './tablespec.ts';
import type { Value } from './segment.ts';

export interface Table4 extends TableResult<T4Group, T4Col> {
  found: boolean;
}

const COLS = TABLE_SPECS.t4.f2021.columns('cases');
// Header words of table 4; the values start after the last of them.
const HEADER = spacedWords(T4_HEADER_WORDS);
// a header printed one or two characters per line (PDF columns, flipbooks: `结 结 其 尚` / `果 果 他 未` /
// `维 纠 结 审` / `持 正 果 结`) is only the characters of its words, and spacing, up to the first value
const HEADER_CHARS_ONLY = new RegExp(`^[\\s${[...new Set([...T4_HEADER_WORDS.join(''), ...'结果维持纠正其他尚未审结总计'])].join('')}]*$`, 'u');

/** V4.1 (spec.ts) on a reading of the fifteen cells in order. */
function groupsOk(v: Value[]): boolean {
  const values = v.map((x) => x.value);
  return GROUP_SUMS.every((g) => rowCanHold(values, g.total, g.parts));
}

/**
 * The table's header: a 行政复议 followed by the header words (维持, 纠正 …) up to the first value.
 * A 行政复议 in prose before the table (`未发生…被申请行政复议的情况`, `行政复议0件`) has no header
 * words before its first digit, so the search moves on to the next one.
 */
function locateHeader(text: string, after: number): { start: number; valuesFrom: number } | null {
  for (let head = firstMatch(text, ['行政复议'], after); head; head = firstMatch(text, ['行政复议'], head.end)) {
    const d = /\d/gu;
    d.lastIndex = head.end;
    const firstDigit = d.exec(text)?.index ?? text.length;
    let valuesFrom = head.end;
    HEADER.lastIndex = head.end;
    for (let m = HEADER.exec(text); m && m.index < firstDigit; m = HEADER.exec(text)) valuesFrom = m.index + m[0].length;
    if (valuesFrom > head.end && HEADER_CHARS_ONLY.test(text.slice(valuesFrom, firstDigit))) valuesFrom = firstDigit;
    const words = text.slice(head.start, valuesFrom);
    if (valuesFrom - head.end <= WINDOWS.t4Header && /维/u.test(words) && /纠|审/u.test(words)) return { start: head.start, valuesFrom };
    if (head.start - after > WINDOWS.t4AfterTable3) break;
  }
  return null;
}

const SUB_HEADING = /[（(][一二三四五六七八九十][）)]/gu;

/** `gluedBefore`: table 3 of the same report proved its digits glued. */
export function extractTable4(stream: Stream, after: number, gluedBefore = false): Table4 {
  const text = stream.text;
  const none: Table4 = { found: false, cells: {}, flags: [], notes: [] };
  const header = locateHeader(text, after);
  if (!header) return none;
  const valuesFrom = skipLinePadding(stream, header.valuesFrom);
  // Table 4 ends at section 五 when that follows closely (its values may be split over two header
  // blocks), else, or when that reading fails, at the first words after the values.
  // A sub-heading (`（一）2024 年工作中存在问题…`, under a section 五 heading the crawl lost) ends
  // the table too: table 4 has none.
  SUB_HEADING.lastIndex = valuesFrom;
  const limit = SUB_HEADING.exec(text)?.index ?? text.length;
  const next = afterTable4(text, valuesFrom);
  const heading = next === null ? (limit < text.length ? limit : null) : Math.min(next, limit);
  const cut = cutAfterValues(stream, valuesFrom, limit);
  const ends = heading !== null && heading - valuesFrom < WINDOWS.t4ValuesToSection5 && heading !== cut ? [heading, cut] : [cut];
  const read = (end: number) => {
    const chunks = regionChunks(stream, valuesFrom, end);
    return { ...readRow(chunks, COLS.length, groupsOk, 'the group totals', gluedBefore || chunks.some(gluedProof)), chunks };
  };
  let reading = read(ends[0]!);
  if (reading.flag && ends.length > 1) {
    const second = read(ends[1]!);
    if (!second.flag) reading = second;
  }
  const flags: Flag[] = [];
  const { candidates, flag, note, chunks } = reading;
  if (flag) flags.push({ cell: 't4', ...flag });
  const res = resolveUnits('t4', [{ key: 'cases', cols: COLS, candidates, rowOk: groupsOk }]);
  const got = res.cells.get('cases');
  const cells: Grid<T4Group, T4Col> = {};
  T4_GROUPS.forEach((g, gi) => {
    cells[g] = {};
    T4_COLS.forEach((c, ci) => {
      cells[g]![c] = got?.[gi * 5 + ci] ?? unsureCell(chunks);
    });
  });
  // resolveUnits names cells t4.cases.<group>.<col>; the contract key is t4.<group>.<col>
  const renamed = res.flags.map((f) => ({ ...f, cell: f.cell.replace(/^t4\.cases(\.|$)/u, (_, dot: string) => (dot ? 't4.' : 't4')) }));
  return { found: true, cells, flags: [...flags, ...renamed], notes: note ? [`t4: ${note}`, ...res.notes] : res.notes };
}
