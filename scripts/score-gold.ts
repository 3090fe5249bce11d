// `npm run score -- DIR...`: how the extractor does on hand-read reports it has not been tuned on.
// Every `X.gold.json` in DIR (the corpus gold format, test/helpers.ts Gold) is judged against
// the extraction of the file X beside it, cell by cell: exact, flagged (NULL with a flag that
// says why), wrong (another number: the worst outcome) or missing (NULL without a flag: lost in
// silence). Issuer and year are judged too. Exit 1 when a cell is wrong or missing, so a held-out
// set kept outside the repository can be scored the same way from any checkout.
import fs from 'node:fs';
import path from 'node:path';
import { type CellOutcome, extractPath, judgeCells, readGold } from '../test/helpers.ts';

const dirs = process.argv.slice(2).filter((a) => a !== '--');
if (dirs.length === 0) {
  console.error('usage: npm run score -- DIR... (folders of report files, each with X.gold.json beside X)');
  process.exit(2);
}

const total: Record<CellOutcome, number> = { exact: 0, flagged: 0, wrong: 0, missing: 0 };
let files = 0;
let issuers = 0;
let years = 0;
for (const dir of dirs) {
  const golds = fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
  for (const g of golds) {
    const file = path.join(dir, g.replace(/\.gold\.json$/u, ''));
    if (!fs.existsSync(file)) {
      console.log(`${file}: no report file beside its gold`);
      continue;
    }
    const gold = readGold(path.resolve(file));
    const r = await extractPath(file);
    const cells = judgeCells(gold, r);
    const n: Record<CellOutcome, number> = { exact: 0, flagged: 0, wrong: 0, missing: 0 };
    for (const c of cells) n[c.outcome]++;
    for (const k of Object.keys(n) as CellOutcome[]) total[k] += n[k];
    files++;
    const issuerOk = r.issuer === gold.issuer;
    const yearOk = r.year === gold.year;
    issuers += Number(issuerOk);
    years += Number(yearOk);
    console.log(
      `${file}: ${cells.length} cells, ${n.exact} exact, ${n.flagged} flagged, ${n.wrong} wrong, ${n.missing} missing;` +
        ` issuer ${issuerOk ? 'ok' : `${JSON.stringify(r.issuer)} (gold ${gold.issuer})`}; year ${yearOk ? 'ok' : `${r.year} (gold ${gold.year})`}`,
    );
    for (const c of cells) if (c.outcome !== 'exact') console.log(`  ${c.outcome.padEnd(7)} ${c.key} gold=${c.want} got=${c.got ?? null}`);
  }
}
if (files === 0) {
  console.error(`no X.gold.json with its report X in ${dirs.join(', ')}`);
  process.exit(2);
}
const cells = total.exact + total.flagged + total.wrong + total.missing;
const pct = cells ? ((100 * total.exact) / cells).toFixed(2) : '-';
console.log(`\n${files} files, ${cells} cells: ${total.exact} exact (${pct}%), ${total.flagged} flagged, ${total.wrong} wrong, ${total.missing} missing; issuer ${issuers}/${files}, year ${years}/${files}`);
if (total.wrong + total.missing > 0) process.exitCode = 1;
