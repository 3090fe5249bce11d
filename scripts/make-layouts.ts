// Writes the family of layouts: every style of every chosen corpus gold into
// test/fixtures/made/layouts/<gold>--<style>.<ext>, each with <same>.gold.json beside it (the gold
// restricted to what the fixture prints), and STYLES.md (where each style was seen).
//
//   npx tsx scripts/make-layouts.ts            text styles and the HTML page (deterministic)
//   npx tsx scripts/make-layouts.ts --binary   also DOCX by LibreOffice, and PDF by Chromium and
//                                              LibreOffice when a CJK font is installed
//                                              (`--force-pdf` prints PDFs without one)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHOSEN, fromGold, type GoldLike } from './layouts/reports.ts';
import { SOURCES, STYLES, renderStyle } from './layouts/styles.ts';
import { reportHtml } from './layouts/template.ts';

const OUT = path.resolve('test/fixtures/made/layouts');
const CORPUS = path.resolve('test/fixtures/corpus');
const args = new Set(process.argv.slice(2));

fs.mkdirSync(OUT, { recursive: true });

function writeGold(file: string, g: GoldLike, expected: ReturnType<typeof fromGold>['expected'], note: string) {
  const gold = { file, issuer: g.issuer, year: g.year, format: g.format, t2: expected.t2, t3: expected.t3, t4: expected.t4, notes: note };
  fs.writeFileSync(path.join(OUT, `${file}.gold.json`), `${JSON.stringify(gold, null, 1)}\n`);
}

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

function soffice(input: string, to: string, outDir: string) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, input], { stdio: 'ignore', timeout: 180_000 });
  fs.rmSync(profile, { recursive: true, force: true });
}

function chromiumPdf(input: string, output: string) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chr-'));
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${output}`, input],
    { stdio: 'ignore', timeout: 180_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
}

const written: string[] = [];
const binaryNotes: string[] = [];
const pdfOk = hasCjkFont() || args.has('--force-pdf');
if (!pdfOk) binaryNotes.push('PDF routes skipped: no CJK font (`fc-list :lang=zh` is empty); without one both printers draw every Chinese character as a missing-glyph box of one fixed width, and Chromium drops characters from the text layer.');

for (const c of CHOSEN) {
  const g = JSON.parse(fs.readFileSync(path.join(CORPUS, `${c.gold}.gold.json`), 'utf8')) as GoldLike;
  const { report, expected, filled, expectFilled } = fromGold(g, c.title, c.t4Prose);
  const note =
    `Made by scripts/make-layouts.ts from test/fixtures/corpus/${c.gold}.gold.json. ` +
    (filled.length === 0
      ? 'Every cell is labelled in the source gold.'
      : expectFilled
        ? `${filled.length} cells the source gold does not label were filled (table 3 organisation columns from 总计 − 自然人, table 4 zeros, table 2 small counts) and the filled tables satisfy every identity of format-spec §6.5, so they are expected too.`
        : `${filled.length} cells the source gold does not label are printed with filler values (organisation columns from 总计 − 自然人 or blank, table 2 small counts) that do not make the tables satisfy every identity, so only the labelled cells are expected.`);
  const html = reportHtml(report);
  const base = `${c.name}--html.html`;
  fs.writeFileSync(path.join(OUT, base), html);
  writeGold(base, g, expected, note);
  written.push(base);
  for (const [name, st] of Object.entries(STYLES)) {
    const file = `${c.name}--${name}.${st.ext}`;
    fs.writeFileSync(path.join(OUT, file), renderStyle(name, html));
    writeGold(file, g, expected, `${note} Style ${name}: ${st.describe}.`);
    written.push(file);
  }
  if (args.has('--binary')) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layouts-'));
    const src = path.join(tmp, `${c.name}.html`);
    fs.writeFileSync(src, html);
    soffice(src, 'docx:MS Word 2007 XML', tmp);
    const docx = `${c.name}--lo-docx.docx`;
    fs.copyFileSync(path.join(tmp, `${c.name}.docx`), path.join(OUT, docx));
    writeGold(docx, g, expected, `${note} The HTML page converted to DOCX by LibreOffice (--convert-to docx:"MS Word 2007 XML").`);
    written.push(docx);
    if (pdfOk) {
      soffice(src, 'pdf', tmp);
      const lo = `${c.name}--lo-pdf.pdf`;
      fs.copyFileSync(path.join(tmp, `${c.name}.pdf`), path.join(OUT, lo));
      writeGold(lo, g, expected, `${note} The HTML page printed to PDF by LibreOffice (--convert-to pdf).`);
      const chr = `${c.name}--chromium-pdf.pdf`;
      chromiumPdf(src, path.join(OUT, chr));
      writeGold(chr, g, expected, `${note} The HTML page printed to PDF by headless Chromium (--print-to-pdf).`);
      written.push(lo, chr);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- STYLES.md ----
const md: string[] = [
  '# The family of layouts: styles and where they were seen',
  '',
  'Written by `scripts/make-layouts.ts` (do not edit by hand). Each fixture here is',
  '`<report>--<style>.<ext>` with `<same>.gold.json` beside it. The reports are corpus golds',
  `(${CHOSEN.map((c) => `\`${c.gold}\``).join(', ')}) printed as a complete CMS report page`,
  '(`scripts/layouts/template.ts`: the national template tables with their real rowspan/colspan',
  'structure); every style is a pure function of that HTML (`scripts/layouts/styles.ts`).',
  '',
  'A row\'s *padding* is the number of grid columns its `<td>`s do not account for (grid width minus',
  'the `<td>` count of the `<tr>`: columns covered by a rowspan from above and the extra columns of a',
  'colspan). That is what the real bar dumps print as a run of bars (`申请人情况 | ||||||||`: 2 cells',
  'in a 10-column grid). An empty cell is one bar with its own separator.',
  '',
  'Excerpts are three lines of the real dump as the search corpus stores it (ASCII brackets are',
  'its normalisation). Styles named only by issue 7 say so.',
  '',
];
for (const [name, st] of Object.entries(STYLES)) {
  md.push(`## \`${name}\``, '', `${st.describe}.${st.keepsBlanks ? '' : ' A blank cell leaves no trace in this style: blanks can only come out as flagged NULLs.'}`, '');
  for (const s of SOURCES[name] ?? []) {
    md.push(`- ${s.url}`);
    if (s.excerpt) md.push('', '  ```', ...s.excerpt.split('\n').map((l) => `  ${l}`), '  ```');
  }
  md.push('');
}
md.push(
  '## `html`, `lo-docx`, `lo-pdf`, `chromium-pdf`',
  '',
  'The template page itself (UTF-8 HTML), and the binary routes made from it with `--binary`:',
  'DOCX by LibreOffice (`--convert-to docx:"MS Word 2007 XML"`), PDF by LibreOffice',
  '(`--convert-to pdf`) and by headless Chromium (`--print-to-pdf`), whose text order differs.',
  ...binaryNotes.map((n) => `\n${n}`),
  '',
);
fs.writeFileSync(path.join(OUT, 'STYLES.md'), `${md.join('\n')}\n`);
console.log(`wrote ${written.length} fixtures (+ gold files) and STYLES.md to ${path.relative(process.cwd(), OUT)}`);
