// Figures the report restates in its prose (`共受理政府信息公开申请552件`, `行政复议3件`) against the
// table cells they restate: checks P1…P7. A prose figure never overrides a printed cell; it only
// settles a cell that the glued digits left ambiguous, when it is one of the candidates (noted).
import type { Check, Flag } from './result.ts';

type Get = (key: string) => number | null;

interface ProseRule {
  rule: 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';
  what: string;
  /** the sentence pattern; the first group holding a number is the figure */
  re: RegExp;
  /** the cells whose sum the figure restates */
  cells: string[];
  /** another reading of the same words (`收到申请75件` often counts last year's carried-over ones too) */
  or?: string[];
  /** a cheaper pattern that finds what `re` finds in any text where `needed` finds nothing */
  shortcut?: { needed: RegExp; re: RegExp };
}

const N = '(\\d+|[零〇一二两三四五六七八九十百]+)';
// 结转下年度继续办理12件 or 12件结转下年度: the second form may start at any digit of the text, so
// it is tried only where 件 stands before 结转 somewhere (a text of 10,000 characters took 50 µs)
const CARRY = '(?:结转|顺延)(?:到|至)?下(?:一)?年';
const CARRY_AFTER = `${CARRY}度?(?:继续办理|办理)?(?:的)?(?:申请)?\\s*${N}\\s*件`;
const CARRY_BEFORE = `(?<![\\d零〇一二两三四五六七八九十百])${N}\\s*件\\s*(?:申请)?\\s*${CARRY}`;
// A pattern that opens with a number starts only where a number starts: else every digit of a
// long glued table run is tried as a start and the scan turns quadratic.
const RULES: ProseRule[] = [
  { rule: 'P1', what: 'new applications', re: new RegExp(`(?:受理|收到|新收|接收|接到)[^。；;，,]{0,14}?申请\\s*(?:共|总计|合计)?\\s*${N}\\s*件`, 'u'), cells: ['t3.new_received.total'], or: ['t3.new_received.total', 't3.carried_over.total'] },
  // 办结/答复 counts requests only in a clause about 申请 (a hotline's 已办理2520件 is no request)
  { rule: 'P2', what: 'applications handled', re: new RegExp(`申请[^。；;]{0,30}?(?:办结|答复)(?:了)?\\s*${N}\\s*件`, 'u'), cells: ['t3.total_handled.total'] },
  {
    rule: 'P3',
    what: 'carried forward',
    re: new RegExp(`${CARRY_AFTER}|${CARRY_BEFORE}`, 'u'),
    shortcut: { needed: new RegExp(`件\\s*(?:申请)?\\s*${CARRY}`, 'u'), re: new RegExp(CARRY_AFTER, 'u') },
    cells: ['t3.carried_forward.total'],
  },
  { rule: 'P6', what: 'new applications by natural persons', re: new RegExp(`(?:其中)?自然人(?:申请|提出)?(?:的申请)?\\s*${N}\\s*件`, 'u'), cells: ['t3.new_received.natural_person'] },
  {
    rule: 'P7',
    what: 'new applications by legal persons and other organisations',
    re: new RegExp(`法人(?:或|和)?其他组织(?:申请|提出)?(?:的申请)?\\s*${N}\\s*件`, 'u'),
    cells: ['t3.new_received.commercial_enterprise', 't3.new_received.research_institution', 't3.new_received.social_welfare_org', 't3.new_received.legal_service_org', 't3.new_received.other_org'],
  },
  { rule: 'P4', what: 'administrative reviews', re: new RegExp(`行政复议(?:申请|案件)?\\s*(?:共)?\\s*${N}\\s*(?:件|起)`, 'u'), cells: ['t4.review.total'] },
  { rule: 'P5', what: 'lawsuits', re: new RegExp(`行政诉讼(?:案件)?\\s*(?:共)?\\s*${N}\\s*(?:件|起)`, 'u'), cells: ['t4.lit_direct.total', 't4.lit_after_review.total'] },
];

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `58`, `五`, `十二`, `二十`, `一百零三` as numbers; null for anything else. */
export function proseNumber(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGIT) cur = DIGIT[ch]!;
    else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

export interface ProseFigure {
  rule: ProseRule['rule'];
  value: number;
  sentence: string;
  cells: string[];
  or?: string[];
}

/** The restated figures of a report's text (the first of each kind; spaces around digits allowed). */
export function proseFigures(text: string): ProseFigure[] {
  const flat = text.replace(/\s*\n\s*/gu, '');
  const out: ProseFigure[] = [];
  for (const r of RULES) {
    const m = (r.shortcut && !r.shortcut.needed.test(flat) ? r.shortcut.re : r.re).exec(flat);
    if (!m) continue;
    const raw = m.slice(1).find((g) => g !== undefined)!;
    const value = proseNumber(raw);
    if (value === null) continue;
    out.push({ rule: r.rule, value, sentence: m[0], cells: r.cells, ...(r.or ? { or: r.or } : {}) });
  }
  return out;
}

/**
 * The P checks, after settling ambiguous cells the prose names: `settle(key, value)` sets a cell
 * (only called for an ambiguous cell whose candidates include the prose figure).
 */
export function proseChecks(text: string, get: Get, flags: Flag[], settle: (key: string, value: number, why: string) => void): Check[] {
  return figureChecks(proseFigures(text), get, flags, settle);
}

/**
 * The P checks of figures already found (stored with the extraction): also how the checks are
 * recomputed after a reviewer's correction, without the report's text.
 */
export function figureChecks(figures: readonly ProseFigure[], get: Get, flags: Flag[] = [], settle: (key: string, value: number, why: string) => void = () => {}): Check[] {
  const checks: Check[] = [];
  for (const f of figures) {
    if (f.cells.length === 1) {
      const key = f.cells[0]!;
      const amb = flags.find((x) => x.cell === key && x.reason === 'ambiguous' && x.candidates?.includes(f.value));
      if (get(key) === null && amb) settle(key, f.value, `settled by the prose "${f.sentence}"`);
    }
    const what = RULES.find((r) => r.rule === f.rule)!.what;
    const readings = [f.cells, ...(f.or ? [f.or] : [])].map((cells) => ({ cells, values: cells.map(get) }));
    const known = readings.filter((x) => x.values.every((v) => v !== null));
    if (known.length === 0) {
      checks.push({ rule: f.rule, scope: f.cells.join('+'), status: 'not_assessable', detail: `the prose says ${f.value} ${what} ("${f.sentence}"); the table has no value`, cells: f.cells });
      continue;
    }
    const sumOf = (x: (typeof known)[number]) => x.values.reduce((s: number, v) => s + v!, 0);
    const hit = known.find((x) => sumOf(x) === f.value);
    const shown = hit ?? known[0]!;
    const terms = shown.cells.length > 1 ? ` (${shown.cells.map((c, i) => `${c.split('.')[1]} ${shown.values[i]}`).join(' + ')})` : '';
    checks.push({
      rule: f.rule,
      scope: shown.cells.join('+'),
      status: hit ? 'pass' : 'fail',
      detail: `the prose says ${f.value} ${what} ("${f.sentence}"); the table says ${sumOf(shown)}${terms}: ${f.value} ${hit ? '=' : '!='} ${sumOf(shown)}`,
      cells: shown.cells,
    });
  }
  return checks;
}
