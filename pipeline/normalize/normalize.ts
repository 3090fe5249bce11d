// Stage 3: resolve every extracted document to a canonical body and year (bodies, body_aliases,
// document_bodies). Rebuilt from the extractions on every run, so it is deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { insertRows, type Row } from '../db/append.ts';
import { type Db, query, REFERENCE_DIR } from '../db/duck.ts';
import { type Body, type Region, RegionIndex, bodyIdOf, resolveBody } from './bodies.ts';

export interface NormalizeSummary {
  bodies: number;
  documents: number;
  unplaced: number;
}

function readAliases(): { alias: string; code: string }[] {
  const text = fs.readFileSync(path.join(REFERENCE_DIR, 'region_aliases.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([alias, code]) => ({ alias: alias!, code: code! }));
}

export async function normalize(db: Db): Promise<NormalizeSummary> {
  const regions = await query<Region>(db, 'SELECT code, name, level, parent_code FROM regions');
  const index = new RegionIndex(regions, readAliases());
  const docs = await query<{ document_id: string; issuer: string | null; publisher: string | null; year: number | null; level: string | null }>(
    db,
    `SELECT e.document_id, e.issuer, e.publisher, e.year, e.level FROM extractions e JOIN documents d USING (document_id)
     WHERE d.ingest_state <> 'removed' AND e.sha256 = d.sha256 AND e.status <> 'rejected' ORDER BY d.path`,
  );
  const bodies = new Map<string, Body & { inferred: boolean }>();
  const aliases = new Map<string, { bodyId: string; source: string }>();
  const docBodies: Row<'document_bodies'>[] = [];
  const resolved = new Map<string, Body>();
  // names printed without their region (区公安局) resolve through the 发布机构 aliases of other files
  for (const d of docs) {
    if (!d.issuer) continue;
    const b = resolveBody(d.issuer, index);
    resolved.set(d.document_id, b);
    if (d.publisher && d.publisher !== b.name && b.regionCode) aliases.set(d.publisher, { bodyId: b.bodyId, source: 'publisher' });
  }
  let unplaced = 0;
  for (const d of docs) {
    let b = resolved.get(d.document_id);
    if (b && !b.regionCode && aliases.has(b.name)) {
      const target = [...resolved.values()].find((x) => x.bodyId === aliases.get(b!.name)!.bodyId);
      if (target) b = target;
    }
    if (!b || d.year === null) unplaced++;
    if (b) {
      bodies.set(b.bodyId, { ...b, inferred: false });
      if (d.issuer && d.issuer !== b.name) aliases.set(d.issuer, { bodyId: b.bodyId, source: 'issuer' });
    }
    docBodies.push({ document_id: d.document_id, body_id: b?.bodyId ?? null, year: d.year });
  }
  // parents known only from their departments' names enter the register as inferred bodies
  for (const b of [...bodies.values()]) {
    if (!b.parentName) continue;
    const pid = bodyIdOf(b.parentName);
    if (!bodies.has(pid)) {
      const parent = resolveBody(b.parentName, index);
      bodies.set(pid, { ...parent, inferred: true });
    }
  }
  await db.conn.run('DELETE FROM bodies; DELETE FROM body_aliases; DELETE FROM document_bodies;');
  await insertRows(
    db,
    'bodies',
    [...bodies.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((b) => ({ body_id: b.bodyId, name: b.name, level: b.level, region_code: b.regionCode, parent_body_id: b.parentName ? bodyIdOf(b.parentName) : null, inferred: b.inferred })),
  );
  await insertRows(db, 'body_aliases', [...aliases].map(([alias, a]) => ({ alias, body_id: a.bodyId, source: a.source })));
  await insertRows(db, 'document_bodies', docBodies);
  return { bodies: bodies.size, documents: docs.length, unplaced };
}
