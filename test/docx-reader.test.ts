// The Word reader on hand-made WordprocessingML: merged cells, tracked changes, alternate content,
// a layout table around the data table, and a package whose main part is not word/document.xml.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseWordXml, readDocx, wordBlocks } from '../pipeline/extract/readers/docx.ts';

const NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string, prefix = 'w') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}:document xmlns:${prefix}="${NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr>${r}</w:r>`).join('')}</w:p>`;
const t = (s: string) => `<w:t xml:space="preserve">${s}</w:t>`;
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t(text))}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const grid = (xml: string) => wordBlocks(parseWordXml(xml)).flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.map((c) => (c.origin ? c.text : `(${c.text})`)))] : []));
const lines = (xml: string) => wordBlocks(parseWordXml(xml)).flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('Word reader', () => {
  it('expands gridSpan and vMerge into a rectangular grid, copies marked as not the origin', () => {
    const xml = doc(
      `<w:tbl>${tr(tc('信息内容', '<w:gridSpan w:val="2"/>'), tc('本年新制作数量'))}${tr(tc('规章', '<w:vMerge w:val="restart"/>'), tc('新制作'), tc('3'))}${tr(tc('', '<w:vMerge/>'), tc('废止'), tc('0'))}</w:tbl>`,
    );
    expect(grid(xml)).toEqual([[['信息内容', '(信息内容)', '本年新制作数量'], ['规章', '新制作', '3'], ['(规章)', '废止', '0']]]);
  });

  it('reads runs, tabs and breaks in a run, and nothing of deleted text, field codes or the mc:Choice copy', () => {
    const xml = doc(
      p(t('本年新收'), '<w:tab/>', t('58件')) +
        `<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r>${t('上年结转')}<w:br/>${t('2件')}</w:r></w:p>` +
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(lines(xml)).toEqual(['本年新收 58件', '上年结转', '2件', '文本框']);
  });

  it('keeps gridBefore offsets and treats a table holding tables as layout around them', () => {
    const inner = `<w:tbl>${tr(tc('a'), tc('b'))}<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('c')}</w:tr></w:tbl>`;
    const xml = doc(`<w:tbl><w:tr><w:tc>${p(t('标题'))}${inner}</w:tc></w:tr></w:tbl>`);
    expect(grid(xml)).toEqual([[['a', 'b'], ['()', 'c']]]);
    expect(lines(xml)).toEqual(['标题']);
  });

  it('reads a document whose namespace prefix is not w:', () => {
    const xml = doc('<x:p><x:r><x:t>二、主动公开政府信息情况</x:t></x:r></x:p>', 'x');
    expect(lines(xml)).toEqual(['二、主动公开政府信息情况']);
  });

  it('finds the main part through the package relationships and rejects a zip without one', async () => {
    const zip = new JSZip();
    zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`);
    zip.file('word/document2.xml', doc(p(t('一、总体情况'))));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect((await readDocx(bytes)).blocks).toEqual([{ kind: 'text', text: '一、总体情况', loc: 'text 1' }]);
    const empty = new JSZip();
    empty.file('word/styles.xml', '<w:styles/>');
    await expect(readDocx(await empty.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/not a readable Word \.docx file \(no word\/document\.xml in the zip/u);
    // a download cut short keeps the zip's start and loses its end, where the directory is
    await expect(readDocx(bytes.subarray(0, bytes.length - 30))).rejects.toThrow(/ends before its central directory: truncated download\?/u);
    await expect(readDocx(new TextEncoder().encode('<html>not Word</html>'))).rejects.toThrow(/\(not a zip archive\)/u);
  });

  it('rejects a document whose main part fails its checksum, instead of reading changed digits', async () => {
    // a corrupted copy: one digit of the stored XML changed, which still parses
    const zip = new JSZip();
    zip.file('word/document.xml', doc(p(t('本年新收政府信息公开申请数量 58 件'))));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    expect((await readDocx(bytes)).blocks[0]).toMatchObject({ text: '本年新收政府信息公开申请数量 58 件' });
    const at = Buffer.from(bytes).indexOf(' 58 ');
    const changed = Uint8Array.from(bytes);
    changed[at + 2] = '9'.charCodeAt(0);
    await expect(readDocx(changed)).rejects.toThrow(/word\/document\.xml in the zip is damaged \(it does not inflate or fails its checksum\)/u);
  });
});
