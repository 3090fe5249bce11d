// The xxgk command as users run it: exit codes and the JSON-lines contract.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, runCli } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
const xxgk = (...args: string[]) => runCli(args);

describe('xxgk extract', () => {
  it('prints one JSON object per file with the contract keys, exit 0', async () => {
    const files = ['longgang-2022.txt', 'huaian-2024.pdf'].map((f) => path.join(CORPUS, f));
    const { code, stdout } = await xxgk('extract', ...files, '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      for (const k of ['file', 'status', 'issuer', 'year', 'level', 'format', 't2', 't3', 't4', 'checks', 'flags']) expect(l).toHaveProperty(k);
    }
    expect((lines[0]!.t3 as Record<string, Record<string, number>>).unable_not_held!.total).toBe(283);
  });
  it('adds where each cell was read with --provenance', async () => {
    const { stdout } = await xxgk('extract', path.join(CORPUS, 'pingtan-gaj_2024_1.txt'), '--json', '--provenance');
    const r = JSON.parse(stdout) as { provenance: Record<string, { raw: string; kind: string; loc: string }> };
    expect(r.provenance['t3.granted.total']).toEqual({ raw: '3', kind: 'number', loc: 'line 10' }); // the body line of the crawl, after its 9-line header
    expect(r.provenance['t3.partly_granted.natural_person']!.raw).toBe('1');
  });
  it('exits 1 when a file is rejected, and says which file and why', async () => {
    const { code, stdout } = await xxgk('extract', path.join(CORPUS, 'longgang-2022.txt'), path.join(CORPUS, 'blank-template.docx'), '--json');
    expect(code).toBe(1);
    const rej = JSON.parse(stdout.trim().split('\n')[1]!) as { status: string; error: string; file: string };
    expect(rej).toMatchObject({ status: 'rejected' });
    expect(rej.file).toContain('blank-template.docx');
    expect(rej.error).toMatch(/blank/u);
  });
  it('exits 2 on a usage error, with English help whatever LANG says', async () => {
    const { code, stderr } = await xxgk('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown argument: frobnicate/u);
    const help = await xxgk('extract', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
  });
  it('prints a readable summary without --json', async () => {
    const { stdout } = await xxgk('extract', path.join(CORPUS, 'pingtan-zrz_2020_1.txt'));
    expect(stdout).toContain('平潭综合实验区自然资源与生态环境局');
    expect(stdout).toMatch(/FAIL V3\.2/u);
  });
});

describe('xxgk sql', () => {
  it('answers piped statements without prompts, and exits 1 when one fails', async () => {
    const { spawnSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sql-'));
    try {
      fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'a.txt'));
      const db = path.join(dir, 'x.duckdb');
      await xxgk('run', dir, '--db', db);
      const r = spawnSync('node', [BIN, 'sql', '--db', db, '--csv'], { input: 'SELECT year FROM reports;\nSELECT * FROM nope;\n', encoding: 'utf8' });
      expect(r.stdout).toMatch(/^year\n2022\nerror: .*nope/u);
      expect(r.status).toBe(1);
      const one = await xxgk('sql', 'SELECT count(*) AS n FROM documents', '--db', db, '--json');
      expect(one.stdout.trim()).toBe('{"n":1}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
