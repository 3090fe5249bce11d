// Label matching by meaning: each row is found by short distinctive keys (§9 of the spec),
// tolerant of spaces and line breaks inside labels, bracket style and optional ordinals.
import type { T2Row, T3Row } from '../codes.ts';

export interface RowLabel<R extends string> {
  row: R;
  /** alternative keys; each is a literal (spaces/newlines allowed between characters) or /regex/ */
  keys: string[];
  /** the ordinal printed before the label: a digit (1.) for sub-rows, a Chinese numeral otherwise */
  ordinal?: number | string;
}

export function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

// Between two characters of a label: spaces, line breaks, stray brackets of a wrapped group label,
// and at most one line of numbers (a PDF prints a row's numbers at the middle of its wrapped label).
// (signed: the 2019 本年增/减 column, `行政许 3 +9 0` / `可`)
const GAP = '[\\s()]*(?:[\\d .+\\-\\ue000\\ue001]+\\n[\\s()]*)?';

/** `本年新收` -> /本GAP年GAP新GAP收/ ; keys written as /…/ are used as they are. */
export function keyPattern(key: string): string {
  if (key.startsWith('/') && key.endsWith('/')) return key.slice(1, -1);
  return [...key].map(escapeChar).join(GAP);
}

/** Lines of numbers that a label match swallowed (see GAP); they belong to that label's row. */
export function innerNumbers(matched: string): string[] {
  // (almost every label is matched on one line: nothing to find)
  if (!matched.includes('\n')) return [];
  const body = matched.replace(/^\s*\d\s*[.、,]?/u, '');
  return [...body.matchAll(/(?<![\d.])([+-]?[\d\ue000\ue001][\d .+\-\ue000\ue001]*?)\s*\n/gu)].map((m) => m[1]!);
}

function ordinalPattern(ordinal: number | string | undefined): string {
  if (ordinal === undefined) return '';
  // 1. / 1、 / (1) / 1) (① is 1 after NFKC): a bracket left outside the label would leave its digit as a value of the row before
  // (never whitespace first: a match starting at the empty cells before the label would take them from the row before)
  if (typeof ordinal === 'number') return `(?:(?:[(]\\s*)?${ordinal}\\s*[).、,]?\\s*)?`;
  // (一) / （一） / 一、 / 一) / 一.
  return `(?:(?:[(]\\s*)?${ordinal}\\s*[)、.]?\\s*)?`;
}

const compiled = new WeakMap<RowLabel<string>, RegExp>();

/** The label's regex (compiled once per label; callers set lastIndex before each exec). */
export function labelRegex(label: RowLabel<string>): RegExp {
  let re = compiled.get(label);
  if (!re) {
    const alts = label.keys.map(keyPattern).join('|');
    re = new RegExp(`${ordinalPattern(label.ordinal)}(?:${alts})`, 'gu');
    compiled.set(label, re);
  }
  return re;
}

export interface Anchor<R extends string> {
  row: R;
  start: number;
  end: number;
  /** number lines printed inside the label (wrapped PDF cells) */
  inner: string[];
}

/**
 * Find each label in order, each after the previous one found. A label that is not found is
 * skipped (its row is absent) and the search goes on from the last found position.
 */
export function findAnchors<R extends string>(
  text: string,
  labels: RowLabel<R>[],
  from: number,
  to: number,
  maxGap = Infinity,
): Anchor<R>[] {
  const out: Anchor<R>[] = [];
  let pos = from;
  // searching a bounded copy keeps a missing label from scanning the rest of the document
  const hay = to < text.length ? text.slice(0, to) : text;
  for (const label of labels) {
    const re = labelRegex(label);
    re.lastIndex = pos;
    let m = re.exec(hay);
    // a row's words inside another row's annotation (`其他对外管理服务事项(指…行政处罚、行政强制…)`) are not its label
    while (m && m.index < to && insideAnnotation(hay, m.index)) {
      re.lastIndex = m.index + 1;
      m = re.exec(hay);
    }
    if (!m || m.index >= to || (out.length > 0 && m.index - pos > maxGap)) continue;
    out.push({ row: label.row, start: m.index, end: m.index + m[0].length, inner: innerNumbers(m[0]) });
    pos = m.index + m[0].length;
  }
  return out;
}

// JavaScript's \s, tested by code (the line test below runs for every label found)
const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace = (c: number) => SPACES.has(c) || (c >= 0x2000 && c <= 0x200a);

/** A character of a line of numbers: a digit, a space, `.,+-`. */
const numberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x2b || c === 0x2d || isSpace(c);

/**
 * `at` is inside a bracketed annotation of words: an opening bracket before it and its closing
 * bracket after it (within 300 characters, also over a line wrap), no digits in between (cells
 * between are not an annotation).
 */
function insideAnnotation(text: string, at: number): boolean {
  // (by character code: this runs for every label found, over up to 300 characters each way)
  const bracket = (from: number, step: 1 | -1, open: readonly [number, number], close: readonly [number, number]): boolean => {
    let depth = 0;
    const lo = Math.max(0, at - 300);
    const hi = Math.min(text.length - 1, at + 300);
    for (let i = from; i >= lo && i <= hi; i += step) {
      const c = text.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) {
        // a line of numbers a wrap printed inside the annotation (`行政许可（不含行政处罚、行政` / `8` / `强制事项）`) is skipped
        // (the line is walked from the digit both ways and given up at its first other character:
        // finding its ends first crossed the whole text where it is one long line)
        let lineStart = i;
        while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a) if (!numberChar(text.charCodeAt(--lineStart))) return false;
        let lineEnd = i + 1;
        for (; lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a; lineEnd++) if (!numberChar(text.charCodeAt(lineEnd))) return false;
        i = step === 1 ? lineEnd : lineStart - 1;
        continue;
      }
      if (c === close[0] || c === close[1]) depth++;
      else if (c === open[0] || c === open[1]) {
        if (depth === 0) return true;
        depth--;
      }
    }
    return false;
  };
  return bracket(at - 1, -1, OPENERS, CLOSERS) && bracket(at, 1, CLOSERS, OPENERS);
}
const OPENERS = [0x28, 0xff08] as const; // ( （
const CLOSERS = [0x29, 0xff09] as const; // ) ）

const keyRegexes = new Map<string, RegExp>();

export function firstMatch(text: string, keys: string[], from = 0, to = text.length): { start: number; end: number } | null {
  const id = keys.join('\u0000');
  let re = keyRegexes.get(id);
  if (!re) keyRegexes.set(id, (re = new RegExp(keys.map(keyPattern).join('|'), 'gu')));
  re.lastIndex = from;
  const m = re.exec(to < text.length ? text.slice(0, to) : text);
  if (!m || m.index >= to) return null;
  return { start: m.index, end: m.index + m[0].length };
}

/** Table 3 rows before the （六） group, shared by both formats. */
export const T3_LABELS_HEAD: RowLabel<T3Row>[] = [
  { row: 'new_received', keys: ['本年新收', '本年度新收', '新收政府信息'], ordinal: '一' },
  // (上年转结: a real report's transposition, 开化县 2020)
  { row: 'carried_over', keys: ['上年结转', '上年度结转', '上一年结转', '上一年度结转', '上年转结', '上年度转结'], ordinal: '二' },
  { row: 'granted', keys: ['/(?<![不未])予以公开/'], ordinal: '一' },
  { row: 'partly_granted', keys: ['部分公开'], ordinal: '二' },
  { row: 'denied_state_secret', keys: ['属于国家秘密', '国家秘密'], ordinal: 1 },
  { row: 'denied_prohibited_by_law', keys: ['其他法律', '法律行政法规', '禁止公开'], ordinal: 2 },
  { row: 'denied_security_stability', keys: ['危及', '三安全'], ordinal: 3 },
  { row: 'denied_third_party', keys: ['保护第三方', '第三方'], ordinal: 4 },
  { row: 'denied_internal_affairs', keys: ['属于三类', '三类内部', '内部事务'], ordinal: 5 },
  { row: 'denied_process_info', keys: ['属于四类', '四类过程', '过程性'], ordinal: 6 },
  { row: 'denied_enforcement_file', keys: ['属于行政执法', '执法案卷'], ordinal: 7 },
  { row: 'denied_admin_query', keys: ['属于行政查询', '行政查询'], ordinal: 8 },
  { row: 'unable_not_held', keys: ['本机关不掌握', '不掌握'], ordinal: 1 },
  { row: 'unable_needs_creation', keys: ['没有现成', '另行制作'], ordinal: 2 },
  { row: 'unable_unclear', keys: ['补正后', '仍不明确'], ordinal: 3 },
  { row: 'not_processed_petition', keys: ['信访'], ordinal: 1 },
  { row: 'not_processed_duplicate', keys: ['重复申请'], ordinal: 2 },
  { row: 'not_processed_publication', keys: ['要求提供公开', '公开出版物', '出版物'], ordinal: 3 },
  { row: 'not_processed_excessive', keys: ['无正当理由大量', '大量反复'], ordinal: 4 },
  { row: 'not_processed_confirm', keys: ['要求行政机关确认', '确认或重新', '重新出具'], ordinal: 5 },
];

/** The （六）其他处理 label: a group in f2021, the single row other_subtotal in f2019. */
export const T3_OTHER_GROUP: RowLabel<T3Row> = { row: 'other_subtotal', keys: ['其他处理'], ordinal: '六' };

export const T3_LABELS_OTHER_2021: RowLabel<T3Row>[] = [
  { row: 'other_no_correction', keys: ['申请人无正当理由逾期', '理由逾期', '逾期不补正', '不补正'], ordinal: 1 },
  { row: 'other_no_fee', keys: ['申请人逾期未按', '逾期未按', '收费通知', '缴纳费用'], ordinal: 2 },
  // the ordinal is required: a bare 其他 is often a piece of the wrapped group label （六）其他处理
  { row: 'other_other', keys: ['/(?:[(]\\s*)?3\\s*[).、,]?\\s*其\\s*他/'] },
];

export const T3_LABELS_TAIL: RowLabel<T3Row>[] = [
  { row: 'total_handled', keys: ['总计', '合计'], ordinal: '七' },
  { row: 'carried_forward', keys: ['结转下年', '结转下一年', '结转至下', '下年度继续'], ordinal: '四' },
];

/** Table 2 rows in printed order; optional rows are simply not found in reports without them. */
export const T2_LABELS: RowLabel<T2Row>[] = [
  { row: 'regulations', keys: ['规章'] },
  { row: 'normative_docs', keys: ['行政规范性文件', '规范性文件'] },
  { row: 'x_other_proactive_docs', keys: ['其他主动公开文件'] },
  { row: 'admin_licensing', keys: ['行政许可'] },
  { row: 'other_external_services', keys: ['其他对外管理服务事项', '其他对外管理'] },
  { row: 'admin_penalty', keys: ['行政处罚'] },
  { row: 'admin_coercion', keys: ['行政强制'] },
  { row: 'admin_fees', keys: ['行政事业性收费', '事业性收费', '行政事业型收费'] },
  { row: 'central_procurement', keys: ['政府集中采购', '集中采购'] },
];
