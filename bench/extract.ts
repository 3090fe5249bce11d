// Extraction throughput, single process: the corpus replicated to >= 2,000 files on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile } from '../pipeline/commands/extract.ts';

const CORPUS = path.resolve('test/fixtures/corpus');
const COPIES = Number(process.env.BENCH_COPIES ?? 0);

export interface ExtractBench {
  group: string;
  files: number;
  mb: number;
  seconds: number;
  filesPerSec: number;
  mbPerSec: number;
}

export async function benchExtract(): Promise<ExtractBench[]> {
  const sources = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-extract-'));
  const groups: Record<string, string[]> = { 'text + HTML + JSON': [], 'PDF + DOCX': [] };
  const copies = COPIES || Math.ceil(2000 / sources.length);
  for (let i = 0; i < copies; i++) {
    for (const f of sources) {
      const to = path.join(dir, `${i}-${f}`);
      fs.copyFileSync(path.join(CORPUS, f), to);
      groups[/\.(pdf|docx)$/u.test(f) ? 'PDF + DOCX' : 'text + HTML + JSON']!.push(to);
    }
  }
  const out: ExtractBench[] = [];
  for (const [group, files] of Object.entries(groups)) {
    // PDFs are ~50x slower; a tenth of them is enough for a stable rate
    const use = group === 'PDF + DOCX' ? files.slice(0, Math.max(20, Math.floor(files.length / 10))) : files;
    const bytes = use.reduce((s, f) => s + fs.statSync(f).size, 0);
    const t0 = performance.now();
    for (const f of use) await extractFile(f);
    const seconds = (performance.now() - t0) / 1000;
    out.push({ group, files: use.length, mb: bytes / 1e6, seconds, filesPerSec: use.length / seconds, mbPerSec: bytes / 1e6 / seconds });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
