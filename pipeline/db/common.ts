// What the command line needs before it opens anything: where the project's files are, the default
// database and the error a user can act on. Kept apart from duck.ts so that `xxgk --help` or
// `xxgk extract FILE` does not load DuckDB.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// this file runs from pipeline/db/ as TypeScript, or compiled from dist/pipeline/db/ (`npm run build`)
const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, import.meta.url.endsWith('.js') ? '../../..' : '../..');
export const SQL_DIR = path.join(ROOT, 'sql');
export const REFERENCE_DIR = path.join(ROOT, 'data/reference');
export const DEFAULT_DB = 'data/xxgk.duckdb';

/** Errors a user can act on: printed without a stack trace. */
export class UserError extends Error {}
