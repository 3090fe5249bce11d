// Start-up as a user sees it: the real `xxgk` (bin/xxgk.js) spawned as a new process each time,
// wall clock from spawn to exit, median of several runs. Measured both ways bin/xxgk.js can run:
// the compiled build of dist/ (what `npm install` leaves) and the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledEntry } from '../bin/entry.js';

const BIN = path.resolve('bin/xxgk.js');
const ONE_FILE = path.resolve('data/samples/longgang-2022.txt');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 9);

export interface StartupRow {
  what: string;
  /** median wall seconds of the compiled build; null when dist/ is missing or stale */
  compiled: number | null;
  /** median wall seconds running the sources through tsx */
  source: number;
}

export interface StartupBench {
  runs: number;
  rows: StartupRow[];
  /** `node -e 0`: the floor of any Node.js command */
  node: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function wall(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return s;
}

export function benchStartup(runs = RUNS): StartupBench {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-startup-'));
  try {
    const db = path.join(dir, 'small.duckdb');
    wall([BIN, 'run', 'data/samples', '--db', db, '--allow-rejected']); // the bundled samples: 24 reports
    const commands: [string, string[]][] = [
      ['xxgk --help', ['--help']],
      ['xxgk sql "SELECT 1"', ['sql', 'SELECT 1', '--db', db]],
      ['xxgk extract ONE_FILE', ['extract', ONE_FILE]],
    ];
    const hasBuild = compiledEntry() !== null;
    const times = new Map<string, { compiled: number[]; source: number[] }>(commands.map(([w]) => [w, { compiled: [], source: [] }]));
    const node: number[] = [];
    // interleaved, so that a busy moment of the machine hits every variant alike
    for (let i = 0; i < runs; i++) {
      node.push(wall(['-e', '0']));
      for (const [what, args] of commands) {
        const t = times.get(what)!;
        if (hasBuild) t.compiled.push(wall([BIN, ...args], { XXGK_ENTRY: '' }));
        t.source.push(wall([BIN, ...args], { XXGK_ENTRY: 'source' }));
      }
    }
    return {
      runs,
      node: median(node),
      rows: commands.map(([what]) => {
        const t = times.get(what)!;
        return { what, compiled: hasBuild ? median(t.compiled) : null, source: median(t.source) };
      }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
