// Word .docx: the zip's main document part read as a stream of XML events (htmlparser2 in XML
// mode) into paragraphs and tables with their merged cells (gridSpan, vMerge), then the same
// grids and text lines as the HTML reader. It replaced mammoth, whose XML DOM made a Word file
// cost 130-200 ms against 10-20 ms here; nothing of Word's styling matters to a report's numbers.
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import type { Block, GridCell, ReadDocument } from '../blocks.ts';
import { megabytes, RejectError, sizeLimits } from './decode.ts';
import { cleanCell, pushTextLines, rectangular, spanCount } from './html.ts';

const tooBig = (n: number | string, limit: number) =>
  new RejectError(`file too large: the Word document inflates to ${typeof n === 'number' ? megabytes(n) : n} of XML (the limit is ${megabytes(limit)}, --max-inflated-mb)`);
const unreadable = (why: string) => new RejectError(`not a readable Word .docx file (${why})`);

interface ZipPart {
  name: string;
  method: number;
  size: number;
  compressed: number;
  local: number;
  crc: number;
}

/** The zip's central directory, or null when the bytes have none (not a zip). */
function centralDirectory(buf: Buffer): ZipPart[] | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: ZipPart[] = [];
  for (let n = 0; n < count && p + 46 <= buf.length && buf.readUInt32LE(p) === 0x02014b50; n++) {
    const [nameLen, extraLen, commentLen] = [buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32)];
    parts.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/**
 * The XML parts of a zip, inflated with the zip-bomb guard: their declared sizes first, then each
 * part inflated with a bounded output (a central directory can lie). Only the parts `keep` names
 * are returned; a damaged part (it does not inflate, or its checksum says its bytes changed) is
 * left out and named in `damaged` (null when there is no zip at all).
 */
function inflateXmlParts(bytes: Uint8Array, limit: number, keep: (name: string) => boolean): { parts: Map<string, Buffer>; damaged: Set<string> } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const all = centralDirectory(buf);
  if (!all) return null;
  const parts = all.filter((p) => /\.(?:xml|rels)$/iu.test(p.name));
  let declared = 0;
  for (const part of parts) {
    if (part.size === 0xffffffff) throw tooBig('4 GB or more (zip64)', limit);
    declared += part.size;
    if (declared > limit) throw tooBig(declared, limit);
  }
  const out = new Map<string, Buffer>();
  const damaged = new Set<string>();
  let inflated = 0;
  for (const part of parts) {
    if (part.local + 30 > buf.length || buf.readUInt32LE(part.local) !== 0x04034b50) continue;
    const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
    const data = buf.subarray(start, start + part.compressed);
    let xml: Buffer;
    if (part.method === 0) xml = data;
    else if (part.method === 8) {
      try {
        xml = zlib.inflateRawSync(data, { maxOutputLength: limit - inflated + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(`more than ${megabytes(limit)}`, limit);
        damaged.add(part.name);
        continue;
      }
    } else continue;
    inflated += xml.length;
    if (inflated > limit) throw tooBig(inflated, limit);
    if (!keep(part.name)) continue;
    // a few changed bytes can still inflate, to other digits: only the checksum tells
    if (zlib.crc32(xml) !== part.crc) damaged.add(part.name);
    else out.set(part.name, xml);
  }
  return { parts: out, damaged };
}

/** Refuse a zip bomb before anything is parsed (also the Word files LibreOffice makes of .doc). */
export function checkInflatedSize(bytes: Uint8Array, limit = sizeLimits().inflatedBytes): void {
  inflateXmlParts(bytes, limit, () => false);
}

const WORD_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

interface Para {
  k: 'p';
  text: string;
}
interface Cell {
  span: number;
  vmerge: 'restart' | 'continue' | null;
  body: Node[];
}
interface Row {
  before: number;
  cells: Cell[];
}
interface Table {
  k: 'tbl';
  rows: Row[];
}
type Node = Para | Table;

/** Paragraphs and tables of a WordprocessingML document, in order. */
export function parseWordXml(xml: string): Node[] {
  const body: Node[] = [];
  const containers: Node[][] = [body];
  const paras: Para[] = [];
  const tables: Table[] = [];
  const rows: Row[] = [];
  const cells: Cell[] = [];
  let w = 'w:'; // the prefix bound to the WordprocessingML namespace, read off the root element
  let inText = 0;
  let inRun = 0;
  let skip = 0; // inside content that is not the document's text (deleted, an mc:Choice copy)
  let root = true;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (root) {
          root = false;
          for (const [k, v] of Object.entries(attrs)) if (k.startsWith('xmlns:') && WORD_NS.has(v)) w = `${k.slice(6)}:`;
        }
        // an mc:AlternateContent holds the same content twice; like Word's older readers, take the Fallback
        if (skip || name === 'mc:Choice' || name === `${w}del` || name === `${w}moveFrom`) {
          skip++;
          return;
        }
        if (!name.startsWith(w)) return;
        switch (name.slice(w.length)) {
          case 'p':
            paras.push({ k: 'p', text: '' });
            break;
          case 'r':
            inRun++;
            break;
          case 't':
            inText++;
            break;
          case 'tab':
            if (inRun && paras.length) paras.at(-1)!.text += '\t';
            break;
          case 'br':
          case 'cr':
            if (inRun && paras.length) paras.at(-1)!.text += '\n';
            break;
          case 'noBreakHyphen':
            if (inRun && paras.length) paras.at(-1)!.text += '-';
            break;
          case 'tbl':
            tables.push({ k: 'tbl', rows: [] });
            break;
          case 'tr':
            rows.push({ before: 0, cells: [] });
            break;
          case 'gridBefore':
            if (rows.length) rows.at(-1)!.before = Math.min(100, Number(attrs[`${w}val`]) || 0);
            break;
          case 'tc': {
            const cell: Cell = { span: 1, vmerge: null, body: [] };
            cells.push(cell);
            containers.push(cell.body);
            break;
          }
          case 'gridSpan':
            if (cells.length) cells.at(-1)!.span = spanCount(attrs[`${w}val`]);
            break;
          case 'vMerge':
            if (cells.length) cells.at(-1)!.vmerge = attrs[`${w}val`] === 'restart' ? 'restart' : 'continue';
            break;
        }
      },
      ontext(data) {
        if (inText && !skip && paras.length) paras.at(-1)!.text += data;
      },
      onclosetag(name) {
        if (skip) {
          skip--;
          return;
        }
        if (!name.startsWith(w)) return;
        switch (name.slice(w.length)) {
          case 'p': {
            const p = paras.pop();
            if (p) containers.at(-1)!.push(p);
            break;
          }
          case 'r':
            inRun = Math.max(0, inRun - 1);
            break;
          case 't':
            inText = Math.max(0, inText - 1);
            break;
          case 'tc': {
            const cell = cells.pop();
            if (cell && containers.length > 1) containers.pop();
            if (cell) rows.at(-1)?.cells.push(cell);
            break;
          }
          case 'tr': {
            const row = rows.pop();
            if (row) tables.at(-1)?.rows.push(row);
            break;
          }
          case 'tbl': {
            const t = tables.pop();
            if (t) containers.at(-1)!.push(t);
            break;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return body;
}

// (a cell holding a table makes its table layout, walked by wordBlocks: a grid cell holds paragraphs)
const cellText = (body: Node[]): string => cleanCell(body.map((n) => (n.k === 'p' ? n.text : '')).join('\n'));
const holdsTable = (t: Table) => t.rows.some((r) => r.cells.some((c) => c.body.some((n) => n.k === 'tbl')));

/** A table's rectangular grid: spanned and vertically merged positions hold copies with origin=false. */
function grid(t: Table): GridCell[][] {
  const out: GridCell[][] = [];
  const above: (string | undefined)[] = []; // the text of the merge that starts at each column
  for (const row of t.rows) {
    const cellsOut: GridCell[] = [];
    let c = row.before;
    for (let i = 0; i < c; i++) cellsOut[i] = { text: '', origin: false };
    for (const cell of row.cells) {
      const cont = cell.vmerge === 'continue' && above[c] !== undefined;
      const text = cont ? above[c]! : cellText(cell.body);
      for (let j = 0; j < cell.span; j++) cellsOut[c + j] = { text, origin: !cont && j === 0 };
      if (!cont) {
        for (let j = 0; j < cell.span; j++) above[c + j] = undefined;
        if (cell.vmerge === 'restart') above[c] = text;
      }
      c += cell.span;
    }
    out.push(cellsOut);
  }
  return rectangular(out);
}

/** Blocks as the HTML reader makes them: a table holding tables is layout, its inner tables are the grids. */
export function wordBlocks(nodes: Node[]): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let tableNo = 0;
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.k === 'p') buf += `\n${n.text}\n`;
      else if (holdsTable(n)) for (const r of n.rows) for (const c of r.cells) walk(c.body);
      else {
        pushTextLines(blocks, buf);
        buf = '';
        tableNo++;
        blocks.push({ kind: 'table', rows: grid(n), loc: `table ${tableNo}` });
      }
    }
  };
  walk(nodes);
  pushTextLines(blocks, buf);
  return blocks;
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const zip = inflateXmlParts(bytes, sizeLimits().inflatedBytes, (n) => n === '_rels/.rels' || /document\d*\.xml$/iu.test(n));
  if (!zip) {
    const zipStart = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    throw unreadable(zipStart ? 'the zip ends before its central directory: truncated download?' : 'not a zip archive');
  }
  const { parts, damaged } = zip;
  // the main part is named by the package relationships; word/document.xml everywhere in practice
  const rels = parts.get('_rels/.rels')?.toString('utf8') ?? '';
  const target = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/u.exec(rels)?.[0].match(/Target="\/?([^"]+)"/u)?.[1];
  const name = target ?? 'word/document.xml';
  const main = parts.get(name) ?? (damaged.has(name) ? undefined : parts.get('word/document.xml'));
  if (!main) {
    const bad = [name, 'word/document.xml'].find((n) => damaged.has(n));
    throw unreadable(bad ? `${bad} in the zip is damaged (it does not inflate or fails its checksum): a corrupted copy?` : `no ${name} in the zip`);
  }
  return { kind: 'docx', blocks: wordBlocks(parseWordXml(main.toString('utf8'))), titles: [] };
}
