// The comparison tables as a spreadsheet or a CSV wants them: a rank is a number with the size of
// its group in a column of its own (not the text "1/5", which sorts and sums as text), and every
// row carries its year, region code and body id, so that the files of several years stack and join.
import type { Db } from '../db/duck.ts';
import { query } from '../db/duck.ts';
import type { Published } from './data.ts';
import type { Column } from './tables.ts';

/** Columns appended to every flat table: what a row is, for stacking years and joining. */
export const ID_COLUMNS: Column[] = [
  { key: 'year', zh: '年度', en: 'year', kind: 'int' },
  { key: 'region_code', zh: '行政区划代码', en: 'region_code', kind: 'text' },
  { key: 'body_id', zh: '单位代码', en: 'body_id', kind: 'text' },
];

export const GROUP_SIZE_ZH = '共N（参与排名数）';

/** A rank as a number, whether the table holds it as a number or as the page's text "2/5". */
export function rankNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  const m = /^(\d+)\/\d+$/u.exec(String(v));
  return m ? Number(m[1]) : null;
}

const isRank = (c: Column) => c.en.endsWith('_rank');

/** Rank columns become a numeric rank and a 共N column (the mart's `<metric>_of`); the id columns go last. */
export function flatTable(t: Published): Published {
  const columns: Column[] = [];
  for (const c of t.columns) {
    if (!isRank(c)) {
      columns.push(c);
      continue;
    }
    const metric = c.en.slice(0, -'_rank'.length);
    columns.push({ ...c, kind: 'rank' }, { key: `${metric}_of`, zh: GROUP_SIZE_ZH, en: `${metric}_group_size`, kind: 'int' });
  }
  columns.push(...ID_COLUMNS.filter((id) => !columns.some((c) => c.key === id.key)));
  const rankKeys = columns.filter((c) => c.kind === 'rank').map((c) => c.key);
  const rows = t.rows.map((r) => {
    const o = { ...r };
    for (const k of rankKeys) o[k] = rankNumber(r[k]);
    return o;
  });
  return { ...t, columns, rows };
}

/** Fills `region_code` from `bodies` where a mart does not carry it (the data-quality table). */
export async function addRegionCodes(db: Db, tables: Published[]): Promise<Published[]> {
  const codes = new Map((await query<{ body_id: string; region_code: string | null }>(db, 'SELECT body_id, region_code FROM bodies')).map((b) => [b.body_id, b.region_code]));
  for (const t of tables) for (const r of t.rows) if (r.region_code === undefined) r.region_code = codes.get(String(r.body_id)) ?? null;
  return tables;
}
