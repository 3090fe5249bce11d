// Hostile names in the published files (issue 8, point 13): file names and --groups names that a
// spreadsheet would run as a formula, or a Markdown viewer would run as HTML, go through the real
// command line (run, then publish --groups) and come out inert in CSV, Markdown, XLSX and HTML.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../pipeline/publish/csv.ts';
import type { Published } from '../pipeline/publish/data.ts';
import type { BodyInfo, ReportInfo, SiteMetric, YearRow } from '../pipeline/publish/site/data.ts';
import { bodyPage, yearPage } from '../pipeline/publish/site/pages.ts';
import { toMarkdown } from '../pipeline/publish/markdown.ts';
import { BODY_COLUMNS } from '../pipeline/publish/tables.ts';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
const FILES: Record<string, string> = {
  '=HYPERLINK("evil.example","x")<script>alert(1).txt': 'longgang-2022.txt',
  '@SUM(1+1)|<img src=x onerror=alert(2)>.txt': 'pingtan_2022_1.txt',
  '+1-2 cmd|calc.txt': 'pingtan-gaj_2022_1.txt',
};
const GROUP = '=1+1<script>alert("g")</script>';
const GROUP2 = '-2+3|<img src=x onerror=alert(3)>';
let dir: string;
let out: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * A page with the site's own script elements taken out: the JSON it carries (in which no `<` can
 * appear: it is written as \u003c) and the shared assets by their fixed names. What is left must
 * hold no script or image element at all.
 */
const withoutOwnScripts = (html: string) =>
  html.replace(/<script type="application\/json" id="xxgk-data">[^<]*<\/script>/gu, '').replace(/<script src="(?:\.\.\/)?assets\/[a-z_.]+\.js"><\/script>/gu, '');

/** Every cell that a spreadsheet would read as a formula. */
const formulaLike = (cells: string[]) => cells.filter((c) => /^[=+\-@\t\r]/u.test(c));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-inject-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  for (const [name, src] of Object.entries(FILES)) fs.copyFileSync(path.join(CORPUS, src), path.join(dir, 'raw', name));
  const groups = [
    'group,body',
    `"${GROUP.replaceAll('"', '""')}",深圳市龙岗区人民政府`,
    `"${GROUP.replaceAll('"', '""')}",平潭综合实验区`,
    `"${GROUP2}",平潭综合实验区公安局`,
    `"${GROUP2}",平潭综合实验区`,
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'groups.csv'), groups);
  const run = await xxgk('run', 'raw', '--db', 'x.duckdb');
  expect(run.code, run.stderr).toBe(0);
  out = path.join(dir, 'reports');
  const pub = await xxgk('publish', '--db', 'x.duckdb', '--groups', 'groups.csv', '--group', GROUP, '--year', '2022', '--out', 'reports');
  expect(pub.code, pub.stderr).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('published files from hostile file names and group names', () => {
  it('CSV: no text cell starts a formula; the names are kept after an apostrophe; numbers stay numbers', () => {
    const cells: string[] = [];
    for (const t of ['applications', 'outcomes', 'review_litigation', 'data_quality']) {
      const rows = parse(fs.readFileSync(path.join(out, '2022', `${t}.csv`), 'utf8').replace(/^\ufeff/u, '')) as string[][];
      cells.push(...rows.flat());
    }
    expect(formulaLike(cells)).toEqual([]);
    expect(cells).toContain(`'${GROUP}`);
    const q = parse(fs.readFileSync(path.join(out, '2022', 'data_quality.csv'), 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];
    const sources = q.map((r) => r['来源 (source)']!);
    expect(sources.some((s) => s.endsWith(Object.keys(FILES)[0]!))).toBe(true);
    // the source (here the local path: nothing was fetched) is never a formula at the start
    expect(formulaLike(sources)).toEqual([]);
    // the long metrics.csv is written by DuckDB's CSV writer, the formula guard in its SQL
    const long = parse(fs.readFileSync(path.join(out, 'metrics.csv'), 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];
    expect(long.length).toBeGreaterThan(0);
    expect(formulaLike(long.flatMap((r) => [r.body!, r.peer_group!]))).toEqual([]);
    expect(long.map((r) => r.peer_group)).toContain(`'${GROUP}`);
    const apps = parse(fs.readFileSync(path.join(out, '2022', 'applications.csv'), 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];
    expect(apps.length).toBeGreaterThan(0);
    for (const r of apps) expect(r['本年新收申请数 (new_applications)'] ?? Object.values(r)[4]).not.toMatch(/^'/u);
  });

  it('Markdown: no raw HTML, pipes escaped, the group name formula-safe', () => {
    const md = fs.readFileSync(path.join(out, '2022', 'tables.md'), 'utf8');
    expect(md).not.toMatch(/<script|<img/iu);
    expect(md).toContain("'=1+1&lt;script&gt;alert(&quot;g&quot;)&lt;/script&gt;");
    // every table row still has the same number of unescaped bars as its header
    for (const block of md.split(/\n\n/u).filter((b) => b.startsWith('|'))) {
      const lines = block.split('\n').filter((l) => l.startsWith('|'));
      const bars = lines.map((l) => l.replace(/\\\|/gu, '').split('|').length);
      expect(new Set(bars).size, lines.join('\n')).toBe(1);
    }
  });

  it('XLSX: hostile names are string cells, the workbook holds no formula', async () => {
    const buf = fs.readFileSync(path.join(out, '2022', 'xxgk-2022.xlsx'));
    const zip = await JSZip.loadAsync(buf);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/u.test(n))) {
      expect(await zip.files[name]!.async('string')).not.toMatch(/<f[ >]/u);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const seen: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof c.value === 'string') seen.push(c.value);
        }),
      ),
    );
    expect(seen).toContain(GROUP);
  });

  it('HTML pages: names are escaped text, no script or handler from the data', () => {
    const html = fs.readFileSync(path.join(out, '2022', 'index.html'), 'utf8');
    expect(withoutOwnScripts(html)).not.toMatch(/<script|<img/iu);
    expect(html).toContain('=1+1&lt;script&gt;alert(&quot;g&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(1).txt');
    // in the JSON the script reads, the same names with < and > escaped
    expect(html).toContain('=1+1\\u003cscript\\u003ealert(\\"g\\")\\u003c/script\\u003e');
    // every page of the site: the entry, the dictionary, each body page
    const pages = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => f.startsWith('bodies')).length).toBeGreaterThan(0);
    for (const f of pages) expect(withoutOwnScripts(fs.readFileSync(path.join(out, f), 'utf8')), f).not.toMatch(/<script|<img/iu);
    const sources = pages.filter((f) => f.startsWith('bodies')).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('');
    expect(sources).toContain('=HYPERLINK(&quot;evil.example&quot;,&quot;x&quot;)&lt;script&gt;alert(1).txt');
  });

  it('a second group through the real command line: Markdown and CSV stay inert', async () => {
    const pub = await xxgk('publish', '--db', 'x.duckdb', `--group=${GROUP2}`, '--year', '2022', '--out', 'reports2');
    expect(pub.code, pub.stderr).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'reports2', '2022', 'tables.md'), 'utf8');
    expect(md).not.toMatch(/<img/iu);
    expect(md).toContain("'-2+3\\|&lt;img src=x onerror=alert(3)&gt;");
    const csv = parse(fs.readFileSync(path.join(dir, 'reports2', '2022', 'data_quality.csv'), 'utf8').replace(/^\ufeff/u, '')) as string[][];
    expect(formulaLike(csv.flat())).toEqual([]);
  });
});

describe('hostile body names (the extractor cleans issuers, so these are made directly)', () => {
  const hostile = ['=cmd|"/C calc"!A0', '@SUM(A1)', '+1', '-1', '\tx', '\rx', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'a|b\nc'];
  const t: Published = {
    id: 'applications',
    zh: '依申请公开',
    en: 'Applications',
    columns: [...BODY_COLUMNS, { key: 'new_applications', zh: '本年新收', en: 'new_applications', kind: 'count' }, { key: 'new_growth_yoy', zh: '同比', en: 'new_growth_yoy', kind: 'share' }],
    rows: hostile.map((b, i) => ({ group_name: 'g', body: b, level: 'district', format: 'f2021', new_applications: 10 + i, new_growth_yoy: -0.25 })),
  };

  it('CSV: every one gets an apostrophe; a negative share stays a number', () => {
    const rows = parse(toCsv(t).replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['单位 (body)'])).toEqual(hostile.map((h) => (/^[=+\-@\t\r]/u.test(h) ? `'${h}` : h)));
    expect(rows.every((r) => r['同比 (new_growth_yoy)'] === '-25.0')).toBe(true);
  });

  it('Markdown: HTML escaped, pipes escaped, newlines folded; numbers unchanged', () => {
    const md = toMarkdown(2022, [t], '<b>g</b>');
    expect(md).not.toMatch(/<img|<script|<b>/u);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain("'=cmd\\|&quot;/C calc&quot;!A0");
    expect(md).toContain('a\\|b c');
    expect(md).toContain('-25.0%');
    expect(md).not.toContain("'-25.0%");
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(new Set(lines.map((l) => l.replace(/\\\|/gu, '').split('|').length)).size).toBe(1);
  });

  it('HTML pages: the year page (plain table and its JSON) and a body page escape every name', () => {
    const metrics: SiteMetric[] = [{ code: 'new_applications', zh: '本年新收申请数', en: 'New', unit: 'count', formula: 'f', caveats: null, comparable: true, rateBase: null }];
    const rows: YearRow[] = hostile.map((b, i) => ({
      group_id: `g${i}`, group: `<b>g</b>${b}`, body_id: `id${i}`, body: b, level: 'district', province: b, format: 'f2021', formatChange: true, prevFormat: b,
      status: 'ok', failed: 0, flags: 0, failedChecks: b, source: b, v: { new_applications: 10 + i }, r: {}, o: {}, s: {}, b: {}, c: {},
    }));
    const html = yearPage({ year: 2022, years: [2022], groupLabel: '<b>g</b>', smallN: 10, metrics, rows, trend: { years: [2022], series: {} } });
    expect(withoutOwnScripts(html)).not.toMatch(/<img|<script|<b>/u);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;');
    // the JSON parses back to the names as they were
    const json = /<script type="application\/json" id="xxgk-data">([^<]*)<\/script>/u.exec(html)![1]!;
    expect((JSON.parse(json) as { rows: { body: string }[] }).rows.map((r) => r.body)).toEqual(hostile);
    const body: BodyInfo = { body_id: 'id0', name: hostile[6]!, level: 'district', level_zh: '区', region: hostile[7]!, province: null, parent_id: null, parent: null, inferred: false, aliases: [hostile[0]!], groups: ['<b>g</b>'], children: [] };
    const report: ReportInfo = {
      report_id: 'id0-2022', body_id: 'id0', year: 2022, format: 'f2021', status: 'partial', source_path: hostile[7]!, source_url: 'javascript:alert(1)', source_page_url: null,
      n_failed: 1, n_flags: 1, n_duplicates: 0, metrics: new Map(), failedChecks: [{ rule: 'V3.1', scope: hostile[6]!, detail: hostile[7]! }], flagList: [{ cell: 't3.x', reason: 'ambiguous', detail: hostile[6]! }],
    };
    const bp = bodyPage(body, [report], metrics, [2022], new Map([['id0', body]]), 10);
    expect(bp).not.toMatch(/<img|<script|<b>|href="javascript/u);
    expect(bp).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
