// The regions seed: one row per division code. A city without counties (东莞市, 中山市, 儋州市) is
// also listed among the areas under its own code; kept, it was its own parent, which made its
// name ambiguous (no region) and sent the parent walk of 广东省东莞市… into an endless loop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openWrite, query } from '../pipeline/db/duck.ts';
import { prepare } from '../pipeline/db/prepare.ts';
import { RegionIndex, resolveBody } from '../pipeline/normalize/bodies.ts';

it('has one region per code, and cities without counties resolve to their own code', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-regions-'));
  const db = await openWrite(path.join(dir, 'x.duckdb'));
  try {
    await prepare(db, () => {});
    const dup = await query(db, `SELECT code, count(*)::INT AS n FROM regions GROUP BY code HAVING count(*) > 1`);
    expect(dup).toEqual([]);
    const [self] = await query<{ n: number }>(db, `SELECT count(*)::INT AS n FROM regions WHERE code = parent_code`);
    expect(self!.n).toBe(0);
    const idx = new RegionIndex(await query(db, 'SELECT code, name, level, parent_code FROM regions'), []);
    expect(resolveBody('东莞市人民政府', idx).regionCode).toBe('441900');
    expect(resolveBody('广东省东莞市人民政府', idx).regionCode).toBe('441900');
    expect(resolveBody('广东省中山市公安局', idx)).toMatchObject({ regionCode: '442000', parentName: '广东省中山市人民政府' });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
