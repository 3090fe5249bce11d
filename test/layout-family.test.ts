// The family of layouts (issue 7): corpus reports printed as a CMS page and dumped in every style
// real crawlers produce (scripts/make-layouts.ts → test/fixtures/made/layouts/), and random
// tables that satisfy every identity, printed through the same template and styles.
// Fixtures: every labelled cell must be exact. Property: every cell exact, or NULL with a flag
// that covers it; never a wrong number, never a silently missing one.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { NOISE } from '../scripts/layouts/noise.ts';
import { randomReport } from '../scripts/layouts/reports.ts';
import { renderStyle, STYLES } from '../scripts/layouts/styles.ts';
import { reportHtml } from '../scripts/layouts/template.ts';
import { type CellOutcome, type Gold, judgeCells, MADE } from './helpers.ts';

const DIR = path.join(MADE, 'layouts');
const fixtures = fs
  .readdirSync(DIR)
  .filter((f) => !f.endsWith('.gold.json') && f !== 'STYLES.md')
  .sort();
const styleOf = (f: string) => f.replace(/^.*?--/u, '').replace(/\.[^.]+$/u, '');

type Tally = Record<CellOutcome, number> & { files: number; failing: number };
const tally = (m: Map<string, Tally>, k: string) => {
  if (!m.has(k)) m.set(k, { files: 0, failing: 0, exact: 0, flagged: 0, wrong: 0, missing: 0 });
  return m.get(k)!;
};

function summary(title: string, m: Map<string, Tally>): string {
  const rows = [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const w = Math.max(5, ...rows.map(([k]) => k.length));
  const lines = [title, `${'style'.padEnd(w)}  files  failing  cells   exact%  flagged  wrong  missing`];
  for (const [k, t] of rows) {
    const n = t.exact + t.flagged + t.wrong + t.missing;
    lines.push(`${k.padEnd(w)}  ${String(t.files).padStart(5)}  ${String(t.failing).padStart(7)}  ${String(n).padStart(5)}  ${(n ? (100 * t.exact) / n : 0).toFixed(1).padStart(7)}  ${String(t.flagged).padStart(7)}  ${String(t.wrong).padStart(5)}  ${String(t.missing).padStart(7)}`);
  }
  return lines.join('\n');
}

const fixtureTally = new Map<string, Tally>();
const propertyTally = new Map<string, Tally>();
afterAll(() => {
  if (fixtureTally.size) console.log(`\n${summary('layout fixtures (test/fixtures/made/layouts): labelled cells per style', fixtureTally)}\n`);
  if (propertyTally.size) console.log(`\n${summary('property test (random tables satisfying every identity): cells per style', propertyTally)}\n`);
});

const show = (x: number | null | undefined) => (x === undefined ? 'absent' : String(x));

describe('every layout fixture extracts to its gold (every labelled cell exact)', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));
  for (const file of fixtures) {
    it(file, async () => {
      const gold = JSON.parse(fs.readFileSync(path.join(DIR, `${file}.gold.json`), 'utf8')) as Gold;
      const r = await extractBytes(file, fs.readFileSync(path.join(DIR, file)));
      const cells = judgeCells(gold, r);
      const t = tally(fixtureTally, styleOf(file));
      t.files++;
      for (const c of cells) t[c.outcome]++;
      // Styles that print nothing for an empty cell lose where it was: a row with a blank cell
      // can only be flagged there (never wrong); everything else must be exact.
      const lossy = STYLES[styleOf(file)]?.keepsBlanks === false;
      const rowHasBlank = (key: string) => {
        const [t, row] = key.split('.') as ['t2' | 't3' | 't4', string];
        const cols = t === 't4' ? Object.values(gold.t4).flatMap((g) => Object.values(g)) : Object.values(gold[t]?.[row] ?? {});
        return cols.some((v) => v === null);
      };
      const bad = cells.filter((c) => c.outcome !== 'exact' && !(lossy && c.outcome === 'flagged' && rowHasBlank(c.key)));
      if (bad.length || r.status === 'rejected') t.failing++;
      const msg = [
        `${file}: ${bad.length} of ${cells.length} labelled cells not exact (status ${r.status}${r.error ? `: ${r.error}` : ''})`,
        ...bad.slice(0, 40).map((c) => `  ${file} ${c.key}: expected ${show(c.want)}, got ${show(c.got)} (${c.outcome})`),
        ...(bad.length > 40 ? [`  … and ${bad.length - 40} more`] : []),
      ].join('\n');
      expect(bad.length === 0 && r.status !== 'rejected', msg).toBe(true);
    });
  }
});

// Random tables: both formats, some with blank cells (printed where the value is 0).
const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);
const CASES = SEEDS.flatMap((s) => (['f2021', 'f2019'] as const).map((format) => ({ seed: s, format, blanks: s % 3 === 0 })));

describe('property: random tables that satisfy every identity, in every style: exact or NULL+flagged, never wrong', () => {
  for (const style of ['html', ...Object.keys(STYLES)]) {
    it(style, async () => {
      const problems: string[] = [];
      const t = tally(propertyTally, style);
      for (const { seed, format, blanks } of CASES) {
        const report = randomReport(seed, format, blanks);
        const html = reportHtml(report);
        const text = style === 'html' ? html : renderStyle(style, html);
        const name = `random-${seed}-${format}${blanks ? '-blanks' : ''}--${style}.${style === 'html' ? 'html' : STYLES[style]!.ext}`;
        const r = await extractBytes(name, new TextEncoder().encode(text));
        const gold: Gold = { file: name, issuer: report.issuer, year: report.year, format, t2: report.t2, t3: report.t3, t4: report.t4 };
        const cells = judgeCells(gold, r);
        t.files++;
        for (const c of cells) t[c.outcome]++;
        const bad = cells.filter((c) => c.outcome === 'wrong' || c.outcome === 'missing');
        if (bad.length || r.status === 'rejected') {
          t.failing++;
          problems.push(`${name} (seed ${seed}, ${format}${blanks ? ', blanks' : ''}; status ${r.status}${r.error ? `: ${r.error}` : ''}): ${bad.length} cells wrong or silently missing`);
          for (const c of bad.slice(0, 8)) problems.push(`  ${name} ${c.key}: expected ${show(c.want)}, got ${show(c.got)} (${c.outcome})`);
          if (bad.length > 8) problems.push(`  … and ${bad.length - 8} more`);
        }
      }
      expect(problems.length === 0, [`style ${style}: ${problems.filter((p) => !p.startsWith(' ')).length} of ${CASES.length} random reports fail`, ...problems.slice(0, 60)].join('\n')).toBe(true);
    });
  }
});

// Noise that changes characters, never numbers: each over every style, as the property above.
// A style that drops blank cells flags the cells it cannot place; noise must not add a wrong or
// silently missing cell, nor lose more cells than the style without noise.
const NOISE_CASES = [3, 11].flatMap((s) => (['f2021', 'f2019'] as const).map((format) => ({ seed: s, format, blanks: s % 3 === 0 })));
// the cells not exact on the page without noise, per style and case: the same for every noise, read once
const baseLoss = new Map<string, number>();
describe('property: real-world text noise over every style: exact or NULL+flagged, never wrong, no more flagged than without it', () => {
  for (const [noise, { what, apply = (s: string) => s, html: inHtml = (s: string) => s, lossy, gaps = {}, lossyIn = {} }] of Object.entries(NOISE)) {
    it(`${noise} (${what})`, async () => {
      const problems: string[] = [];
      for (const style of ['html', ...Object.keys(STYLES)].filter((st) => !gaps[st])) {
        for (const { seed, format, blanks } of NOISE_CASES) {
          const report = randomReport(seed, format, blanks);
          const html = reportHtml(report);
          const print = (page: string) => (style === 'html' ? page : renderStyle(style, page));
          const ext = style === 'html' ? 'html' : STYLES[style]!.ext;
          const gold: Gold = { file: style, issuer: report.issuer, year: report.year, format, t2: report.t2, t3: report.t3, t4: report.t4 };
          const judge = async (text: string) => judgeCells(gold, await extractBytes(`r.${ext}`, new TextEncoder().encode(text)));
          const key = `${style} ${seed} ${format}`;
          if (!baseLoss.has(key)) baseLoss.set(key, (await judge(print(html))).filter((c) => c.outcome !== 'exact').length);
          const noisy = await judge(apply(print(inHtml(html))));
          const bad = noisy.filter((c) => c.outcome === 'wrong' || c.outcome === 'missing');
          const lost = noisy.filter((c) => c.outcome !== 'exact').length - baseLoss.get(key)!;
          for (const c of bad.slice(0, 3)) problems.push(`${style} seed ${seed} ${format}: ${c.key} expected ${show(c.want)}, got ${show(c.got)} (${c.outcome})`);
          if (lost > 0 && !lossy && !lossyIn[style]) problems.push(`${style} seed ${seed} ${format}: ${lost} more cells not exact than without the noise`);
        }
      }
      expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
    });
  }
});
