// The sections step: where each of the report's six sections (format-spec §6.1) and its tables
// begin and end, located once per report. The tables read only the slice handed to them, and the
// prose sections (一, 五, 六) are kept as text for the quality measures.
import type { SectionCode } from '../codes.ts';
import type { Stream } from './blocks.ts';
import { T3_LABELS_HEAD, firstMatch, keyPattern, labelRegex } from './labels.ts';
import { WINDOWS } from './spec.ts';

/** A section's heading: its ordinal and the distinctive words that follow it (variants: spec §8.1). */
export interface SectionSpec {
  code: SectionCode;
  ordinal: string;
  keys: string[];
  /** the heading's full words, which make it a heading under any ordinal: a report that nests the
   * statistics in a larger one numbers them anew (`一、主动公开政府信息情况`, `二、收到和处理…`) */
  title?: string[];
}

export const SECTION_SPECS: readonly SectionSpec[] = [
  { code: 's1.overview', ordinal: '一', keys: ['总体情况', '概述', '基本情况'] },
  { code: 's2.proactive', ordinal: '二', keys: ['主动公开政府信息情况', '主动公开情况', '主动公开'], title: ['主动公开政府信息情况'] },
  { code: 's3.requests', ordinal: '三', keys: ['收到和处理政府信息公开申请', '依申请公开', '收到和处理'], title: ['收到和处理政府信息公开申请情况'] },
  { code: 's4.review_litigation', ordinal: '四', keys: ['行政复议', '行政诉讼'], title: ['政府信息公开行政复议、行政诉讼情况', '被申请行政复议、提起行政诉讼情况'] },
  { code: 's5.problems', ordinal: '五', keys: ['存在的主要问题', '存在问题', '主要问题', '问题及改进'] },
  { code: 's6.other', ordinal: '六', keys: ['其他需要报告', '其他需要说明', '其他事项'] },
];

/** Where each table's region is looked for: the words that open and close it (spec §6.2-6.4). */
export const TABLE_BOUNDS = {
  /** table 2 opens at its caption, else at section 二's words */
  t2Open: [['第二十条'], ['主动公开政府信息情况']],
  /** table 2's column header, which opens a block whose caption (第二十条第（一）项) was not printed */
  t2Header: /信\s*息\s*内\s*容[\s|]*(?:本\s*年|上\s*一\s*年|采\s*购|对\s*外)/gu,
  /** table 2 ends where table 3's heading or first words begin */
  t2Close: ['收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '本年新收'],
  /** table 3 opens at 本年新收 followed closely by 上年结转, else at its header words */
  t3OpenHint: ['勾稽关系', '申请人情况'],
  /** table 3 ends at the first 行政复议 after its start (table 4's header or section 四) */
  t3Close: ['行政复议'],
} as const;

/** After table 4's values: the next section heading bounds them. */
const AFTER_T4 = /五\s*[、.]|存在的主要问题|存在问题|改进情况|其他需要报告/gu;

export interface Heading {
  code: SectionCode;
  /** offset of the heading in the stream text */
  start: number;
  /** offset just after the heading's words */
  end: number;
  /** a table's caption (`表二：…`) standing in for the heading the report does not print */
  caption?: true;
}

export interface Sections {
  /** the section headings found, in printed order (a section whose heading is not found is absent) */
  headings: Heading[];
  /** table 2's region, or null when neither its caption nor its section is found; `toEnd`: no
   * table 3 follows, so the region runs to the end of the text (and may have been cut off there) */
  t2: { start: number; end: number; toEnd: boolean } | null;
  /** table 3's region: from its first row label to the first 行政复议 after it */
  t3: { start: number; limit: number } | null;
}

const ORDINAL_MARK = '\\s*[、.．,，:：]';
/** The three ways a section's heading is printed, compiled once per section. */
interface HeadingRegexes {
  /**
   * The ordinal (`五、`; `（五）` is a sub-heading and does not count), then within a few characters
   * one of the section's words (`五、政府信息公开工作存在的主要问题`), then the rest of the heading's
   * words up to 情况 / 措施 / 事项. Crawls that lost their line breaks glue headings to the text
   * before them (`…000五、存在的主要问题`), so a line start is not required.
   */
  heading: RegExp;
  /** the full words under any ordinal (`一、` to `十、`, not `（一）`) */
  title: RegExp | null;
  /** a table caption in the section's words (`表二：主动公开政府信息情况`): the heading where no other is found */
  caption: RegExp;
}
const headingRegexes = new Map<SectionCode, HeadingRegexes>();

function regexesOf(spec: SectionSpec): HeadingRegexes {
  let res = headingRegexes.get(spec.code);
  if (!res) {
    const words = `${spec.ordinal}${ORDINAL_MARK}[^\\n。]{0,16}?(?:${spec.keys.map(keyPattern).join('|')})`;
    res = {
      heading: new RegExp(`(?<![（(第表])${words}(?:[^\\n。，,]{0,12}?(?:情况|措施|事项))?`, 'gu'),
      title: spec.title ? new RegExp(`(?<![（(第表])[一二三四五六七八九十]${ORDINAL_MARK}\\s*(?:政府信息公开)?(?:${spec.title.map(keyPattern).join('|')})`, 'gu') : null,
      caption: new RegExp(`(?<=表\\s*)${words}`, 'gu'),
    };
    headingRegexes.set(spec.code, res);
  }
  return res;
}

function findHeading(text: string, spec: SectionSpec, from: number, to: number): Heading | null {
  const first = (res: (RegExp | null)[]) => {
    let best: RegExpExecArray | null = null;
    for (const re of res) {
      if (!re) continue;
      re.lastIndex = from;
      const m = re.exec(text);
      if (m && m.index < to && (!best || m.index < best.index)) best = m;
    }
    return best;
  };
  const res = regexesOf(spec);
  const heading = first([res.heading, res.title]);
  const m = heading ?? first([res.caption]);
  return m && { code: spec.code, start: m.index, end: m.index + m[0].length, ...(heading ? {} : { caption: true }) };
}

/** Table 3 starts at 本年新收 when 上年结转 follows within a window (a 本年新收 in prose has none). */
function table3Start(text: string, from: number): number | null {
  const re = labelRegex(T3_LABELS_HEAD[0]!);
  const next = labelRegex(T3_LABELS_HEAD[1]!);
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    next.lastIndex = m.index + m[0].length;
    const n = next.exec(text);
    if (n && n.index - m.index < WINDOWS.t3SecondLabel) return m.index;
  }
  return firstMatch(text, [...TABLE_BOUNDS.t3OpenHint], from)?.start ?? null;
}

export function locateSections(stream: Stream): Sections {
  const text = stream.text;
  // Headings in order, each after the one before it; a missing one does not stop the search.
  const headings: Heading[] = [];
  let pos = 0;
  for (const spec of SECTION_SPECS) {
    const h = findHeading(text, spec, pos, text.length);
    if (!h) continue;
    headings.push(h);
    pos = h.end;
  }
  // A table is looked for from its section's heading: section 一 often restates the figures in the
  // tables' own words (`本年新收政府信息公开申请58件，上年结转2件`, `按照第二十条…`), which would
  // otherwise open the table there. Without the heading, or with nothing after it, from the top.
  const from = (code: SectionCode) => headings.find((h) => h.code === code)?.start ?? 0;
  // the first caption, or the first block's header where its caption was not printed
  const t2Header = (at: number) => {
    TABLE_BOUNDS.t2Header.lastIndex = at;
    return TABLE_BOUNDS.t2Header.exec(text)?.index;
  };
  const t2Table = (at: number) => {
    const caption = firstMatch(text, [...TABLE_BOUNDS.t2Open[0]], at)?.start;
    const header = t2Header(at);
    return caption === undefined ? header : header === undefined ? caption : Math.min(caption, header);
  };
  // (the section's name alone, not as section 一's sub-heading `（一）主动公开政府信息情况。全年…`
  // nor in a sentence listing the sections, `由总体情况、主动公开政府信息情况、…组成`)
  const named = [...TABLE_BOUNDS.t2Open[1]];
  const t2Named = (at: number): number | undefined => {
    for (let m = firstMatch(text, named, at); m; m = firstMatch(text, named, m.end)) {
      const before = text.slice(Math.max(0, m.start - 6), m.start);
      if (/[(（]\s*[一二三四五六七八九十]\s*[)）]\s*$|[、，,]\s*$/u.test(before) || /^\s*[。、，,；;：:]/u.test(text.slice(m.end, m.end + 3))) continue;
      return m.start;
    }
    return undefined;
  };
  const t2Open = (at: number) => t2Table(at) ?? t2Named(at);
  // (a caption standing in for section 二's heading may follow rows of its table that a converter
  // pulled out of it, `行政许可 97`: the table is looked for from the heading before it)
  const s2 = headings.findIndex((h) => h.code === 's2.proactive');
  const t2From = s2 < 0 ? 0 : headings[s2]!.caption ? (headings[s2 - 1]?.end ?? 0) : headings[s2]!.start;
  const t2Start = t2Open(t2From) ?? t2Open(0);
  const t2End = t2Start === undefined ? null : firstMatch(text, [...TABLE_BOUNDS.t2Close], t2Start)?.start;
  const t3Start = table3Start(text, from('s3.requests')) ?? table3Start(text, 0);
  const t3Close = t3Start === null ? null : firstMatch(text, [...TABLE_BOUNDS.t3Close], t3Start);
  return {
    headings,
    t2: t2Start === undefined ? null : { start: t2Start, end: t2End ?? text.length, toEnd: t2End === undefined || t2End === null },
    t3: t3Start === null ? null : { start: t3Start, limit: t3Close ? t3Close.start : text.length },
  };
}

/** The heading that bounds table 4's values: the first of section 五 / 六's words after `from`. */
export function afterTable4(text: string, from: number): number | null {
  AFTER_T4.lastIndex = from;
  return AFTER_T4.exec(text)?.index ?? null;
}

/**
 * The text of a prose section: from the end of its heading to the next heading found, or to the
 * end of the report for the last. Null when the section's heading was not found.
 */
export function sectionText(stream: Stream, sections: Sections, code: SectionCode): string | null {
  const i = sections.headings.findIndex((h) => h.code === code);
  if (i < 0) return null;
  const h = sections.headings[i]!;
  const end = sections.headings[i + 1]?.start ?? stream.text.length;
  return stream.text.slice(h.end, end).trim();
}
