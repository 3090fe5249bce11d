// The hand-checked gold labels: every labelled cell exact, issuer, year and format right.
import { describe, expect, it } from 'vitest';
import { compareCells, CORPUS, extractPath, goldFiles, readGold } from './helpers.ts';
import path from 'node:path';

describe('gold-labelled corpus reports', () => {
  const files = goldFiles();
  it('has the gold files to test', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });
  for (const file of files) {
    it(`${file}: every labelled cell exact, metadata right`, async () => {
      const gold = readGold(file);
      const r = await extractPath(path.join(CORPUS, file));
      expect(r.status).not.toBe('rejected');
      const wrong = compareCells(gold, r).filter(([, want, got]) => want !== got);
      expect(wrong).toEqual([]);
      expect(r.issuer).toBe(gold.issuer);
      expect(r.year).toBe(gold.year);
      expect(r.format).toBe(gold.format);
      // no labelled cell may carry an ambiguity flag: they are all exact
      const labelled = new Set(compareCells(gold, r).map(([k]) => k));
      expect(r.flags.filter((f) => labelled.has(f.cell))).toEqual([]);
    });
  }
});
