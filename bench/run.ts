// `npm run bench`: the speed and memory figures quoted in the README.
import os from 'node:os';
import { benchExtract } from './extract.ts';
import { benchNational } from './national.ts';
import { benchPipeline, DEFAULT_FILES } from './pipeline.ts';
import { benchStartup } from './startup.ts';

const fmt = (n: number, d = 1) => n.toFixed(d);
const only = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
// `npm run bench -- pipeline --files 40000`: the size of the generated corpus (default 10,000)
const filesArg = process.argv.indexOf('--files');
const files = filesArg > 0 ? Number(process.argv[filesArg + 1]) : DEFAULT_FILES;
if (!Number.isInteger(files) || files < 1) throw new Error(`--files needs a positive whole number, got ${process.argv[filesArg + 1]}`);
// `npm run bench -- national --reports 40000 [--pdfs 12] [--keep]`: only when asked (it takes minutes)
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  const v = i > 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} needs a whole number, got ${process.argv[i + 1]}`);
  return v;
};
console.log(`machine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, node ${process.version}`);
if (!only || only === 'startup') {
  const s = benchStartup();
  console.log(`\n## start-up: bin/xxgk.js spawned, wall time, median of ${s.runs} runs (node -e 0: ${fmt(s.node, 2)} s)`);
  console.log(`${''.padEnd(24)} compiled (dist/)  sources (tsx)`);
  if (s.rows[0]?.compiled === null) console.log('(dist/ is missing or older than the sources: `npm run build` compiles them)');
  for (const r of s.rows) console.log(`${r.what.padEnd(24)} ${(r.compiled === null ? 'no build' : `${fmt(r.compiled, 2)} s`).padStart(16)}  ${`${fmt(r.source, 2)} s`.padStart(13)}`);
}
if (!only || only === 'extract') {
  console.log('\n## extraction (single process)');
  for (const r of await benchExtract()) {
    console.log(`${r.group.padEnd(20)} ${String(r.files).padStart(6)} files ${fmt(r.mb, 1).padStart(7)} MB ${fmt(r.seconds, 2).padStart(7)} s  ${fmt(r.filesPerSec, 0).padStart(6)} files/s  ${fmt(r.mbPerSec, 2).padStart(6)} MB/s`);
  }
}
if (!only || only === 'pipeline') {
  const p = await benchPipeline(process.env.BENCH_PUBLISH !== "0", files);
  console.log(`\n## xxgk run on ${p.files} files (${fmt(p.mb, 0)} MB), all cores`);
  console.log(`first run          ${fmt(p.run.seconds, 1).padStart(6)} s   peak RSS ${fmt(p.run.maxRssMb, 0)} MB`);
  console.log(`re-run, no change  ${fmt(p.rerun.seconds, 1).padStart(6)} s   peak RSS ${fmt(p.rerun.maxRssMb, 0)} MB`);
  if (p.publish) console.log(`publish all years  ${fmt(p.publish.seconds, 1).padStart(6)} s   peak RSS ${fmt(p.publish.maxRssMb, 0)} MB`);
  console.log(`database size      ${fmt(p.dbMb, 0)} MB`);
}
if (only === 'national') {
  const n = arg('--reports', 10_000);
  const { compiledEntry } = await import('../bin/entry.js');
  console.log(compiledEntry() ? 'bin/xxgk.js runs the compiled build (dist/)' : 'dist/ is missing or older than the sources: bin/xxgk.js runs them through tsx (`npm run build` first for the figures a user sees)');
  const b = await benchNational(n, arg('--pdfs', 12), process.argv.includes('--keep'));
  const g = b.generated;
  console.log(`\n## national: ${g.reports} distinct reports (${g.text} text, ${g.html} HTML, ${g.pdf} PDF; ${fmt(g.bytes / 1e6, 0)} MB), generated in ${fmt(g.seconds, 1)} s (not counted)`);
  console.log(`loaded: ${b.reportsLoaded}; site: ${b.bodyPages} body pages, ${b.yearPages} year pages`);
  console.log(`${''.padEnd(18)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'ms/report'.padStart(10)} ${'tree RSS'.padStart(9)} ${'max proc'.padStart(9)} ${'temp disk'.padStart(10)}  load avg`);
  for (const [what, m] of [['first run', b.run], ['re-run, no change', b.rerun], ['publish', b.publish]] as const) {
    console.log(`${what.padEnd(18)} ${`${fmt(m.seconds, 1)} s`.padStart(8)} ${`${fmt(m.cpu, 1)} s`.padStart(8)} ${fmt((m.seconds * 1000) / g.reports, 2).padStart(10)} ${`${fmt(m.peakTreeRssMb, 0)} MB`.padStart(9)} ${`${fmt(m.maxRssMb, 0)} MB`.padStart(9)} ${`${fmt(m.peakTempMb, 0)} MB`.padStart(10)}  ${m.load}`);
  }
  console.log(`database size      ${fmt(b.dbMb, 0)} MB`);
}
