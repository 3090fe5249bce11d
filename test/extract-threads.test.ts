// `xxgk extract FILE...` with many files reads them on worker threads (--jobs) and prints each
// file's output in the order given: the same bytes as one thread, and a worker that dies costs
// only the file it was reading.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, writeHugeDocx } from './helpers.ts';

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-threads-'));
  const corpus = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md') && !f.endsWith('.pdf'));
  // two copies of each report under other names, so that results cannot be told apart by content alone
  files = [0, 1].flatMap((copy) => corpus.map((f) => path.join(dir, `${copy}-${f}`)));
  for (const f of files) fs.copyFileSync(path.join(CORPUS, path.basename(f).slice(2)), f);
  await writeHugeDocx(path.join(dir, 'huge.docx'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const extract = (args: string[]) => runCli(['extract', ...args]);

describe('xxgk extract with many files', () => {
  it('prints on two threads what one thread prints, in the order given, rejections included', async () => {
    // a missing file and a folder among the reports: each rejected in its place
    const list = [...files.slice(0, 7), path.join(dir, 'missing.txt'), ...files.slice(7, 30), dir, ...files.slice(30)];
    for (const mode of [['--json'], []]) {
      const one = await extract([...list, ...mode, '--jobs', '1']);
      const two = await extract([...list, ...mode, '--jobs', '2']);
      expect(two.code).toBe(1);
      expect(one.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
    }
    const lines = (await extract([...list, '--json', '--jobs', '2'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string });
    expect(lines.map((l) => l.file)).toEqual(list);
    expect(lines[7]).toMatchObject({ status: 'rejected' });
  }, 120_000);

  it('a worker that dies on one file (a DOCX that exhausts a 48 MB heap) rejects that file only; the rest print as one thread prints them', async () => {
    const list = [...files.slice(0, 3), path.join(dir, 'huge.docx'), ...files.slice(3, 40)];
    const r = await extract([...list, '--json', '--jobs', '2', '--worker-memory', '48']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/internal error while extracting \S*huge\.docx: the extraction worker died/u);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(list.length);
    expect(JSON.parse(lines[3]!)).toMatchObject({ file: list[3], status: 'rejected', error: expect.stringMatching(/^internal error: the extraction worker died/u) });
    const alone = await extract([...files.slice(0, 40), '--json', '--jobs', '1']);
    expect([...lines.slice(0, 3), ...lines.slice(4)].join('\n') + '\n').toBe(alone.stdout);
  }, 120_000);
});
