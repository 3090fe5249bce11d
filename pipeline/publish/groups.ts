// User-defined peer groups from a CSV file (columns: group, body), stored in user_groups.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/duck.ts';
import { query, UserError } from '../db/duck.ts';
import { appendRows } from '../db/append.ts';

export async function loadGroups(db: Db, file: string): Promise<{ groups: number; members: number }> {
  let records: Record<string, string>[];
  try {
    records = parse(fs.readFileSync(file, 'utf8').replace(/^\ufeff/u, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new UserError(`cannot read groups file ${file}: ${(e as Error).message}`);
  }
  if (records.length > 0 && (!('group' in records[0]!) || !('body' in records[0]!))) {
    throw new UserError(`groups file ${file} needs the columns "group" and "body"`);
  }
  const names = await query<{ name: string; body_id: string }>(
    db,
    `SELECT name, body_id FROM bodies UNION SELECT alias, body_id FROM body_aliases`,
  );
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const n of names) {
    if (byName.has(n.name) && byName.get(n.name) !== n.body_id) ambiguous.add(n.name);
    byName.set(n.name, n.body_id);
  }
  const unknown = records.filter((r) => !byName.has(r.body!)).map((r) => r.body);
  if (unknown.length > 0) throw new UserError(`groups file ${file}: no such body: ${unknown.join(', ')} (see SELECT name FROM bodies)`);
  // 商务局 printed by two sites is two bodies, 商务局（site）: the bare name would pick one at random
  const unsure = [...new Set(records.map((r) => r.body!).filter((b) => ambiguous.has(b)))];
  if (unsure.length > 0) {
    throw new UserError(`groups file ${file}: ${unsure.join(', ')} names more than one body; use the name in bodies (SELECT name FROM bodies WHERE name LIKE '${unsure[0]}%')`);
  }
  await db.conn.run('DELETE FROM user_groups');
  await appendRows(db, 'user_groups', records.map((r) => [r.group, byName.get(r.body!)]));
  return { groups: new Set(records.map((r) => r.group)).size, members: records.length };
}
