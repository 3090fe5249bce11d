// Writes the published site: reports/index.html (the entry), a page per year (per province of a
// year past YEAR_PAGE_SPLIT bodies), a page per body,
// the dictionary, and the shared assets (Tabulator, ECharts, the site's script and style), which
// every page loads by a relative path so the site works from file:// with no network.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Db, ROOT } from '../../db/duck.ts';
import { ASSETS } from '../html.ts';
import { timing } from '../../load/timing.ts';
import { dropSite, groupMembers, loadBodyBatch, loadMeta, loadYearPage, pageBodyIds, prepareSite, yearProvinces } from './data.ts';
import { bodyPage, dictionaryPage, type IndexInput, indexPage, type YearIndexInput, yearIndexPage, yearPage } from './pages.ts';

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
  /** a year with more bodies than this gets a page per province under an index of the provinces (default YEAR_PAGE_SPLIT) */
  yearPageSplit?: number;
  /** prepareSite was run on this connection already (publish does it before its exports start) */
  prepared?: boolean;
}

/**
 * Bodies on one year page before the year is split by province: 2,000 rows of some forty columns
 * make a page of about 14 MB that a browser still sorts and filters at once; a national year
 * (100,000 bodies) would be a page of hundreds of MB. XXGK_YEAR_PAGE_SPLIT sets another.
 */
export const YEAR_PAGE_SPLIT = 2000;
/** Bodies whose pages are read and written together. */
const BODY_BATCH = 500;

export function yearPageSplit(o: Pick<SiteOptions, 'yearPageSplit'>): number {
  const v = o.yearPageSplit ?? (process.env.XXGK_YEAR_PAGE_SPLIT ? Number(process.env.XXGK_YEAR_PAGE_SPLIT) : YEAR_PAGE_SPLIT);
  if (!Number.isInteger(v) || v < 1) throw new Error(`the year page split needs a positive whole number of bodies, got ${v}`);
  return v;
}

/** The file of a province's part of a year page, beside the year's index.html. */
export const provinceFile = (code: string | null) => `province-${code ?? 'none'}.html`;

export async function writeSite(db: Db, o: SiteOptions): Promise<string[]> {
  const split = yearPageSplit(o);
  let t0 = performance.now();
  const step = (what: string) => {
    timing?.(`(site) ${what}`, t0);
    t0 = performance.now();
  };
  if (!o.prepared) await prepareSite(db, o.group, o.years);
  step('temporary tables');
  const meta = await loadMeta(db, o.years);
  const files: string[] = [];
  const write = (rel: string, data: string | Buffer) => {
    const f = path.join(o.out, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, data);
    files.push(f);
  };
  for (const [name, src] of Object.entries(assetSources())) write(path.join('assets', name), fs.readFileSync(src));

  // the index page's peer groups: each group's members over the years published
  const groups = new Map<string, Map<string, string>>();
  for (const m of await groupMembers(db, o.years, o.group)) {
    const members = groups.get(m.group) ?? new Map<string, string>();
    if (!members.has(m.body_id)) members.set(m.body_id, m.name);
    groups.set(m.group, members);
  }

  const base = { years: o.years, groupLabel: o.groupLabel, smallN: o.smallN, metrics: meta.metrics };
  for (const year of o.years) {
    const provinces = await yearProvinces(db, year, o.group);
    const bodies = provinces.reduce((n, p) => n + p.bodies, 0);
    if (bodies <= split) {
      const { rows, trend } = await loadYearPage(db, year, o.years, meta.metrics);
      write(path.join(String(year), 'index.html'), yearPage({ ...base, year, rows, trend }));
      step(`year ${year}`);
      continue;
    }
    // a page per province, each the same grid, and the year's index.html listing them
    const parts: YearIndexInput['provinces'] = [];
    for (const p of provinces) {
      const { rows, trend } = await loadYearPage(db, year, o.years, meta.metrics, { province: p.province });
      const file = provinceFile(p.code);
      write(path.join(String(year), file), yearPage({ ...base, year, rows, trend, province: p.province ?? '省份不明' }));
      parts.push({ file, name: p.province ?? '省份不明', bodies: new Set(rows.map((r) => r.body_id)).size, groups: new Set(rows.map((r) => r.group_id)).size });
    }
    write(path.join(String(year), 'index.html'), yearIndexPage({ ...base, year, provinces: parts }));
    step(`year ${year}: ${parts.length} province pages`);
  }

  // a page for every body with a report, and every parent named by one, a batch at a time
  const ids = await pageBodyIds(db, o.years);
  const withPage = new Set(ids);
  const indexBodies: IndexInput['bodies'] = [];
  for (let i = 0; i < ids.length; i += BODY_BATCH) {
    const batch = await loadBodyBatch(db, ids.slice(i, i + BODY_BATCH));
    for (const b of batch.bodies) {
      const reports = (batch.reports.get(b.body_id) ?? []).filter((r) => o.years.includes(r.year));
      write(path.join('bodies', `${b.body_id}.html`), bodyPage(b, reports, meta.metrics, o.years, withPage, o.smallN));
      indexBodies.push({ body_id: b.body_id, body: b.name, level: b.level_zh, province: b.province, group: b.groups.join('；'), aliases: b.aliases.join(' '), years: reports.map((r) => r.year) });
    }
  }
  step(`${ids.length} body pages`);
  // the index lists the bodies as the database orders them by name
  indexBodies.sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : a.body_id < b.body_id ? -1 : a.body_id > b.body_id ? 1 : 0));
  const groupList = [...groups]
    .map(([name, members]) => ({ name, members: [...members].map(([body_id, n]) => ({ body_id, name: n })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) }))
    .sort((a, b) => b.members.length - a.members.length || (a.name < b.name ? -1 : 1));
  write('index.html', indexPage({ years: o.years, summaries: meta.summaries, rejected: meta.rejected, groups: groupList, bodies: indexBodies, metrics: meta.metrics }));
  write('dictionary.html', dictionaryPage(meta.dictionary, o.years));
  step('index and dictionary');
  await dropSite(db);
  return files;
}
