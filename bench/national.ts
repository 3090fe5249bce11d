// `npm run bench -- national --reports N`: N distinct synthetic reports of real divisions (county and
// district governments of the `regions` seed's division list and departments under them, 2019-2025,
// both table formats), written as text, HTML and a few PDFs, then `xxgk run`, a no-change re-run and
// `xxgk publish` measured as a user runs them: bin/xxgk.js spawned, start-up included, wall time, CPU
// (user + sys of the whole process tree), peak RSS of the tree, database size and peak temporary disk.
//
// The reports come from scripts/layouts (random reports satisfying every identity of format-spec
// §6.5, printed by the layout styles), one at a time: nothing of the corpus is held in memory.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { randomReport } from '../scripts/layouts/reports.ts';
import { renderStyle } from '../scripts/layouts/styles.ts';
import { reportHtml } from '../scripts/layouts/template.ts';

const DIVISIONS = path.resolve('data/reference/divisions');
const BIN = path.resolve('bin/xxgk.js');
/** Departments a county or district government has reports of (index 0 is the government itself). */
const DEPARTMENTS = ['人民政府', '财政局', '卫生健康局', '教育局', '公安局', '民政局', '自然资源局', '住房和城乡建设局', '交通运输局', '农业农村局', '市场监督管理局', '人力资源和社会保障局', '司法局', '应急管理局', '文化和旅游局', '水利局'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Text styles of scripts/layouts/styles.ts used for the text share (all keep blank cells). */
const TEXT_STYLES = ['pipe-row-padded', 'pipe-row', 'tab-separated', 'cell-bar', 'markdown-pipe', 'cell-lines', 'pipe-row-leading', 'cell-bar-padline'];
/** Every 5th report is an HTML page, the rest text; PDFs as below. */
const HTML_EVERY = 5;

interface County {
  code: string;
  province: string;
  /** the name a report's issuer starts with: 江苏省苏州市昆山市, 北京市东城区 */
  prefix: string;
}

/** The county-level divisions of the region list, in a fixed shuffled order (so any N spreads over the provinces). */
function counties(): County[] {
  const read = (f: string) => parse(fs.readFileSync(path.join(DIVISIONS, f)), { columns: true }) as Record<string, string>[];
  const provinces = new Map(read('provinces.csv').map((p) => [p.code!, p.name!]));
  const cities = new Map(read('cities.csv').map((c) => [c.code!, c.name!]));
  const list = read('areas.csv').map((a) => {
    const province = provinces.get(a.provinceCode!)!;
    const city = cities.get(a.cityCode!) ?? '';
    // 市辖区 and 省直辖县级行政区划 are not names a report prints
    const cityPart = city === '市辖区' || city.includes('直辖') ? '' : city;
    return { code: a.code!, province: a.provinceCode!, prefix: `${province}${cityPart}${a.name!}` };
  });
  // Fisher-Yates with a fixed seed (mulberry32 inline: the same order on every machine)
  let s = 20261202;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

export interface NationalSlot {
  county: County;
  issuer: string;
  year: number;
  format: 'f2019' | 'f2021';
}

/**
 * Report k: body k div 7 (first every county's government, then each county's next department),
 * year 2019 + k mod 7; f2019 until 2020, f2021 after, except one body in 25 that keeps the 2019
 * tables in later years (as some bodies did).
 */
export function slot(list: County[], k: number): NationalSlot {
  const body = Math.floor(k / YEARS.length);
  const dept = Math.floor(body / list.length);
  if (dept >= DEPARTMENTS.length) throw new Error(`at most ${list.length * DEPARTMENTS.length * YEARS.length} distinct reports (${list.length} counties, ${DEPARTMENTS.length} bodies each, ${YEARS.length} years)`);
  const county = list[body % list.length]!;
  const year = YEARS[k % YEARS.length]!;
  const format = year <= 2020 || body % 25 === 7 ? 'f2019' : 'f2021';
  return { county, issuer: `${county.prefix}${DEPARTMENTS[dept]}`, year, format };
}

function chromiumPdf(html: string, output: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-national-pdf-'));
  try {
    const input = path.join(tmp, 'report.html');
    fs.writeFileSync(input, html);
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(tmp, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${output}`, input],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface Generated {
  reports: number;
  text: number;
  html: number;
  pdf: number;
  bytes: number;
  seconds: number;
}

/** Writes the N reports under dir/<province>/<county>/, one at a time; `pdfs` of them (spread evenly) printed to PDF by Chromium. */
export function generate(dir: string, n: number, pdfs: number): Generated {
  const t0 = performance.now();
  const list = counties();
  const pdfEvery = pdfs > 0 ? Math.max(1, Math.floor(n / pdfs)) : 0;
  const g: Generated = { reports: 0, text: 0, html: 0, pdf: 0, bytes: 0, seconds: 0 };
  for (let k = 0; k < n; k++) {
    const s = slot(list, k);
    const r = randomReport(7_000_003 + k, s.format);
    r.issuer = s.issuer;
    r.year = s.year;
    r.title = `${s.issuer}${s.year}年政府信息公开工作年度报告`;
    const html = reportHtml(r);
    const sub = path.join(dir, s.county.province, s.county.code);
    fs.mkdirSync(sub, { recursive: true });
    const base = path.join(sub, `r${k}`);
    let file: string;
    if (pdfEvery && k % pdfEvery === pdfEvery - 1 && g.pdf < pdfs) {
      file = `${base}.pdf`;
      chromiumPdf(html, file);
      g.pdf++;
    } else if (k % HTML_EVERY === 0) {
      file = `${base}.html`;
      fs.writeFileSync(file, html);
      g.html++;
    } else {
      const style = TEXT_STYLES[k % TEXT_STYLES.length]!;
      file = `${base}.${style.startsWith('markdown') ? 'md' : 'txt'}`;
      fs.writeFileSync(file, renderStyle(style, html));
      g.text++;
    }
    g.bytes += fs.statSync(file).size;
    g.reports++;
  }
  g.seconds = (performance.now() - t0) / 1000;
  return g;
}

// ---- measuring a command as a user runs it ----

export interface Measured {
  seconds: number;
  cpu: number;
  /** peak of the summed RSS of the process and all its descendants, sampled every 100 ms */
  peakTreeRssMb: number;
  /** the largest single process's peak (getrusage, as /usr/bin/time reports it) */
  maxRssMb: number;
  /** peak bytes under the watched folders above their size before the command */
  peakTempMb: number;
  load: string;
}

function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      rss.set(Number(name), Number(f[21]) * 4); // rss in pages of 4 KiB
    } catch {
      // the process ended between readdir and read
    }
  }
  let sum = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        sum += kb;
        break;
      }
    }
  }
  return sum;
}

function du(p: string): number {
  let n = 0;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.size;
  let names: string[] = [];
  try {
    names = fs.readdirSync(p);
  } catch {
    return 0;
  }
  for (const name of names) n += du(path.join(p, name));
  return n;
}

const loadavg = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** Spawns `/usr/bin/time node bin/xxgk.js ARGS`, sampling the tree's RSS and the watched folders' size. */
export async function measure(args: string[], watch: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const timeFile = path.join(os.tmpdir(), `xxgk-national-time-${process.pid}`);
  const before = watch.reduce((a, w) => a + du(w), 0);
  const load = loadavg();
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let peakRss = 0;
  let peakDisk = before;
  let tick = 0;
  const timer = setInterval(() => {
    if (child.pid) peakRss = Math.max(peakRss, treeRssKb(child.pid));
    if (tick++ % 10 === 0) peakDisk = Math.max(peakDisk, watch.reduce((a, w) => a + du(w), 0));
  }, 100);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`xxgk ${args.join(' ')} exited ${code}:\n${stderr}`);
  const [user, sys, maxKb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(timeFile, { force: true });
  return { seconds, cpu: user! + sys!, peakTreeRssMb: peakRss / 1024, maxRssMb: maxKb! / 1024, peakTempMb: Math.max(0, peakDisk - before) / 1e6, load };
}

export interface NationalBench {
  generated: Generated;
  run: Measured;
  rerun: Measured;
  publish: Measured;
  dbMb: number;
  reportsLoaded: string;
  bodyPages: number;
  yearPages: number;
}

export async function benchNational(n: number, pdfs: number, keep = false): Promise<NationalBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-national-'));
  try {
    const raw = path.join(dir, 'raw');
    const generated = generate(raw, n, pdfs);
    // the database in a folder of its own, and the process's temporary folder too: their growth
    // above the database's final size is the temporary disk
    const dbDir = path.join(dir, 'db');
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(dbDir);
    fs.mkdirSync(tmp);
    const db = path.join(dbDir, 'national.duckdb');
    const env = { TMPDIR: tmp };
    const run = await measure(['run', raw, '--db', db, '--allow-rejected'], [dbDir, tmp], env);
    const dbMb = fs.statSync(db).size / 1e6;
    // temporary disk of the first run: above the final database, which it did not have before
    run.peakTempMb = Math.max(0, run.peakTempMb - dbMb);
    const rerun = await measure(['run', raw, '--db', db, '--allow-rejected'], [dbDir, tmp], env);
    const out = path.join(dir, 'reports');
    const publish = await measure(['publish', '--db', db, '--out', out], [dbDir, tmp], env);
    const reportsLoaded = execFileSync(process.execPath, [BIN, 'sql', "SELECT count(*) || ' reports, ' || count(DISTINCT body_id) || ' bodies, ' || count(*) FILTER (WHERE extract_status = 'ok') || ' ok' FROM reports", '--db', db, '--csv'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!
      .replaceAll('"', '');
    const bodyPages = fs.readdirSync(path.join(out, 'bodies')).length;
    let yearPages = 0;
    for (const y of fs.readdirSync(out)) if (/^\d{4}$/u.test(y)) yearPages += fs.readdirSync(path.join(out, y)).filter((f) => f.endsWith('.html')).length;
    return { generated, run, rerun, publish, dbMb, reportsLoaded, bodyPages, yearPages };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}
