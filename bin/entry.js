// Which code `xxgk` runs: the compiled JavaScript in dist/ (built by `npm install` / `npm ci`
// through the "prepare" script, or `npm run build`) when it was built from exactly the sources on
// disk, otherwise the TypeScript sources through tsx's loader (correct, but about a second slower
// to start). Plain JavaScript without dependencies: it runs before anything is loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP = 'dist/.build.json';
export const COMPILED_CLI = 'dist/pipeline/cli.js';
/** what the compiled output is made from: the sources and the compiler settings */
const INPUTS = ['pipeline', 'tsconfig.json', 'tsconfig.build.json'];

/**
 * Every input file's path, size and modification time, one per line: a build is current when the
 * sources still give the same list (an edit, a new or removed file, a checkout all change it).
 */
export function fingerprint(root = ROOT) {
  const lines = [];
  const visit = (rel) => {
    const full = path.join(root, rel);
    let st;
    try {
      st = fs.statSync(full);
    } catch {
      return lines.push(`${rel} missing`);
    }
    if (!st.isDirectory()) return lines.push(`${rel} ${st.size} ${st.mtimeMs}`);
    for (const name of fs.readdirSync(full).sort()) visit(`${rel}/${name}`);
  };
  for (const i of INPUTS) visit(i);
  return lines.join('\n');
}

/**
 * The compiled CLI's path when it is current, else null. XXGK_ENTRY=source always runs the
 * sources; XXGK_ENTRY=dist runs the compiled CLI even if it is older than the sources.
 */
export function compiledEntry(root = ROOT, env = process.env) {
  if (env.XXGK_ENTRY === 'source') return null;
  const cli = path.join(root, COMPILED_CLI);
  if (env.XXGK_ENTRY === 'dist') return cli;
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP), 'utf8'));
  } catch {
    return null; // never built, or the build failed
  }
  return stamp.fingerprint === fingerprint(root) && fs.existsSync(cli) ? cli : null;
}
