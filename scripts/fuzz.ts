// `npm run fuzz [-- --n 10000 --seed 1 --jobs 2 --dir test/fixtures/made/layouts]`: mutants of the
// corpus fixtures (or of the files in --dir: the made layouts, the real excerpts) through the
// extractor, reported as a table of outcomes per kind of mutation (see test/fuzz-engine.ts for
// what each outcome means). Exit 1 when anything crashed, was rejected as an internal error, or
// a single-cell mutation was silently misattributed. The mutants are split over child processes.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, emptyTally, formatTally, judge, KINDS, loadSources, mutants, type Tally } from '../test/fuzz-engine.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

interface PartResult {
  tally: Tally;
  bad: string[];
}

/** One child's share: the mutants whose index is `part` modulo `parts`. */
/** `--dir DIR`: the folder whose files are mutated (default: the corpus fixtures) */
function dirArg(): string | undefined {
  const i = process.argv.indexOf('--dir');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function runPart(n: number, seed: number, part: number, parts: number): Promise<PartResult> {
  const dir = dirArg();
  const sources = await loadSources(dir === undefined ? undefined : path.resolve(dir));
  const tally = emptyTally();
  const bad: string[] = [];
  let i = 0;
  for (const m of mutants(sources, n, seed)) {
    if (i++ % parts !== part) continue;
    const v = await judge(m);
    count(tally, m, v);
    if (v.outcome === 'crash' || v.outcome === 'internal' || v.outcome === 'silent' || v.outcome === 'lost') {
      bad.push(`${v.outcome}\t${m.kind}\t${m.source.file}\t${m.what}\t${(v.detail ?? '').split('\n')[0]!.slice(0, 300)}`);
    }
  }
  return { tally, bad };
}

const part = process.argv.indexOf('--part');
if (part >= 0) {
  const [p, ps] = process.argv[part + 1]!.split('/').map(Number) as [number, number];
  const r = await runPart(arg('n', 10_000), arg('seed', 1), p, ps);
  process.send!(r);
} else {
  const n = arg('n', 10_000);
  const seed = arg('seed', 1);
  const jobs = Math.max(1, arg('jobs', os.availableParallelism()));
  const t0 = performance.now();
  const self = fileURLToPath(import.meta.url);
  const results = await Promise.all(
    Array.from({ length: jobs }, (_, i) =>
      new Promise<PartResult>((resolve, reject) => {
        const dir = dirArg();
        const child = fork(self, ['--part', `${i}/${jobs}`, '--n', String(n), '--seed', String(seed), ...(dir === undefined ? [] : ['--dir', dir])], { execArgv: process.execArgv });
        child.on('message', (m) => resolve(m as PartResult));
        child.on('exit', (code) => code !== 0 && reject(new Error(`fuzz part ${i} exited with ${code}`)));
      }),
    ),
  );
  const tally = emptyTally();
  for (const r of results) for (const k of KINDS) for (const [c, v] of Object.entries(r.tally[k])) tally[k][c as keyof Tally[typeof k]] += v;
  const severity = ['crash', 'internal', 'silent', 'lost'];
  const bad = results.flatMap((r) => r.bad).sort((a, b) => severity.indexOf(a.split('\t')[0]!) - severity.indexOf(b.split('\t')[0]!));
  const total = (c: keyof Tally[(typeof KINDS)[number]]) => KINDS.reduce((s, k) => s + tally[k][c], 0);
  console.log(`xxgk fuzz: ${total('n')} mutants of ${dirArg() ?? 'the corpus fixtures'}, seed ${seed}, ${jobs} processes, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  console.log(formatTally(tally));
  console.log(
    '\nsame: nothing changed · flagged: a changed cell is NULL and flagged · as_printed: the mutated cell reads its new printed value (or a cell printed blank now) · caught: a changed number is covered by a check that now fails (other_caught: not the mutated cell) · lost: a cell vanished without a flag · silent: a number changed with no flag and no failing check',
  );
  if (bad.length > 0) console.log(`\n${bad.length} to look at (outcome, mutation, file, what, detail):\n${bad.slice(0, 60).join('\n')}${bad.length > 60 ? `\n… ${bad.length - 60} more` : ''}`);
  const misattributed = tally.digit_change.silent + tally.digit_swap.silent;
  const failed = total('crash') + total('internal') + misattributed;
  console.log(`\n${total('crash')} crashes, ${total('internal')} internal errors, ${misattributed} silent misattributions of single-cell mutations, ${total('silent')} silent changes in all, ${total('lost')} mutants with cells lost (no flag)`);
  process.exitCode = failed > 0 ? 1 : 0;
}
