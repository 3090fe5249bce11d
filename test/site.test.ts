// The published site in headless Chromium (Debian package `chromium`, driven by playwright-core):
// the real `xxgk run` and `xxgk publish` on the bundled samples into a temp folder, then every page
// opened from file:// at 1440 and 390 px. Without Chromium the test skips with a message, never
// when CI=true. XXGK_SHOTS=docs writes the README's screenshots into docs/.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const have = fs.existsSync(CHROMIUM);
if (!have && process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install the Debian package chromium`);
if (!have) console.warn(`SKIPPED: the published-site test needs Chromium at ${CHROMIUM} (apt-get install chromium)`);

const BIN = path.resolve('bin/xxgk.js');
const SAMPLES = path.resolve('data/samples');
const HOSTILE_FILE = '<img src=x onerror=alert(1)>.txt';
const HOSTILE_GROUP = '"><script>alert("g")</script>';
const LG = '深圳市龙岗区人民政府';
let dir: string;
let out: string;
let outHostile: string;
let dbFile: string;
let browser: Browser;

async function xxgk(...args: string[]) {
  const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir, maxBuffer: 1 << 24 });
  return { stdout, stderr };
}

async function sql<T = Record<string, unknown>>(q: string): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, q);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!have) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-site-'));
  const raw = path.join(dir, 'raw');
  fs.mkdirSync(raw);
  for (const f of fs.readdirSync(SAMPLES).filter((f) => !f.endsWith('.md'))) fs.copyFileSync(path.join(SAMPLES, f), path.join(raw, f));
  // a hostile file name: the same bytes as longgang-2022.txt, chosen as the loaded copy ('<' sorts first)
  fs.copyFileSync(path.join(SAMPLES, 'longgang-2022.txt'), path.join(raw, HOSTILE_FILE));
  dbFile = path.join(dir, 'x.duckdb');
  await xxgk('run', 'raw', '--db', 'x.duckdb', '--allow-rejected');
  await xxgk('publish', '--db', 'x.duckdb', '--out', 'reports');
  out = path.join(dir, 'reports');
  fs.writeFileSync(path.join(dir, 'groups.csv'), `group,body\n"${HOSTILE_GROUP.replaceAll('"', '""')}",${LG}\n"${HOSTILE_GROUP.replaceAll('"', '""')}",平潭综合实验区\n`);
  await xxgk('publish', '--db', 'x.duckdb', '--groups', 'groups.csv', '--group', HOSTILE_GROUP, '--year', '2022', '--out', 'reports-g');
  outHostile = path.join(dir, 'reports-g');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(file: string, width: number, js = true): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js });
  const page = await context.newPage();
  const o: Opened = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning' ? o.errors.push(`${m.type()}: ${m.text()}`) : undefined));
  page.on('pageerror', (e) => o.errors.push(e.message));
  page.on('request', (r) => (r.url().startsWith('file://') ? undefined : o.requests.push(r.url())));
  page.on('dialog', (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('file://' + file);
  if (js && (await page.locator('#xxgk-data').count()) > 0) await page.waitForSelector('body[data-ready]');
  return o;
}

const gridRows = (p: Page) => p.locator('#grid .tabulator-row');
const columnValues = (p: Page, field: string) => p.$$eval(`#grid .tabulator-row .tabulator-cell[tabulator-field="${field}"]`, (cells) => cells.map((c) => c.textContent!.replace(/◦$/u, '')));
const shot = async (p: Page, name: string, fullPage = false) => {
  const png = await p.screenshot({ fullPage });
  expect(png.length).toBeGreaterThan(10_000);
  if (process.env.XXGK_SHOTS === 'docs') fs.writeFileSync(path.resolve('docs', name), png);
};

describe.skipIf(!have)('the published site in headless Chromium', () => {
  for (const width of [1440, 390]) {
    it(`year page at ${width} px: readable name column, no page scroll sideways, header in view, sort, search, filters, charts`, async () => {
      const expected = await sql<{ n: number; depts: number; longest: string }>(
        `SELECT count(*)::INT AS n, count(*) FILTER (WHERE level = '部门')::INT AS depts, arg_max(body, length(body)) AS longest FROM mart_outcomes WHERE year = 2022 AND group_kind = 'built_in'`,
      );
      const { n, depts } = expected[0]!;
      const o = await open(path.join(out, '2022', 'index.html'), width);
      const p = o.page;
      await p.waitForSelector('body[data-ready="charts"]');
      await shot(p, `site-2022-${width}.png`);
      // the grid replaced the plain tables, with every row
      expect(await p.locator('#plain').isHidden()).toBe(true);
      expect(await gridRows(p).count()).toBe(n);

      // the name column: at least as wide as the longest name, up to the cap (380 px; half a phone screen)
      const cap = width < 700 ? Math.round(width * 0.5) : 380;
      const m = await p.evaluate(() => {
        const col = document.querySelector('#grid .tabulator-col[tabulator-field="body"]')!.getBoundingClientRect().width;
        const widths = [...document.querySelectorAll('#grid .tabulator-cell[tabulator-field="body"] a')].map((a) => {
          const r = document.createRange();
          r.selectNodeContents(a);
          return r.getBoundingClientRect().width;
        });
        const heights = [...document.querySelectorAll('#grid .tabulator-row')].map((r) => r.getBoundingClientRect().height);
        return { col, longest: Math.max(...widths), tallest: Math.max(...heights) };
      });
      expect(m.col).toBeGreaterThanOrEqual(Math.min(m.longest + 16, cap) - 1);
      expect(m.col).toBeLessThanOrEqual(cap + 1);
      if (width === 1440) expect(m.col).toBeGreaterThanOrEqual(m.longest + 16 - 1); // nothing cut at 1440
      expect(m.tallest).toBeLessThan(50); // names on one line: rows were 350 px tall when names wrapped

      // no sideways scroll of the page; the grid scrolls in its own box at 390 px
      const scroll = await p.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        holder: document.querySelector('#grid .tabulator-tableholder')!.scrollWidth,
        holderView: document.querySelector('#grid .tabulator-tableholder')!.clientWidth,
      }));
      expect(scroll.page).toBeLessThanOrEqual(scroll.view);
      if (width === 390) expect(scroll.holder).toBeGreaterThan(scroll.holderView);

      // the frozen name column stays put when the grid scrolls sideways
      if (width === 390) {
        const before = await p.locator('#grid .tabulator-cell[tabulator-field="body"]').first().boundingBox();
        await p.evaluate(() => document.querySelector('#grid .tabulator-tableholder')!.scrollBy(300, 0));
        await p.waitForTimeout(100);
        const after = await p.locator('#grid .tabulator-cell[tabulator-field="body"]').first().boundingBox();
        expect(Math.abs(after!.x - before!.x)).toBeLessThan(1);
        await p.evaluate(() => document.querySelector('#grid .tabulator-tableholder')!.scrollTo(0, 0));
      }

      // the header stays at the top of the window after the page scrolls past the grid's top
      const top = await p.evaluate(() => document.querySelector('#grid')!.getBoundingClientRect().top + window.scrollY);
      await p.evaluate((y) => window.scrollTo(0, y + 120), top);
      await p.waitForTimeout(100);
      const header = await p.locator('#grid .tabulator-header').boundingBox();
      expect(header!.y).toBeGreaterThanOrEqual(-1);
      expect(header!.y).toBeLessThanOrEqual(1);
      const firstRow = await gridRows(p).first().boundingBox();
      expect(firstRow!.y).toBeLessThan(header!.y + header!.height); // the first row went under the header
      await shot(p, `site-2022-${width}-scrolled.png`);
      await p.evaluate(() => window.scrollTo(0, 0));

      // clicking a header sorts: largest first, again: smallest first with blanks last
      await p.locator('#grid .tabulator-col[tabulator-field="v.new_applications"] .tabulator-col-title').click();
      const desc = (await columnValues(p, 'v.new_applications')).filter(Boolean).map(Number);
      expect(desc[0]).toBe(552);
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await p.locator('#grid .tabulator-col[tabulator-field="v.new_applications"] .tabulator-col-title').click();
      const asc = (await columnValues(p, 'v.new_applications')).filter(Boolean).map(Number);
      expect(asc).toEqual([...desc].reverse());

      // search, then the level filter
      await p.fill('#q', '龙岗');
      await expect.poll(() => gridRows(p).count()).toBe(1);
      expect(await gridRows(p).first().innerText()).toContain(LG);
      expect(await p.locator('#count').innerText()).toBe(`1 / ${n} 个单位`);
      await p.fill('#q', '');
      await p.selectOption('#f-level', '部门');
      await expect.poll(() => gridRows(p).count()).toBe(depts);
      expect(new Set(await columnValues(p, 'level'))).toEqual(new Set(['部门']));
      await p.selectOption('#f-level', '');
      await expect.poll(() => gridRows(p).count()).toBe(n);

      // views: fewer columns at a time
      await p.click('#views button[data-view="outcomes"]');
      expect(await p.locator('#grid .tabulator-col[tabulator-field="v.not_held_share"]').isVisible()).toBe(true);
      expect(await p.locator('#grid .tabulator-col[tabulator-field="v.new_applications"]').isVisible()).toBe(false);
      const lgShare = await p.$eval(`#grid .tabulator-row:has(a[title="${LG}"]) .tabulator-cell[tabulator-field="v.not_held_share"]`, (c) => c.textContent);
      expect(lgShare).toBe('52.9%');

      // the charts: one bar chart per peer group with a value, a tooltip with the value, a legend that toggles lines
      const groups = await sql<{ n: number }>(
        `SELECT count(DISTINCT group_id)::INT AS n FROM mart_outcomes WHERE year = 2022 AND group_kind = 'built_in' AND not_held_share IS NOT NULL`,
      );
      expect(await p.locator('#bars .chart').count()).toBe(groups[0]!.n);
      const lgGroup = (await sql<{ g: string }>(`SELECT group_name AS g FROM peer_groups JOIN bodies USING (body_id) WHERE name = '${LG}' AND kind = 'built_in'`))[0]!.g;
      const lgChart = p.locator(`#bars .chart[data-group="${lgGroup}"]`);
      expect(await lgChart.innerText()).toContain('52.9%');
      const tip = await p.evaluate((g) => {
        const box = [...document.querySelectorAll('#bars .chart')].find((c) => c.getAttribute('data-group') === g)!;
        const chart = (window as unknown as { echarts: { getInstanceByDom(e: Element): { dispatchAction(a: object): void } } }).echarts.getInstanceByDom(box);
        chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
        return box.textContent;
      }, lgGroup);
      expect(tip).toContain('组内名次');
      const chartBox = await p.locator('#bars .chart').first().boundingBox();
      const mainBox = await p.locator('main').boundingBox();
      expect(chartBox!.width).toBeGreaterThan(mainBox!.width - 40); // full width
      const legendName = '平潭综合实验区';
      await p.locator('#trend svg text', { hasText: new RegExp(`^${legendName}$`, 'u') }).first().click();
      const selected = await p.evaluate(
        () =>
          (window as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { legend: { selected: Record<string, boolean> }[] } } } }).echarts
            .getInstanceByDom(document.querySelector('#trend')!)
            .getOption().legend[0]!.selected,
      );
      expect(selected[legendName]).toBe(false);
      // another metric for the charts
      await p.selectOption('#f-metric', 'new_applications');
      await expect.poll(() => p.locator('#bars').innerText()).toContain('552');
      await p.click('#views button[data-view="applications"]');

      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([]);
      expect(o.dialogs).toEqual([]);
      await p.context().close();
    });
  }

  it('without JavaScript the plain tables carry every row, and the page does not scroll sideways at 390 px', async () => {
    const n = (await sql<{ n: number }>(`SELECT count(*)::INT AS n FROM mart_outcomes WHERE year = 2022 AND group_kind = 'built_in'`))[0]!.n;
    const o = await open(path.join(out, '2022', 'index.html'), 390, false);
    for (const t of ['applications', 'outcomes', 'review_litigation', 'proactive', 'data_quality']) {
      expect(await o.page.locator(`table[data-table="${t}"] tbody tr`).count()).toBe(n);
    }
    expect(await o.page.locator('#controls').isHidden()).toBe(true);
    expect(await o.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await o.page.locator('table[data-table="outcomes"]').innerText()).toContain('52.9%');
    expect(o.requests).toEqual([]);
    await o.page.context().close();
  });

  it('index.html: Chinese entry with every year, body, download and the quality summary; its search filters the bodies', async () => {
    const years = (await sql<{ year: number }>('SELECT DISTINCT year FROM reports ORDER BY year')).map((r) => r.year);
    const withReports = (await sql<{ n: number }>('SELECT count(DISTINCT body_id)::INT AS n FROM reports'))[0]!.n;
    const o = await open(path.join(out, 'index.html'), 390);
    const p = o.page;
    expect(await p.getAttribute('html', 'lang')).toBe('zh-CN');
    for (const y of years) expect(await p.locator(`#years a[href="${y}/index.html"]`).count()).toBe(1);
    expect(await p.locator('#quality tbody tr').count()).toBe(years.length);
    expect(await p.locator('#bodies-grid .tabulator-row').count()).toBeGreaterThanOrEqual(withReports);
    await p.fill('#bq', '龙岗');
    await expect.poll(() => p.locator('#bodies-grid .tabulator-row').count()).toBe(1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(p, 'site-index-390.png');
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    await p.context().close();
  });

  it('every local link and asset of every page names a file that exists', () => {
    const pages = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const f of pages) {
      const html = fs.readFileSync(path.join(out, f), 'utf8');
      for (const [, target] of html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/gu)) {
        if (/^https?:/u.test(target!)) continue;
        if (!fs.existsSync(path.join(out, path.dirname(f), decodeURI(target!)))) missing.push(`${f} -> ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a body page: every year, every metric, its reports with the source file and its failed checks', async () => {
    const failing = await sql<{ body_id: string; year: number; rule: string; scope: string }>(
      `SELECT r.body_id, r.year, c.rule, c.scope FROM check_results c JOIN reports r USING (report_id) WHERE c.status = 'fail' ORDER BY r.body_id, c.rule, c.scope`,
    );
    expect(failing.length).toBeGreaterThan(0);
    const id = failing[0]!.body_id;
    const o = await open(path.join(out, 'bodies', `${id}.html`), 390, false);
    const text = await o.page.locator('main').innerText();
    for (const f of failing.filter((f) => f.body_id === id)) expect(text).toContain(`${f.rule}\t${f.scope}`);
    const reports = await sql<{ year: number; source_path: string }>(`SELECT year, source_path FROM reports WHERE body_id = '${id}' ORDER BY year`);
    expect(await o.page.locator('table.body-metrics thead th').allInnerTexts()).toEqual(['指标', ...reports.map((r) => String(r.year))]);
    for (const r of reports) expect(text).toContain(r.source_path);
    const metrics = (await sql<{ zh: string }>('SELECT name_zh AS zh FROM metrics')).map((m) => m.zh);
    const rows = await o.page.locator('table.body-metrics tbody th').allInnerTexts();
    for (const m of metrics) expect(rows.some((r) => r.startsWith(m))).toBe(true);
    expect(await o.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await o.page.context().close();

    const lgId = (await sql<{ id: string }>(`SELECT body_id AS id FROM bodies WHERE name = '${LG}'`))[0]!.id;
    const lg = await open(path.join(out, 'bodies', `${lgId}.html`), 1440, false);
    const row = await lg.page.locator('table.body-metrics tr', { hasText: '本机关不掌握相关政府信息占比' }).innerText();
    expect(row).toContain('52.9%');
    await shot(lg.page, 'site-body-1440.png');
    await lg.page.context().close();
  });

  it('the dictionary holds every COMMENT of the database, and every metric', async () => {
    const html = fs.readFileSync(path.join(out, 'dictionary.html'), 'utf8');
    const comments = await sql<{ t: string; c: string; comment: string }>(
      `SELECT table_name AS t, column_name AS c, comment FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal AND comment IS NOT NULL AND table_name NOT LIKE '\\_%' ESCAPE '\\'`,
    );
    expect(comments.length).toBeGreaterThan(100);
    const esc = (s: string) => s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    const absent = comments.filter((r) => !html.includes(`<td class="name"><code>${esc(r.c)}</code></td><td class="detail">${esc(r.comment)}</td>`));
    expect(absent).toEqual([]);
    for (const m of await sql<{ code: string }>('SELECT code FROM metrics')) expect(html).toContain(`id="metric-${m.code}"`);
  });

  it('hostile file and group names are shown as text: no script runs, no element is made from them', async () => {
    const o = await open(path.join(outHostile, '2022', 'index.html'), 1440);
    const p = o.page;
    await p.click('#views button[data-view="data_quality"]');
    const sources = await columnValues(p, 'source');
    expect(sources.some((s) => s.endsWith(HOSTILE_FILE))).toBe(true);
    expect(await columnValues(p, 'group')).toContain(HOSTILE_GROUP);
    expect(await p.locator('#f-group option', { hasText: HOSTILE_GROUP }).count()).toBe(1);
    expect(await p.locator('img').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(4); // the JSON, Tabulator, ECharts, site.js
    await p.locator('#bars .chart').first().hover();
    expect(o.dialogs).toEqual([]);
    expect(o.errors).toEqual([]);
    await p.context().close();
    const lgId = (await sql<{ id: string }>(`SELECT body_id AS id FROM bodies WHERE name = '${LG}'`))[0]!.id;
    const body = await open(path.join(out, 'bodies', `${lgId}.html`), 1440);
    expect(await body.page.locator('main').innerText()).toContain(HOSTILE_FILE);
    expect(await body.page.locator('img').count()).toBe(0);
    expect(body.dialogs).toEqual([]);
    await body.page.context().close();
  });
});
