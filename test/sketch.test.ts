// The bottom-k sketches behind the copied-text measure (pipeline/extract/sketch.ts): exact for
// short texts, close for long ones, blind to this year's numbers.
import { describe, expect, it } from 'vitest';
import { SKETCH_K, foldText, sketch } from '../pipeline/extract/sketch.ts';

const grams = (t: string) => {
  const f = foldText(t);
  const s = new Set<string>();
  for (let i = 0; i + 5 <= f.length; i++) s.add(f.slice(i, i + 5));
  return s;
};
const exact = (a: string, b: string) => {
  const A = grams(a);
  const B = grams(b);
  return [...A].filter((g) => B.has(g)).length / new Set([...A, ...B]).size;
};
/** The estimator of sql/metrics/sketch_jaccard.sql, here for the test. */
const estimate = (a: number[], b: number[]) => {
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y);
  const low = union.slice(0, SKETCH_K);
  return low.filter((h) => a.includes(h) && b.includes(h)).length / low.length;
};
// a long text of distinct sentences, deterministic
const CHARS = '政府信息公开工作主动依申请办理答复平台建设监督保障规范审查发布制度培训考核网站新媒体解读回应关切';
const text = (seed: number, n: number) => {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += CHARS[(x >>> 16) % CHARS.length];
    if (i % 23 === 22) out += '。';
  }
  return out;
};

describe('section sketches', () => {
  it('are exact while a text has fewer distinct 5-grams than k', () => {
    const a = '2023年，我局主动公开政府信息120条，办理依申请公开3件。';
    const b = '2024年，我局主动公开政府信息98条，办理依申请公开5件，均按时答复。';
    expect(sketch(a).length).toBeLessThan(SKETCH_K);
    expect(estimate(sketch(a), sketch(b))).toBeCloseTo(exact(a, b), 10);
  });

  it('fold the numbers: last year\'s text with this year\'s figures is a copy', () => {
    const a = '2022年，本机关共收到政府信息公开申请58件，办结56件，结转2件。';
    expect(estimate(sketch(a), sketch(a.replace(/\d+/gu, (d) => String(Number(d) + 7))))).toBe(1);
    expect(sketch('  ')).toEqual([]);
    expect(sketch(null)).toEqual([]);
  });

  it('are the k smallest distinct hashes of all the grams, whether or not only the low ones were sorted', () => {
    // a k as large as the text sorts every hash: the sketch must be that list's first k
    for (const t of [text(11, 6000), text(12, 40000)]) {
      const all = sketch(t, 1e9);
      expect(all.length).toBeGreaterThan(3 * SKETCH_K);
      expect(sketch(t)).toEqual(all.slice(0, SKETCH_K));
      expect(sketch(t, 64)).toEqual(all.slice(0, 64));
    }
    // many grams, few of them distinct (a repeated line): fewer than k below the bound, so all are sorted
    const repeated = '本机关不掌握相关政府信息。'.repeat(400) + text(13, 40);
    const few = sketch(repeated, 1e9);
    expect(few.length).toBeLessThan(SKETCH_K);
    expect(sketch(repeated)).toEqual(few);
  });

  it('estimate long texts within a few points, from copied to rewritten', () => {
    const base = text(1, 6000);
    for (const keep of [1, 0.8, 0.5, 0.2]) {
      const cut = Math.floor(base.length * keep);
      const other = base.slice(0, cut) + text(99, base.length - cut);
      const est = estimate(sketch(base), sketch(other));
      expect(sketch(base)).toHaveLength(SKETCH_K);
      expect(Math.abs(est - exact(base, other))).toBeLessThan(0.1);
    }
    const [p, q] = [text(3, 6000), text(4, 6000)];
    expect(Math.abs(estimate(sketch(p), sketch(q)) - exact(p, q))).toBeLessThan(0.1);
  });

  it('estimate from their 64 smallest hashes too (the sibling measure), within about 0.15', () => {
    // the sibling estimator of sql/metrics/report_quality_sibling_pairs.sql: shared hashes up to the smaller
    // of the two 64th / all hashes up to it
    const sample = (a: number[], b: number[]) => {
      const [x, y] = [a.slice(0, 64), b.slice(0, 64)];
      const tau = Math.min(x.length === 64 ? x[63]! : Infinity, y.length === 64 ? y[63]! : Infinity);
      const A = x.filter((h) => h <= tau);
      const B = new Set(y.filter((h) => h <= tau));
      const shared = A.filter((h) => B.has(h)).length;
      return shared / (A.length + B.size - shared);
    };
    const base = text(5, 6000);
    for (const keep of [1, 0.8, 0.5, 0.2]) {
      const cut = Math.floor(base.length * keep);
      const other = base.slice(0, cut) + text(77, base.length - cut);
      expect(Math.abs(sample(sketch(base), sketch(other)) - exact(base, other)), `keep ${keep}`).toBeLessThan(0.15);
    }
    // exact below 64 distinct 5-grams
    const a = '本年度无收取信息处理费情况。';
    const b = '2022年,无收取信息处理费情况。';
    expect(sketch(b).length).toBeLessThan(64);
    expect(sample(sketch(a), sketch(b))).toBeCloseTo(exact(a, b), 10);
  });
});

