// The published HTML page opened in headless Chromium (Debian package `chromium`): it renders
// the tables and charts with no console errors and needs no network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const have = fs.existsSync(CHROMIUM);
if (!have && process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install the Debian package chromium`);
if (!have) console.warn(`SKIPPED: the HTML page test needs Chromium at ${CHROMIUM} (apt-get install chromium)`);

let dir: string;
let out: string;
let dbFile: string;

beforeAll(async () => {
  if (!have) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-html-'));
  const raw = path.join(dir, 'raw');
  fs.mkdirSync(raw);
  for (const f of fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'))) fs.copyFileSync(path.join(CORPUS, f), path.join(raw, f));
  dbFile = path.join(dir, 'x.duckdb');
  await runAll({ db: dbFile, input: raw, log: () => {} });
  out = path.join(dir, 'reports');
  await publish({ db: dbFile, out, year: 2022, smallN: 10 }, () => {});
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!have)('published HTML page in headless Chromium', () => {
  it('renders every table row and the charts, with no console errors and no network request', async () => {
    const db = await openRead(dbFile);
    const expected = await query<{ n: number }>(db, `SELECT count(*)::INT AS n FROM mart_outcomes WHERE year = 2022 AND group_kind = 'built_in'`);
    db.close();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => (r.url().startsWith('file://') ? undefined : requests.push(r.url())));
      await page.goto('file://' + path.join(out, '2022', 'index.html'));
      expect(await page.locator('table[data-table="outcomes"] tbody tr').count()).toBe(expected[0]!.n);
      expect(await page.locator('table[data-table="applications"] tbody tr').count()).toBe(expected[0]!.n);
      expect(await page.locator('.charts svg').count()).toBeGreaterThanOrEqual(3);
      // the bar chart shows 龙岗区's not-held share as printed in the table
      expect(await page.locator('.charts').innerText()).toContain('52.9%');
      const box = await page.locator('.charts svg').first().boundingBox();
      expect(box!.height).toBeGreaterThan(100);
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.length).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
