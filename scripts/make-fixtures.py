#!/usr/bin/env python3
"""Make the layout fixtures of test/fixtures/made from corpus reports (see PROVENANCE.md there).

Needs LibreOffice (Debian libreoffice-writer-nogui, fonts-wqy-zenhei) for the .docx and .pdf.
Run from the repository root: python3 scripts/make-fixtures.py
"""
import html, os, re, subprocess, tempfile

SRC = 'test/fixtures/corpus/pingtan-shs_2025_1.html'
OUT = 'test/fixtures/made'
body = open(SRC, encoding='utf-8').read()
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        '<title>平潭综合实验区社会事业局2025年政府信息公开工作年度报告</title></head><body>'
        '<h1>平潭综合实验区社会事业局2025年政府信息公开工作年度报告</h1>' + body + '</body></html>')

# 1. The same page encoded as GBK, declared gb2312 (as many county sites still serve).
open(f'{OUT}/shs-2025-gbk.html', 'wb').write(page.encode('gbk', errors='xmlcharrefreplace'))

# 2. Markdown with pipe tables: every <tr> becomes one pipe row, text paragraphs stay lines.
def cells(tr):
    return [re.sub(r'\s+', '', html.unescape(re.sub(r'<[^>]+>', '', td))) for td in re.findall(r'<td[^>]*>(.*?)</td>', tr, re.S)]
md = []
for part in re.split(r'(<table.*?</table>)', page, flags=re.S):
    if part.startswith('<table'):
        for tr in re.findall(r'<tr[^>]*>(.*?)</tr>', part, re.S):
            md.append('| ' + ' | '.join(cells(tr)) + ' |')
        md.append('')
    else:
        for p in re.split(r'</p>|<br\s*/?>|</h1>', part):
            t = html.unescape(re.sub(r'<[^>]+>', '', p)).strip()
            if t:
                md.append(t)
open(f'{OUT}/shs-2025-pipes.md', 'w', encoding='utf-8').write('\n'.join(md) + '\n')

# 3/4. Word and PDF, converted from the UTF-8 page by LibreOffice.
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'shs-2025.html')
    open(src, 'w', encoding='utf-8').write(page.replace('charset=gb2312', 'charset=utf-8'))
    subprocess.run(['soffice', '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', d, src], check=True, capture_output=True)
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', d, os.path.join(d, 'shs-2025.docx')], check=True, capture_output=True)
    subprocess.run(['soffice', '--headless', '--convert-to', 'doc', '--outdir', d, os.path.join(d, 'shs-2025.docx')], check=True, capture_output=True)
    for ext in ('docx', 'pdf', 'doc'):
        os.replace(os.path.join(d, f'shs-2025.{ext}'), f'{OUT}/shs-2025.{ext}')
print('made', sorted(os.listdir(OUT)))
