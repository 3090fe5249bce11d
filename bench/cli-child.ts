// Runs one xxgk command and reports its wall time and peak memory (all threads) on stderr.
import { main } from '../pipeline/cli.ts';

const t0 = performance.now();
const code = await main(process.argv.slice(2));
process.stderr.write(`\nBENCH ${JSON.stringify({ code, seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(code);
