// Property test of the digit-run solver: random tables that satisfy every identity of format-spec
// §6.5, printed with the cells glued together (as text crawls do), half glued, or spaced. Every
// cell must come back exact or NULL-and-flagged; never a wrong number.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { T3_COLS, T3_ROWS_F2021, T4_COLS, T4_GROUPS } from '../pipeline/codes.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';

const labels = new Map(
  fs
    .readFileSync('data/reference/categories.csv', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('t3.row'))
    .map((l) => l.split(','))
    .map((c) => [c[3]!, c[4]!]),
);
const GROUPS: Record<string, string> = { granted: '三、本年度办理结果', denied_state_secret: '（三）不予公开', unable_not_held: '（四）无法提供', not_processed_petition: '（五）不予处理', other_no_correction: '（六）其他处理' };
const T4HEAD = '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A table 3 and table 4 that satisfy V3.1, V3.2, V3.3 and V4.1; mostly zeros and small numbers. */
function randomTables(rnd: () => number) {
  const pick = (max: number) => {
    const r = rnd();
    return r < 0.55 ? 0 : r < 0.8 ? Math.floor(rnd() * 10) : Math.floor(rnd() * max);
  };
  const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];
  const outcome = T3_ROWS_F2021.slice(2, 23);
  const t3: Record<string, number[]> = {};
  for (const r of outcome) t3[r] = withTotal(T3_COLS.slice(0, 6).map(() => pick(300)));
  t3.total_handled = T3_COLS.map((_, c) => outcome.reduce((s, r) => s + t3[r]![c]!, 0));
  t3.carried_over = withTotal(T3_COLS.slice(0, 6).map(() => pick(20)));
  t3.carried_forward = withTotal(T3_COLS.slice(0, 6).map((_, c) => Math.min(pick(20), t3.total_handled![c]! + t3.carried_over![c]!)));
  t3.new_received = T3_COLS.map((_, c) => t3.total_handled![c]! + t3.carried_forward![c]! - t3.carried_over![c]!);
  const t4 = T4_GROUPS.flatMap(() => withTotal([pick(20), pick(5), pick(10), pick(5)]));
  return { t3, t4 };
}

function print(t: ReturnType<typeof randomTables>, sep: () => string): string {
  const join = (xs: number[]) => xs.map((x, i) => (i ? sep() : '') + x).join('');
  let body = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
  for (const r of T3_ROWS_F2021) body += (GROUPS[r] ?? '') + labels.get(r) + join(t.t3[r]!);
  return `标题: 某某县测试局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况${body} 四、政府信息公开行政复议、行政诉讼情况${T4HEAD}${join(t.t4)} 五、存在的主要问题`;
}

describe('random consistent tables, printed glued', () => {
  const modes: Record<string, (rnd: () => number) => () => string> = {
    glued: () => () => '',
    'half glued': (rnd) => () => (rnd() < 0.5 ? '' : ' '),
    spaced: () => () => ' ',
  };
  for (const [mode, sepOf] of Object.entries(modes)) {
    it(`${mode}: no wrong cell, at least 99% exact`, async () => {
      const rnd = rng(42);
      let exact = 0;
      let total = 0;
      const wrong: string[] = [];
      for (let k = 0; k < 60; k++) {
        const t = randomTables(rnd);
        const r = await extractBytes('x.txt', new TextEncoder().encode(print(t, sepOf(rnd))));
        const flagged = new Set(r.flags.map((f) => f.cell));
        const check = (key: string, got: number | null | undefined, want: number, row: string) => {
          total++;
          if (got === want) exact++;
          // NULL is allowed only for a cell that is flagged itself, or whose row or table is
          else if (got === null && (flagged.has(key) || flagged.has(`t3.${row}`) || flagged.has('t4'))) return;
          else wrong.push(`table ${k} ${key}: got ${got}, want ${want}`);
        };
        for (const row of T3_ROWS_F2021) T3_COLS.forEach((c, i) => check(`t3.${row}.${c}`, r.t3[row]?.[c]?.value, t.t3[row]![i]!, row));
        T4_GROUPS.forEach((g, gi) => T4_COLS.forEach((c, ci) => check(`t4.${g}.${c}`, r.t4[g]?.[c]?.value, t.t4[gi * 5 + ci]!, g)));
      }
      expect(wrong).toEqual([]);
      expect(exact / total).toBeGreaterThanOrEqual(0.99);
    });
  }
});
