// Screenshot of a published page for the README: npx tsx scripts/screenshot.ts reports/2022/index.html docs/publish-2022.png
import path from 'node:path';
import { chromium } from 'playwright-core';

const [page, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('file://' + path.resolve(page!));
await p.screenshot({ path: out!, fullPage: false });
await browser.close();
