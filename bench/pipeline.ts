// Full `xxgk run` on >= 10,000 report files: the corpus replicated with bodies and years varied.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CORPUS = path.resolve('test/fixtures/corpus');
/** How many files the pipeline bench generates: `npm run bench -- pipeline --files N`, or BENCH_FILES. */
export const DEFAULT_FILES = Number(process.env.BENCH_FILES ?? 10_000);

export interface PipelineBench {
  files: number;
  mb: number;
  run: { seconds: number; maxRssMb: number };
  rerun: { seconds: number; maxRssMb: number };
  publish?: { seconds: number; maxRssMb: number };
  dbMb: number;
}

/** Copy i gets its own bodies (平潭综合实验区 -> 测试i区…) and a shifted year, so reports do not collapse into duplicates. */
const cjk = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

function variant(text: string, i: number): string {
  const shift = i % 5;
  return text
    .replaceAll('平潭综合实验区', `平潭综合实验区测试${cjk(i)}片区`)
    .replaceAll('深圳市龙岗区', `深圳市测试${cjk(i)}区`)
    .replace(/(20[12]\d)(\s*年)/gu, (_, y: string, nian: string) => `${Number(y) - shift}${nian}`);
}

export function makeCorpus(dir: string, target = DEFAULT_FILES): { files: number; bytes: number } {
  const sources = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'));
  const copies = Math.ceil(target / sources.length);
  let bytes = 0;
  let files = 0;
  for (let i = 0; i < copies; i++) {
    const sub = path.join(dir, String(i).padStart(4, '0'));
    fs.mkdirSync(sub, { recursive: true });
    for (const f of sources) {
      const src = path.join(CORPUS, f);
      const to = path.join(sub, f);
      if (/\.(txt|html|json)$/u.test(f)) fs.writeFileSync(to, variant(fs.readFileSync(src, 'utf8'), i));
      else fs.copyFileSync(src, to);
      bytes += fs.statSync(to).size;
      files++;
    }
  }
  return { files, bytes };
}

export function runCli(args: string[]): { seconds: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cli-child.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /BENCH (\{.*\})/u.exec(r.stderr);
  if (!m) throw new Error(`xxgk ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return JSON.parse(m[1]!) as { seconds: number; maxRssMb: number };
}

export async function benchPipeline(withPublish = false, target = DEFAULT_FILES): Promise<PipelineBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-pipeline-'));
  try {
    const { files, bytes } = makeCorpus(path.join(dir, 'raw'), target);
    const db = path.join(dir, 'bench.duckdb');
    const run = runCli(['run', path.join(dir, 'raw'), '--db', db, '--allow-rejected']);
    const rerun = runCli(['run', path.join(dir, 'raw'), '--db', db, '--allow-rejected']);
    const publish = withPublish ? runCli(['publish', '--db', db, '--out', path.join(dir, 'reports')]) : undefined;
    return { files, mb: bytes / 1e6, run, rerun, publish, dbMb: fs.statSync(db).size / 1e6 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
