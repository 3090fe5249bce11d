// `npm run bench`: the speed and memory figures quoted in the README.
import os from 'node:os';
import { benchExtract } from './extract.ts';

const fmt = (n: number, d = 1) => n.toFixed(d);
console.log(`machine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, node ${process.version}`);
console.log('\n## extraction (single process)');
for (const r of await benchExtract()) {
  console.log(`${r.group.padEnd(20)} ${String(r.files).padStart(6)} files ${fmt(r.mb, 1).padStart(7)} MB ${fmt(r.seconds, 2).padStart(7)} s  ${fmt(r.filesPerSec, 0).padStart(6)} files/s  ${fmt(r.mbPerSec, 2).padStart(6)} MB/s`);
}
console.log(`peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
