// The SQL models of sql/: run in folder order, files in name order, with {{reference}} filled in.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, REFERENCE_DIR, SQL_DIR } from './duck.ts';

export const LAYERS = ['schema', 'seeds', 'staging', 'core', 'metrics', 'marts'] as const;
export type Layer = (typeof LAYERS)[number];

export function sqlFiles(layer: Layer): string[] {
  const dir = path.join(SQL_DIR, layer);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function renderSql(file: string): string {
  return fs.readFileSync(file, 'utf8').replaceAll('{{reference}}', REFERENCE_DIR.replaceAll("'", "''"));
}

export async function runLayer(db: Db, layer: Layer): Promise<void> {
  for (const file of sqlFiles(layer)) {
    try {
      await db.conn.run(renderSql(file));
    } catch (e) {
      throw new Error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
    }
  }
}
