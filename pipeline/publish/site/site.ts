// Writes the published site: reports/index.html (the entry), a page per year, a page per body,
// the dictionary, and the shared assets (Tabulator, ECharts, the site's script and style), which
// every page loads by a relative path so the site works from file:// with no network.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Db, ROOT } from '../../db/duck.ts';
import { ASSETS } from '../html.ts';
import { loadSite, type SiteData } from './data.ts';
import { bodyPage, dictionaryPage, indexPage, yearPage } from './pages.ts';

const require = createRequire(import.meta.url);
// the script and style sit beside this file's TypeScript source (the compiled copy in dist/ has none)
const SOURCE_DIR = path.join(ROOT, 'pipeline/publish/site');

/** Where each shared asset comes from: the libraries' own builds from node_modules, with their licences. */
function assetSources(): Record<string, string> {
  // the package's folder: up from its entry point to the package.json that names it (neither
  // package exports ./package.json)
  const pkg = (name: string) => {
    let dir = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
      const up = path.dirname(dir);
      if (up === dir) throw new Error(`cannot find the folder of the package ${name}`);
      dir = up;
    }
    return dir;
  };
  const tab = pkg('tabulator-tables');
  const ech = pkg('echarts');
  return {
    [ASSETS.tabulator]: path.join(tab, 'dist/js/tabulator.min.js'),
    [ASSETS.tabulatorCss]: path.join(tab, 'dist/css/tabulator_simple.min.css'),
    'LICENSE-tabulator.txt': path.join(tab, 'LICENSE'),
    [ASSETS.echarts]: path.join(ech, 'dist/echarts.common.min.js'),
    'LICENSE-echarts.txt': path.join(ech, 'LICENSE'),
    'NOTICE-echarts.txt': path.join(ech, 'NOTICE'),
    [ASSETS.site]: path.join(SOURCE_DIR, 'client.js'),
    [ASSETS.css]: path.join(SOURCE_DIR, 'site.css'),
  };
}

export interface SiteOptions {
  out: string;
  years: number[];
  group?: string;
  smallN: number;
  groupLabel: string;
}

export async function writeSite(db: Db, o: SiteOptions): Promise<string[]> {
  const site = await loadSite(db, o.years, o.group, o.smallN);
  const files: string[] = [];
  const write = (rel: string, data: string | Buffer) => {
    const f = path.join(o.out, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, data);
    files.push(f);
  };
  for (const [name, src] of Object.entries(assetSources())) write(path.join('assets', name), fs.readFileSync(src));

  for (const year of o.years) {
    const rows = site.rowsByYear.get(year) ?? [];
    write(path.join(String(year), 'index.html'), yearPage({ year, years: o.years, groupLabel: o.groupLabel, smallN: o.smallN, metrics: site.metrics, rows, trend: trendFor(site, year, rows.map((r) => r.body_id)) }));
  }
  // a page for every body with a report, and every parent named by one
  const withPage = new Set<string>();
  for (const [id, list] of site.reports) if (list.some((r) => o.years.includes(r.year))) withPage.add(id);
  for (const id of [...withPage]) {
    const p = site.bodies.get(id)?.parent_id;
    if (p && site.bodies.has(p)) withPage.add(p);
  }
  const pageBodies = new Map([...site.bodies].filter(([id]) => withPage.has(id)));
  for (const b of pageBodies.values()) {
    const reports = (site.reports.get(b.body_id) ?? []).filter((r) => o.years.includes(r.year));
    write(path.join('bodies', `${b.body_id}.html`), bodyPage(b, reports, site.metrics, o.years, pageBodies, o.smallN));
  }
  write('index.html', indexPage(indexInput(site, pageBodies)));
  write('dictionary.html', dictionaryPage(site.dictionary, o.years));
  return files;
}

/** Each metric's series per body over the years up to `year`, for the bodies on that year's page. */
function trendFor(site: SiteData, year: number, bodyIds: string[]) {
  const years = site.years.filter((y) => y <= year);
  const series: Record<string, Record<string, (number | null)[]>> = {};
  for (const id of new Set(bodyIds)) {
    const byYear = new Map((site.reports.get(id) ?? []).map((r) => [r.year, r]));
    for (const m of site.metrics) {
      const values = years.map((y) => byYear.get(y)?.metrics.get(m.code)?.value ?? null);
      if (values.every((v) => v === null)) continue;
      (series[m.code] ??= {})[id] = values.map((v) => (v === null ? null : Number(v.toPrecision(6))));
    }
  }
  return { years, series };
}

function indexInput(site: SiteData, pageBodies: Map<string, SiteData['bodies'] extends Map<string, infer B> ? B : never>) {
  const groups = new Map<string, { body_id: string; name: string }[]>();
  for (const rows of site.rowsByYear.values()) {
    for (const r of rows) {
      const list = groups.get(r.group) ?? [];
      if (!list.some((m) => m.body_id === r.body_id)) list.push({ body_id: r.body_id, name: r.body });
      groups.set(r.group, list);
    }
  }
  const groupList = [...groups]
    .map(([name, members]) => ({ name, members: members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) }))
    .sort((a, b) => b.members.length - a.members.length || (a.name < b.name ? -1 : 1));
  const bodies = [...pageBodies.values()].map((b) => ({
    body_id: b.body_id,
    body: b.name,
    level: b.level_zh,
    province: b.province,
    group: b.groups.join('；'),
    aliases: b.aliases.join(' '),
    years: (site.reports.get(b.body_id) ?? []).map((r) => r.year).filter((y) => site.years.includes(y)),
  }));
  return { years: site.years, summaries: site.summaries, rejected: site.rejected, groups: groupList, bodies, metrics: site.metrics };
}
