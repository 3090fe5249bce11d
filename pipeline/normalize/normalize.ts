// Stage 3: resolve every extracted document to a canonical body and year (bodies, body_aliases,
// document_bodies). Rebuilt from the extractions on every run, so it is deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { insertRows, type Row } from '../db/append.ts';
import { type Db, query, REFERENCE_DIR } from '../db/duck.ts';
import { type Body, type Region, RegionIndex, bodyIdOf, resolveBody, scopedBody, withoutPlace } from './bodies.ts';

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
  const docs = await query<{ document_id: string; issuer: string | null; publisher: string | null; year: number | null; level: string | null; path: string; url: string | null }>(
    db,
    `SELECT e.document_id, e.issuer, e.publisher, e.year, e.level, d.path, coalesce(d.source_page_url, d.source_final_url, d.source_url) AS url
     FROM extractions e JOIN documents d USING (document_id)
     WHERE d.ingest_state <> 'removed' AND e.sha256 = d.sha256 AND e.status <> 'rejected' ORDER BY d.path`,
  );
  const scopes = scopesOf(docs);
  const bodies = new Map<string, Body & { inferred: boolean }>();
  // one name may stand for several bodies (商务局 of two sites): keyed by name and body
  const aliases = new Map<string, { alias: string; bodyId: string; source: string }>();
  const docBodies: Row<'document_bodies'>[] = [];
  const resolved = new Map<string, Body>();
  const publishers = new Map<string, Body>();
  // names printed without their region (区公安局) resolve through the 发布机构 aliases of other files
  for (const d of docs) {
    if (!d.issuer) continue;
    const b = resolveBody(d.issuer, index);
    resolved.set(d.document_id, b);
    if (d.publisher && d.publisher !== b.name && b.regionCode) {
      aliases.set(`${d.publisher}\n${b.bodyId}`, { alias: d.publisher, bodyId: b.bodyId, source: 'publisher' });
      publishers.set(`${scopes.get(d.document_id)}\n${d.publisher}`, b);
    }
  }
  // a name that says nowhere where its body is (商务局) stands for one body per site or folder
  // once it is found in more than one of them
  const placeless = new Map<string, Set<string>>();
  for (const d of docs) {
    let b = resolved.get(d.document_id);
    if (!b) continue;
    if (!b.regionCode) b = publishers.get(`${scopes.get(d.document_id)}\n${b.name}`) ?? b;
    resolved.set(d.document_id, b);
    if (!withoutPlace(b)) continue;
    const seen = placeless.get(b.name) ?? new Set();
    placeless.set(b.name, seen.add(scopes.get(d.document_id)!));
  }
  let unplaced = 0;
  for (const d of docs) {
    let b = resolved.get(d.document_id);
    if (b && (placeless.get(b.name)?.size ?? 0) > 1) b = scopedBody(b, scopes.get(d.document_id)!);
    if (!b || d.year === null) unplaced++;
    if (b) {
      bodies.set(b.bodyId, { ...b, inferred: false });
      const key = `${d.issuer}\n${b.bodyId}`;
      if (d.issuer && d.issuer !== b.name) aliases.set(key, { alias: d.issuer, bodyId: b.bodyId, source: 'issuer' });
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
  await insertRows(db, 'body_aliases', [...aliases.values()].map((a) => ({ alias: a.alias, body_id: a.bodyId, source: a.source })));
  await insertRows(db, 'document_bodies', docBodies);
  return { bodies: bodies.size, documents: docs.length, unplaced };
}

/**
 * Where each document came from, to tell apart bodies whose names give no place: the host of the
 * page it was fetched from (fetch sidecar), else the first folder under the folder all files share
 * (the county folder of `in/某县/商务局.html`; a deeper crawl tree still counts as one site).
 */
function scopesOf(docs: { document_id: string; path: string; url: string | null }[]): Map<string, string> {
  const dirs = docs.map((d) => path.dirname(d.path).split(/[\\/]/u));
  let common = dirs[0]?.length ?? 0;
  for (const dir of dirs) {
    let i = 0;
    while (i < common && i < dir.length && dir[i] === dirs[0]![i]) i++;
    common = i;
  }
  const root = dirs[0]?.[common - 1] || '.';
  return new Map(
    docs.map((d, i) => {
      return [d.document_id, hostOf(d.url) || (dirs[i]![common] ?? root)];
    }),
  );
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
