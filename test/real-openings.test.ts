// Real page openings (test/fixtures/real/openings/README.md): the issuer and the year of pages
// that often print no title, against what was read from them by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPath } from './helpers.ts';

const DIR = path.resolve('test/fixtures/real/openings');
const rows = fs
  .readFileSync(path.join(DIR, 'expected.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [file, issuer, year, url] = l.split('\t') as [string, string, string, string];
    return { file, issuer, year: Number(year), url };
  });
// a longer or shorter form of the same name is the same body (`北坡镇`, `遂溪县北坡镇人民政府`)
const core = (s: string) => s.replace(/(?:人民政府|政府)$/u, '').replace(/办事处$/u, '');

describe('real page openings: issuer and year', () => {
  it('holds the 66 pages', () => expect(rows).toHaveLength(66));
  for (const { file, issuer, year, url } of rows) {
    it(`${file} (${url})`, async () => {
      const r = await extractPath(path.join(DIR, file));
      expect(r.status).not.toBe('rejected');
      expect(r.year).toBe(year);
      if (issuer === '') {
        // the text names no body: no name, or one marked as inferred, never a phrase passed off as a name
        if (r.issuer !== null) expect(r.flags.some((f) => f.reason === 'issuer_inferred')).toBe(true);
      } else {
        expect(r.issuer).not.toBeNull();
        expect(core(r.issuer!)).toContain(core(issuer));
      }
    });
  }
});
