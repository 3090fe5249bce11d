// Text shared by the bodies of one government in the same year (report_quality's sibling columns),
// on real corpus reports: the five 2022 departments of 平潭综合实验区 in the corpus (财政金融局,
// 公安局, 旅游与文化体育局, 农业农村局, 自然资源与生态环境局), with the report of 财政金融局 given the
// section 五 of 农业农村局's report pasted over its own (a department copying another's text), the
// government's own 2022 report (no parent body: nothing to compare) and 交通与建设局 2021 (the only
// department of its year). The model's blocked search is checked against every pair, computed here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../pipeline/extract/sketch.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS, corpusFolder, queryFile } from './helpers.ts';

let dir: string;
let db: string;

const DEPARTMENTS = ['pingtan-gaj_2022_1.txt', 'pingtan-lyy_2022_1.txt', 'pingtan-nyn_2022_1.txt', 'pingtan-zrz_2022_1.txt'];
const S5 = /五、存在的主要问题及改进情况[^]*?(?=六、)/u;

beforeAll(async () => {
  let raw: string;
  ({ dir, raw, db } = corpusFolder('siblings', [...DEPARTMENTS, 'pingtan_2022_1.txt', 'pingtan-jtj_2021_1.txt']));
  const czj = fs.readFileSync(path.join(CORPUS, 'pingtan-czj_2022_1.txt'), 'utf8');
  const nynS5 = S5.exec(fs.readFileSync(path.join(CORPUS, 'pingtan-nyn_2022_1.txt'), 'utf8'))![0];
  const pasted = czj.replace(S5, nynS5);
  expect(pasted).not.toBe(czj);
  fs.writeFileSync(path.join(raw, 'pingtan-czj_2022_pasted.txt'), pasted);
  await runAll({ db, input: raw, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, unknown> & { name: string; body_id: string; year: number };

async function quality(): Promise<Row[]> {
  const rows = await queryFile<Row>(db, `SELECT b.name, q.* FROM report_quality q JOIN bodies b USING (body_id) ORDER BY b.name, q.year`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as Row);
}

const SECTIONS = { s1: 's1.overview', s5: 's5.problems', s6: 's6.other' } as const;

/** The estimator of the model, written again: on the 64 smallest hashes, up to the smaller of the two 64th. */
function estimate(a: number[], b: number[]): number {
  const [x, y] = [a.slice(0, 64), b.slice(0, 64)];
  const tau = Math.min(x.length === 64 ? x[63]! : Infinity, y.length === 64 ? y[63]! : Infinity);
  const A = new Set(x.filter((h) => h <= tau));
  const B = new Set(y.filter((h) => h <= tau));
  const shared = [...A].filter((h) => B.has(h)).length;
  return shared / (A.size + B.size - shared);
}

/** Exact Jaccard of the folded 5-gram sets of two texts. */
function exact(a: string, b: string): number {
  const grams = (t: string) => {
    const f = foldText(t);
    const s = new Set<string>();
    for (let i = 0; i + 5 <= f.length; i++) s.add(f.slice(i, i + 5));
    return s;
  };
  const [A, B] = [grams(a), grams(b)];
  const shared = [...A].filter((g) => B.has(g)).length;
  return shared / (A.size + B.size - shared);
}

/** The sections of the 2022 departments, read back from the database. */
async function sections2022(): Promise<Map<string, Record<string, { text: string; sketch: number[] }>>> {
  const rows = await queryFile<{ body_id: string; section: string; text: string | null; sketch: number[] | null }>(
    db,
    `SELECT r.body_id, x.section, x.text, x.sketch FROM reports r JOIN bodies b USING (body_id) JOIN extracted_sections x USING (document_id)
     WHERE r.year = 2022 AND b.parent_body_id IS NOT NULL AND x.text IS NOT NULL`,
  );
  const out = new Map<string, Record<string, { text: string; sketch: number[] }>>();
  for (const r of rows) {
    const m = out.get(r.body_id) ?? {};
    m[r.section] = { text: r.text!, sketch: (r.sketch ?? []).map(Number) };
    out.set(r.body_id, m);
  }
  return out;
}

describe('report_quality: similarity to the bodies of the same government in the same year', () => {
  it('finds the department whose section 五 was pasted, both ways, and says which body it is', async () => {
    const rows = (await quality()).filter((r) => r.year === 2022);
    const czj = rows.find((r) => r.name === '平潭综合实验区财政金融局')!;
    const nyn = rows.find((r) => r.name === '平潭综合实验区农业农村局')!;
    expect(czj).toMatchObject({ n_siblings: 4, s5_sibling_similarity: 1, s5_sibling_body_id: nyn.body_id });
    expect(nyn).toMatchObject({ n_siblings: 4, s5_sibling_similarity: 1, s5_sibling_body_id: czj.body_id });
    // their own sections 一 were written apart: low, and not 1
    expect(czj.s1_sibling_similarity).toBeLessThan(0.2);
    // the pasted section's sentences are now shared with a sibling (农业农村局 shares none with the
    // real reports: 0 in a run of the corpus as it is)
    expect(czj.sentences_shared_share).toBeGreaterThan(0.1);
    expect(nyn.sentences_shared_share).toBeGreaterThan(0);
  });

  it('equals the highest similarity over every pair of siblings, and names a sibling that has it', async () => {
    const rows = (await quality()).filter((r) => r.year === 2022 && r.n_siblings !== null);
    const secs = await sections2022();
    expect(rows).toHaveLength(5);
    let compared = 0;
    for (const r of rows) {
      for (const [col, code] of Object.entries(SECTIONS)) {
        const mine = secs.get(r.body_id)?.[code];
        const others = [...secs.entries()].filter(([id, s]) => id !== r.body_id && s[code]);
        const got = r[`${col}_sibling_similarity`] as number | null;
        if (!mine || others.length === 0) {
          expect(got).toBeNull();
          continue;
        }
        const scored = others.map(([id, s]) => ({ id, est: estimate(mine.sketch, s[code]!.sketch), exact: exact(mine.text, s[code]!.text) }));
        const best = Math.max(...scored.map((s) => s.est));
        expect(got, `${r.name} ${col}`).toBeCloseTo(best, 10);
        const named = r[`${col}_sibling_body_id`] as string | null;
        if (best > 0) expect(scored.find((s) => s.id === named)?.est, `${r.name} ${col} names ${named}`).toBeCloseTo(best, 10);
        else expect(named).toBeNull();
        // the 64-hash estimate is near the exact 5-gram Jaccard of that pair
        const pair = scored.find((s) => s.id === named) ?? scored[0]!;
        expect(Math.abs(pair.est - pair.exact), `${r.name} ${col}: estimate ${pair.est} exact ${pair.exact}`).toBeLessThan(0.12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it('counts the sentences a sibling also has, as the definition says', async () => {
    const rows = (await quality()).filter((r) => r.year === 2022 && r.n_siblings !== null);
    const secs = await sections2022();
    const sentences = (t: string | undefined) =>
      (t ?? '')
        .replace(/[0-9]+/gu, '#')
        .replace(/[\t\f\r ]+/gu, '')
        .split(/[。！？!?；;\n]+/u)
        .filter((s) => [...s].length >= 8);
    const of = (id: string) => new Set(Object.values(SECTIONS).flatMap((c) => sentences(secs.get(id)?.[c]?.text)));
    for (const r of rows) {
      const mine = of(r.body_id);
      const theirs = new Set(rows.filter((o) => o.body_id !== r.body_id).flatMap((o) => [...of(o.body_id)]));
      const want = [...mine].filter((s) => theirs.has(s)).length / mine.size;
      expect(r.sentences_shared_share, r.name).toBeCloseTo(want, 10);
    }
  });

  it('is NULL with nothing to compare: no parent body, or no sibling that year', async () => {
    const rows = await quality();
    const gov = rows.find((r) => r.name === '平潭综合实验区' && r.year === 2022)!;
    expect(gov).toMatchObject({ n_siblings: null, s1_sibling_similarity: null, s1_sibling_body_id: null, sentences_shared_share: null });
    const jtj = rows.find((r) => r.name === '平潭综合实验区交通与建设局' && r.year === 2021)!;
    expect(jtj).toMatchObject({ n_siblings: 0, s1_sibling_similarity: null, s5_sibling_similarity: null, s6_sibling_similarity: null, sentences_shared_share: null });
  });

  it('shows on each body page: checks, prose mismatches, similarity to last year and to siblings, days late, missing sections', async () => {
    const out = path.join(dir, 'published');
    await publish({ db, out, smallN: 10 }, () => {});
    const rows = await quality();
    const czj = rows.find((r) => r.name === '平潭综合实验区财政金融局')!;
    const nyn = rows.find((r) => r.name === '平潭综合实验区农业农村局')!;
    const html = fs.readFileSync(path.join(out, 'bodies', `${czj.body_id}.html`), 'utf8');
    const section = /<section id="quality">[^]*?<\/section>/u.exec(html)?.[0];
    expect(section).toBeDefined();
    const row = (label: string) => new RegExp(`<th scope="row"[^>]*>${label}</th>(.*?)</tr>`, 'u').exec(section!)?.[1];
    // section 五 pasted from 农业农村局: 100%, linked to its page
    expect(row('与同级单位最高相似度（五）')).toBe(`<td class="n">100.0% <small><a href="${nyn.body_id}.html">平潭综合实验区农业农村局</a></small></td>`);
    expect(row('同级单位报告数')).toBe('<td class="n">4</td>');
    expect(row('正文与表格不一致（项）')).toBe(`<td class="n">${czj.n_prose_mismatches}</td>`);
    expect(row('逾期天数')).toBe(`<td class="n">${czj.days_late ?? ''}</td>`);
    expect(row('缺少的部分')).toBe(`<td class="n">${czj.missing_sections ?? '无'}</td>`);
    // the government itself: no parent, so nothing to compare with siblings (blank, not 0)
    const gov = rows.find((r) => r.name === '平潭综合实验区' && r.year === 2022)!;
    const page = fs.readFileSync(path.join(out, 'bodies', `${gov.body_id}.html`), 'utf8');
    const govSection = /<section id="quality">[^]*?<\/section>/u.exec(page)![0];
    expect(new RegExp('<th scope="row"[^>]*>与同级单位最高相似度（一）</th>(.*?)</tr>', 'u').exec(govSection)![1]).toMatch(/^(<td class="n"><\/td>)+$/u);
  });
});


// A government with 40 reporting departments: the five real 2022 departments, each copied as 8
// departments of their own (测试一片区 … in every name, as bench/pipeline.ts varies its copies), so
// that a hash of shared wording is held by more classes than the index keeps (16) and the blocked
// search, not the all-pairs fallback of a small family, is what finds the highest sibling.
describe('report_quality: the blocked sibling search in a large family', () => {
  let big: string;
  let bigDir: string;
  const cjk = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

  beforeAll(async () => {
    let raw: string;
    ({ dir: bigDir, raw, db: big } = corpusFolder('siblings-big', []));
    for (let i = 1; i <= 8; i++) {
      for (const f of [...DEPARTMENTS, 'pingtan-czj_2022_1.txt']) {
        const text = fs.readFileSync(path.join(CORPUS, f), 'utf8').replaceAll('平潭综合实验区', `平潭综合实验区测试${cjk(i)}片区`);
        fs.writeFileSync(path.join(raw, `${i}-${f}`), text);
      }
    }
    await runAll({ db: big, input: raw, log: () => {} });
  }, 300_000);
  afterAll(() => fs.rmSync(bigDir, { recursive: true, force: true }));

  it('finds a real pair within 0.05 of the all-pairs highest, never above it', async () => {
    const rows = await queryFile<Record<string, unknown> & { body_id: string; n_siblings: bigint }>(big, `SELECT * FROM report_quality WHERE year = 2022`);
    expect(rows).toHaveLength(40);
    const secs = await queryFile<{ body_id: string; section: string; sketch: number[] | null }>(
      big,
      `SELECT r.body_id, x.section, x.sketch FROM reports r JOIN extracted_sections x USING (document_id) WHERE r.year = 2022 AND x.text IS NOT NULL`,
    );
    // the blocking has work to do: some hash of a section is held by more than 16 of the 40
    const holders = new Map<string, Set<string>>();
    for (const s of secs) for (const h of (s.sketch ?? []).slice(0, 64)) holders.set(`${s.section}|${h}`, (holders.get(`${s.section}|${h}`) ?? new Set()).add(s.body_id));
    expect(Math.max(...[...holders.values()].map((b) => b.size))).toBeGreaterThan(17);
    let checked = 0;
    for (const r of rows) {
      expect(Number(r.n_siblings)).toBe(39);
      for (const [col, code] of Object.entries(SECTIONS)) {
        const mine = secs.find((s) => s.body_id === r.body_id && s.section === code);
        if (!mine) continue;
        const scored = secs
          .filter((s) => s.body_id !== r.body_id && s.section === code)
          .map((s) => ({ id: s.body_id, est: estimate((mine.sketch ?? []).map(Number), (s.sketch ?? []).map(Number)) }));
        const best = Math.max(...scored.map((s) => s.est));
        const got = r[`${col}_sibling_similarity`] as number;
        expect(got).toBeLessThanOrEqual(best + 1e-9);
        expect(best - got, `${r.body_id} ${col}`).toBeLessThan(0.05);
        const named = r[`${col}_sibling_body_id`] as string | null;
        if (got > 0) expect(scored.find((s) => s.id === named)?.est).toBeCloseTo(got, 10);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100);
  });
});
