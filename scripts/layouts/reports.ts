// Reports to print: from a corpus gold (test/fixtures/corpus/*.gold.json), or random ones that
// satisfy every identity of format-spec §6.5 (seeded, so a failing seed can be replayed).
import { outcomeRows, T3_COLS, T3_ROWS_F2019, T3_ROWS_F2021, T4_COLS, T4_GROUPS, type Format } from '../../pipeline/codes.ts';
import { type Cells, identityFailures, type Report, t2Blocks, type V } from './template.ts';

export interface GoldLike {
  file: string;
  issuer: string;
  year: number;
  format: Format;
  t2?: Cells | null;
  t3: Cells;
  t4: Cells;
}

/** The corpus golds the layouts are made from, with the title their page carries. */
export const CHOSEN: { gold: string; name: string; title: string; t4Prose?: boolean }[] = [
  { gold: 'longgang-2022.txt', name: 'longgang-2022', title: '深圳市龙岗区2022年政府信息公开工作年度报告' },
  { gold: 'huaian-2024.pdf', name: 'huaian-2024', title: '淮安市人民政府2024年政府信息公开工作年度报告', t4Prose: true },
  { gold: 'shanghai-bgt_2019_1.json', name: 'shanghai-bgt-2019', title: '2019年上海市人民政府办公厅政府信息公开工作年度报告' },
  { gold: 'pingtan_2019_1.txt', name: 'pingtan-2019', title: '平潭综合实验区2019年政府信息公开工作年度报告', t4Prose: true },
  // the other gold reports (text styles; their unlabelled cells filled as fromGold says)
  { gold: 'pingtan_2021_1.txt', name: 'pingtan-2021', title: '平潭综合实验区2021年政府信息公开工作年度报告' },
  { gold: 'pingtan_2022_1.txt', name: 'pingtan-2022', title: '平潭综合实验区2022年政府信息公开工作年度报告', t4Prose: true },
  { gold: 'pingtan_2024_1.txt', name: 'pingtan-2024', title: '平潭综合实验区2024年政府信息公开工作年度报告' },
  { gold: 'pingtan_2025_1.txt', name: 'pingtan-2025', title: '平潭综合实验区2025年政府信息公开工作年度报告' },
  { gold: 'pingtan-gaj_2024_1.txt', name: 'pingtan-gaj-2024', title: '平潭综合实验区公安局2024年政府信息公开工作年度报告', t4Prose: true },
  { gold: 'pingtan-shs_2025_1.html', name: 'pingtan-shs-2025', title: '平潭综合实验区社会事业局2025年政府信息公开工作年度报告' },
  { gold: 'pingtan-zrz_2020_1.txt', name: 'pingtan-zrz-2020', title: '平潭综合实验区自然资源与生态环境局2020年政府信息公开工作年度报告' },
  { gold: 'pingtan-zrz_2022_1.txt', name: 'pingtan-zrz-2022', title: '平潭综合实验区自然资源与生态环境局2022年政府信息公开工作年度报告' },
];

const clone = (c: Cells | null | undefined): Cells => JSON.parse(JSON.stringify(c ?? {})) as Cells;

/**
 * The printed report of a gold, and the expected cells. Cells the gold does not label are filled
 * (table 3 organisation columns: their difference to 总计 goes to 商业企业; table 2: small
 * plausible counts). When the filled report satisfies every identity the filled cells are part
 * of the expected result (they are then implied by the labelled ones, or carry no identity); when
 * it does not, the expected result is the labelled cells only.
 */
export function fromGold(g: GoldLike, title: string, t4Prose = false): { report: Report; expected: { t2: Cells; t3: Cells; t4: Cells }; filled: string[]; expectFilled: boolean } {
  const t3 = clone(g.t3), t4 = clone(g.t4), t2 = clone(g.t2);
  const filled: string[] = [];
  const rows = (g.format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019) as string[];
  for (const row of rows) {
    const r = (t3[row] ??= {});
    const missing = T3_COLS.filter((c) => !(c in r));
    if (!missing.length) continue;
    const np = r.natural_person, tot = r.total;
    const known = T3_COLS.slice(0, 6).filter((c) => c in r && c !== 'natural_person').reduce((a, c) => a + (r[c] ?? 0), 0);
    const diff = np != null && tot != null ? tot - np - known : null;
    for (const c of missing) {
      // a row whose 总计 is blank keeps its organisation columns blank (as the Shanghai page prints them)
      r[c] = diff === null ? null : c === 'commercial_enterprise' ? diff : 0;
      filled.push(`t3.${row}.${c}`);
    }
  }
  for (const grp of T4_GROUPS) for (const c of T4_COLS) if (!(c in (t4[grp] ??= {}))) ((t4[grp]![c] = 0), filled.push(`t4.${grp}.${c}`));
  let k = 0;
  for (const b of t2Blocks(g.format)) for (const [code, , cols] of b.rows) for (const c of cols) {
    if (c in (t2[code] ??= {})) continue;
    k++;
    t2[code]![c] = c === 'items_change' ? (k % 3) - 1 : c === 'newly_published' ? (t2[code]!.newly_made ?? 0) : c === 'published_total' ? (t2[code]!.newly_made ?? 0) + 3 * k : k % 4 === 0 ? 0 : 2 * k + 1;
    filled.push(`t2.${code}.${c}`);
  }
  const report: Report = { title, issuer: g.issuer, year: g.year, format: g.format, t2, t3, t4, t4Prose };
  const expectFilled = identityFailures(report).length === 0;
  const expected = expectFilled ? { t2, t3, t4 } : { t2: clone(g.t2), t3: clone(g.t3), t4: clone(g.t4) };
  return { report, expected, filled, expectFilled };
}

// ---- random reports ----

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISSUERS = ['杭州市西湖区人民政府', '成都市武侯区卫生健康局', '长沙县人民政府', '广州市海珠区官洲街道办事处', '郑州市市场监督管理局', '临洮县新添镇人民政府'];

/**
 * A random report satisfying V3.1–V3.4, V4.1 and V2.2. Counts are mostly small with many zeros,
 * sometimes large (glued digits are then hard); `blanks` prints some zero cells as blank (null),
 * the way real reports leave cells empty.
 */
export function randomReport(seed: number, format: Format, blanks = false): Report {
  const rnd = prng(seed);
  const count = () => {
    const u = rnd();
    if (u < 0.55) return 0;
    if (u < 0.85) return Math.floor(rnd() * 10);
    if (u < 0.97) return Math.floor(rnd() * 300);
    return Math.floor(rnd() * 20000);
  };
  const rows = (format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019) as string[];
  const outs = outcomeRows(format) as string[];
  const t3: Cells = Object.fromEntries(rows.map((r) => [r, {}]));
  const cols6 = T3_COLS.slice(0, 6);
  for (const c of cols6) {
    // organisations apply less often than natural persons
    const scale = c === 'natural_person' ? 1 : rnd() < 0.6 ? 0 : 1;
    let handled = 0;
    for (const r of outs) {
      const x = scale ? count() : 0;
      t3[r]![c] = x;
      handled += x;
    }
    t3.total_handled![c] = handled;
    const fwd = scale ? Math.min(count(), 50) : 0;
    const over = scale ? Math.floor(rnd() * (handled + fwd + 1) * 0.3) : 0;
    t3.carried_forward![c] = fwd;
    t3.carried_over![c] = over;
    t3.new_received![c] = handled + fwd - over;
  }
  for (const r of rows) t3[r]!.total = cols6.reduce((a, c) => a + (t3[r]![c] as number), 0);
  const t4: Cells = {};
  for (const g of T4_GROUPS) {
    const xs = [0, 1, 2, 3].map(() => (rnd() < 0.6 ? 0 : Math.floor(rnd() * 12)));
    t4[g] = { upheld: xs[0]!, corrected: xs[1]!, other: xs[2]!, pending: xs[3]!, total: xs.reduce((a, b) => a + b, 0) };
  }
  const t2: Cells = {};
  for (const b of t2Blocks(format)) for (const [code, , cols] of b.rows) {
    const r: Record<string, V> = (t2[code] = {});
    for (const c of cols) {
      if (c === 'items_change') r[c] = Math.floor(rnd() * 21) - 10;
      else if (c === 'fee_amount_wan_yuan') r[c] = rnd() < 0.5 ? 0 : Math.round(rnd() * 100000) / 100;
      else if (c === 'newly_published') r[c] = Math.floor(rnd() * ((r.newly_made as number) + 1));
      else if (c === 'published_total') r[c] = (r.newly_published as number) + count();
      else if (c === 'procurement_amount') r[c] = Math.round(rnd() * 1e6) / 10;
      else r[c] = rnd() < 0.3 ? 0 : count();
    }
  }
  if (blanks) {
    // a blank is printed where the value is 0: the identities still hold when blank is read as 0
    for (const r of rows) for (const c of T3_COLS) if (t3[r]![c] === 0 && rnd() < 0.3) t3[r]![c] = null;
    for (const g of T4_GROUPS) for (const c of T4_COLS) if (t4[g]![c] === 0 && rnd() < 0.3) t4[g]![c] = null;
  }
  const issuer = ISSUERS[seed % ISSUERS.length]!;
  const year = format === 'f2021' ? 2021 + (seed % 4) : 2019 + (seed % 2);
  return { title: `${issuer}${year}年政府信息公开工作年度报告`, issuer, year, format, t2, t3, t4, t4Prose: seed % 4 === 1 };
}
