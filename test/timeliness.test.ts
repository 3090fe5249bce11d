// Timeliness: the publication date a report file carries (printed 发布时间 / 发布日期, a crawl
// header, a fetch sidecar's Last-Modified, a PDF's CreationDate) against the 31 January deadline,
// on real corpus reports in a real database; no date means unknown, never on time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfDate, textDate } from '../pipeline/extract/published.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS, corpusFolder, queryFile } from './helpers.ts';

describe('the date printed in a file', () => {
  it('reads the labelled forms and refuses impossible dates', () => {
    expect(textDate('标题: x\n发布时间: 2023-01-05 10:14\n文号:')).toEqual({ date: '2023-01-05', source: 'text: 发布时间', text: '发布时间: 2023-01-05' });
    expect(textDate('发布日期：2023年1月20日 来源：区政府')?.date).toBe('2023-01-20');
    expect(textDate('发布于 2024/2/3')?.date).toBe('2024-02-03');
    expect(textDate('发布时间：2023-02-30')).toBeNull(); // no such day
    expect(textDate('2023年1月20日')).toBeNull(); // a date without a label is a signature, a period, anything
    expect(textDate('成文日期：2023-01-10')).toBeNull(); // when it was signed, not published
  });

  it('takes a PDF CreationDate as printed, and nothing from a file without one', () => {
    expect(pdfDate(fs.readFileSync(path.join(CORPUS, 'huaian-2024.pdf')))).toEqual({ date: '2025-02-25', source: 'pdf: CreationDate', text: "D:20250225" });
    expect(pdfDate(fs.readFileSync(path.join(CORPUS, 'blank-template.docx')))).toBeNull();
  });
});

describe('report_timeliness and days_late', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    let raw: string;
    ({ dir, raw, db } = corpusFolder('time', ['pingtan_2022_1.txt', 'pingtan-hzs_2025_1.txt', 'longgang-2022.txt', 'shanghai-bgt_2019_1.json', 'huaian-2024.pdf']));
    await runAll({ db, input: raw, log: () => {} });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rows = () =>
    queryFile<{ name: string; published_on: Date | null; date_source: string | null; timeliness: string; days_late: number | null; metric: number | null }>(
      db,
      `SELECT b.name, t.published_on, t.date_source, t.timeliness, t.days_late::INT AS days_late, m.value AS metric
       FROM report_timeliness t JOIN reports r USING (report_id) JOIN bodies b USING (body_id)
       LEFT JOIN report_metrics m ON m.report_id = t.report_id AND m.metric = 'days_late' ORDER BY b.name`,
    );

  it('judges each report by the date it carries, with where it was read', async () => {
    const got = Object.fromEntries((await rows()).map((r) => [r.name, r]));
    // crawl header 发布时间: 2023-02-20: 20 days after 31 January
    expect(got['平潭综合实验区']).toMatchObject({ date_source: 'text: 发布时间', timeliness: 'late', days_late: 20, metric: 20 });
    // 2026-01-30: the day before the deadline
    expect(got['平潭综合实验区行政审批局']).toMatchObject({ timeliness: 'on_time', days_late: 0, metric: 0 });
    // the page prints 发布日期：2020-01-31, the deadline itself
    expect(got['上海市人民政府办公厅']).toMatchObject({ date_source: 'text: 发布日期', timeliness: 'on_time', days_late: 0 });
    expect(got['淮安市人民政府']).toMatchObject({ date_source: 'pdf: CreationDate', timeliness: 'late', days_late: 25 });
    // the 龙岗 mirror page prints no date: unknown, and no number (not 0 days)
    expect(got['深圳市龙岗区人民政府']).toMatchObject({ published_on: null, date_source: null, timeliness: 'unknown', days_late: null, metric: null });
  });

  it("prefers a fetched attachment's Last-Modified to the PDF's own CreationDate", async () => {
    const pdf = path.join(dir, 'raw', 'huaian-2024.pdf');
    const sha = crypto.createHash('sha256').update(fs.readFileSync(pdf)).digest('hex');
    fs.writeFileSync(`${pdf}.meta.json`, JSON.stringify({ url: 'http://www.huaian.gov.cn/nb/2024.pdf', sha256: sha, last_modified: 'Mon, 03 Feb 2025 09:30:00 GMT' }));
    await runAll({ db, input: path.join(dir, 'raw'), log: () => {} });
    const h = (await rows()).find((r) => r.name === '淮安市人民政府')!;
    expect(h).toMatchObject({ date_source: 'http: Last-Modified', timeliness: 'late', days_late: 3 });
  }, 120_000);
});
