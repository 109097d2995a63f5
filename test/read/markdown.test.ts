/**
 * The Markdown reader, construct by construct: what each becomes in the document model, and what is reported
 * (never silently dropped, raw HTML never kept as text).
 */
import { describe, expect, it } from 'vitest';
import { describe as describeCode } from '../../src/diagnostics/codes.js';
import type { Block, Inline } from '../../src/model/document.js';
import { headerSpans, MAX_NESTING } from '../../src/read/index.js';
import { PNG_1X1, readBody } from '../write-html/fixture.js';

const text = (content: readonly Inline[]): string => content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : `[${i.number}]`)).join('');
const codes = (markdown: string): string[] => readBody(markdown).diagnostics.map((d) => d.code);
const first = (markdown: string): Block => readBody(markdown).body.blocks[0]!;

describe('valid constructs', () => {
  it.each([
    ['段落。', { kind: 'paragraph' }],
    ['## 实施方案', { kind: 'heading', level: 1 }],
    ['### 一、总体要求', { kind: 'heading', level: 2 }],
    ['#### （一）指导思想', { kind: 'heading', level: 3 }],
    ['##### 1. 建设场地', { kind: 'heading', level: 4 }],
    ['###### （1）细项', { kind: 'heading', level: 4 }],
    ['1. 甲\n2. 乙', { kind: 'list', ordered: true, start: 1 }],
    ['3. 丙', { kind: 'list', ordered: true, start: 3 }],
    ['- 甲', { kind: 'list', ordered: false }],
    ['> 引文', { kind: 'quote' }],
    ['```\n第一行\n第二行\n```', { kind: 'preformatted', lines: ['第一行', '第二行'] }],
    ['甲\n\n---\n\n乙', { kind: 'paragraph' }],
  ])('%j → %j', (markdown, shape) => {
    expect(readBody(markdown).diagnostics).toEqual([]);
    expect(first(markdown)).toMatchObject(shape);
  });

  it('keeps marks on runs: strong, emphasis, strike-through, code and safe links', () => {
    const block = first('**加粗。**接着*强调*与~~删除~~、`代码`和[链接](https://www.gov.cn/)。');
    expect(block.kind === 'paragraph' && block.content).toEqual([
      { kind: 'text', text: '加粗。', strong: true },
      { kind: 'text', text: '接着' },
      { kind: 'text', text: '强调', emph: true },
      { kind: 'text', text: '与' },
      { kind: 'text', text: '删除', strike: true },
      { kind: 'text', text: '、' },
      { kind: 'text', text: '代码', code: true },
      { kind: 'text', text: '和' },
      { kind: 'text', text: '链接', href: 'https://www.gov.cn/' },
      { kind: 'text', text: '。' },
    ]);
  });

  it('joins soft breaks between Han characters without a space, and keeps hard breaks', () => {
    const block = first('第一行\n接着写  \n硬换行<br>再换行');
    expect(block.kind === 'paragraph' && text(block.content)).toBe('第一行接着写\n硬换行\n再换行');
  });

  it('numbers footnotes by first citation, sets each once, and keeps a note cited twice', () => {
    const { body, diagnostics } = readBody('甲[^z]乙[^a]丙[^z]。\n\n[^a]: 注甲。\n[^z]: 注乙。\n[^unused]: 无人引用。');
    const block = body.blocks[0]!;
    expect(block.kind === 'paragraph' && text(block.content)).toBe('甲[1]乙[2]丙[1]。');
    expect(body.notes.map((n) => [n.number, n.blocks[0]!.kind === 'paragraph' && text(n.blocks[0]!.content)])).toEqual([[1, '注乙。'], [2, '注甲。']]);
    expect(diagnostics.map((d) => [d.code, d.args.label])).toEqual([['note-unused', 'unused']]);
  });

  it('refuses a citation of a footnote that has no definition, where it is, instead of printing it as typed', () => {
    const { diagnostics } = readBody('正文[^9]见注，又见[^a]。\n续行[^b]与表，原样\\[^d]。\n\n| 列 |\n| --- |\n| 格[^c] |\n\n[^a]: 有定义。');
    expect(diagnostics.map((d) => [d.code, d.severity, d.args.label, d.span?.start.line, d.span?.start.column])).toEqual([
      ['note-undefined', 'error', '9', 1, 3],
      ['note-undefined', 'error', 'b', 2, 3],
      ['note-undefined', 'error', 'c', 6, 4],
    ]);
    expect(describeCode('note-undefined', { label: '9' }, undefined, 'zh').hint).toContain('[^9]: 脚注内容');
  });

  it('cuts attachments at their labels and takes the centred heading after a label as the title', () => {
    const { body } = readBody('正文。\n\n附件1\n\n## 任务清单\n\n清单正文。\n\n附件 2\n\n名单正文。');
    expect(body.blocks).toHaveLength(1);
    expect(body.attachments.map((a) => [a.label, a.title && text(a.title), a.blocks.length])).toEqual([['附件1', '任务清单', 1], ['附件2', undefined, 1]]);
  });

  it('reads a numbered label typed with a colon, and says the label takes none', () => {
    const { body, diagnostics } = readBody('正文。\n\n附件1：\n\n## 任务清单\n\n清单正文。\n\n### 附件 2:\n\n名单正文。');
    expect(body.attachments.map((a) => [a.label, a.title && text(a.title)])).toEqual([['附件1', '任务清单'], ['附件2', undefined]]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.args.written, d.args.label, d.span?.start.line])).toEqual([
      ['attachment-label-colon', 'warning', '附件1：', '附件1', 3],
      ['attachment-label-colon', 'warning', '附件 2:', '附件2', 9],
    ]);
    // A bare 附件： introduces what follows; it opens no attachment.
    const bare = readBody('正文。\n\n附件：\n\n1. 名单');
    expect(bare.body.attachments).toEqual([]);
    expect(bare.diagnostics).toEqual([]);
  });

  it('separates the text a document issues (from its first centred title after some text) from its own text', () => {
    const { body } = readBody('现印发给你们。\n\n## 实施方案\n\n### 一、目标\n\n方案正文。');
    expect(body.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(body.enclosure.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph']);
    // A document that starts with its title keeps it as its own text.
    expect(readBody('## 标题\n\n正文。').body.enclosure).toEqual([]);
  });

  it('reads GFM tables with empty header cells continuing the one before', () => {
    const block = first('| 序号 | 进度 |  | 部门 |\n| --- | --- | --- | :-: |\n| 1 | 2021年 | 2022年 | 区府办 |');
    expect(block).toMatchObject({ kind: 'table', columns: 4, headerRows: 1, align: [undefined, undefined, undefined, 'center'] });
    if (block.kind !== 'table') return;
    expect(block.rows[0]!.cells.map((c) => [text(c.content), c.colSpan])).toEqual([['序号', 1], ['进度', 2], ['部门', 1]]);
    expect(block.rows[1]!.cells).toHaveLength(4);
  });

  it('turns literal <p>…</p> in cells into line breaks', () => {
    const block = first('| 内容 |\n| --- |\n| <p>第一段</p><p>第二段</p> |');
    expect(block.kind === 'table' && text(block.rows[1]!.cells[0]!.content)).toBe('第一段\n第二段');
  });

  it('reads a local image as a figure with its size, caption and a content-hashed output name', () => {
    const { body, diagnostics } = readBody('![图](a.png "图1　说明")', 'documents/2024-1/x.md', { 'documents/2024-1/a.png': PNG_1X1 });
    expect(diagnostics).toEqual([]);
    expect(body.blocks[0]).toMatchObject({ kind: 'figure', alt: '图', image: { path: 'documents/2024-1/a.png', width: 1, height: 1, type: 'png' } });
  });

  it.each([
    [['甲', '', '', '乙'], [3, 0, 0, 1]],
    [['时间', '', '工作内容'], [2, 0, 1]],
    [['姓名', '任命职务'], [1, 1]],
    [['', '甲', '乙'], [1, 1, 1]],
    [['甲', ' ', ''], [3, 0, 0]],
  ])('header spans %j → %j', (cells, spans) => expect(headerSpans(cells)).toEqual(spans));
});

describe('reported constructs', () => {
  it.each([
    ['<div>块</div>', 'html-unsupported'],
    ['文字<span>内联</span>。', 'html-inline-plain'],
    ['文字<img src="a.png">。', 'html-unsupported'],
    ['[链接](javascript:alert(1))', 'link-unsafe'],
    ['[相对链接](../a.md)', 'link-unsafe'],
    ['![](https://example.com/a.png)', 'image-remote'],
    ['![图](../../../etc/passwd.png)', 'image-outside'],
    ['![图](missing.png)', 'image-missing'],
    ['## 标题![图](a.png)', 'image-inline'],
  ])('%s → %s', (markdown, code) => expect(codes(markdown)).toContain(code));

  it('takes a JPEG with data after its end (a phone’s motion photo), and refuses one cut off in its scan or a PNG with a damaged byte', () => {
    const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
    const head = [0xff, 0xd8, ...segment(0xc0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0]), ...segment(0xda, [1, 1, 0, 0, 0x3f, 0])];
    const scan = [0x12, 0x34, 0xff, 0x00, 0x56];
    const jpeg = (bytes: number[]) => new Uint8Array(bytes);
    const damaged = PNG_1X1.slice();
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    const files = {
      'documents/2021-4/motion.jpg': jpeg([...head, ...scan, 0xff, 0xd9, ...new TextEncoder().encode('MotionPhoto_Data ftypmp42')]),
      'documents/2021-4/cut.jpg': jpeg([...head, ...scan]),
      'documents/2021-4/bad.png': damaged,
    };
    const codes = (src: string) => readBody(`![图](${src})`, 'documents/2021-4/doc.md', files).diagnostics.map((d) => d.code);
    expect(codes('motion.jpg')).toEqual([]);
    expect(codes('cut.jpg')).toEqual(['image-corrupt']);
    expect(codes('bad.png')).toEqual(['image-corrupt']);
  });

  it('reports an image that is not PNG or JPEG, and one without alternative text', () => {
    const files = { 'documents/2021-4/a.gif': new TextEncoder().encode('GIF89a'), 'documents/2021-4/b.png': PNG_1X1 };
    expect(readBody('![动图](a.gif)\n\n![](b.png)', 'documents/2021-4/doc.md', files).diagnostics.map((d) => d.code)).toEqual(['image-format', 'image-alt-missing']);
  });

  it('reports an element once, a task list’s boxes where they are, and never a comment’s text', () => {
    expect(readBody('文字<span>内联</span>。').diagnostics.map((d) => [d.code, d.args.tag])).toEqual([['html-inline-plain', 'span']]);
    const tasks = readBody('事项：\n\n- [ ] 未办\n- [x] 已办\n- 普通').diagnostics;
    expect(tasks.map((d) => [d.code, d.span?.start.line])).toEqual([
      ['task-list-unsupported', 3],
      ['task-list-unsupported', 4],
    ]);
    const mixed = readBody('<!-- 勿公开的批注 --><div>块</div>').diagnostics;
    expect(mixed.map((d) => [d.code, d.args.tag])).toEqual([['html-unsupported', 'div']]);
    expect(JSON.stringify(mixed)).not.toContain('勿公开');
  });

  it('says a tag in a paragraph whose text prints is printed plainly, with the remedy for that tag', () => {
    const hint = (markdown: string) => readBody(markdown).diagnostics.map((d) => [d.code, describeCode(d.code, d.args, d.fix, 'zh').hint]);
    const { body, diagnostics } = readBody('面积100m<sup>2</sup>。');
    const block = body.blocks[0]!;
    expect(block.kind === 'paragraph' && text(block.content)).toBe('面积100m2。');
    expect(diagnostics.map((d) => [d.code, d.args.tag, d.span?.start.column])).toEqual([['html-inline-plain', 'sup', 7]]);
    expect(hint('水H<sub>2</sub>O')).toEqual([['html-inline-plain', expect.stringContaining('H₂O')]]);
    expect(hint('<b>要点</b>')).toEqual([['html-inline-plain', expect.stringContaining('**…**')]]);
    expect(hint('<font color="red">红字</font>')).toEqual([['html-inline-plain', expect.stringContaining('删去该标签')]]);
    // In a table cell the subscript's hint names a subscript, not a superscript.
    expect(hint('<table><tr><td>H<sub>2</sub>O</td></tr></table>')).toEqual([['html-cell-plain', expect.stringContaining('H₂O')]]);
  });

  it('drops comments silently and never keeps raw HTML as text', () => {
    const { body, diagnostics } = readBody('<!-- 内部批注 -->\n\n前<script>alert(1)</script>后<!-- 注 -->。');
    // One report per element: its content and closing tag go with it.
    expect(diagnostics.map((d) => [d.code, d.args.tag, d.span?.start.line])).toEqual([['html-unsupported', 'script', 3]]);
    const block = body.blocks[0]!;
    expect(block.kind === 'paragraph' && text(block.content)).toBe('前后。');
  });

  it('limits nesting with a positioned error and keeps the deeper text, flat', () => {
    const deep = Array.from({ length: MAX_NESTING + 3 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n');
    const { body, diagnostics } = readBody(deep);
    const error = diagnostics.find((d) => d.code === 'nesting-too-deep');
    expect(error).toMatchObject({ severity: 'error', span: { start: { line: MAX_NESTING + 1 } } });
    const all = JSON.stringify(body);
    for (let i = 1; i <= MAX_NESTING + 3; i++) expect(all).toContain(`第${i}层`);
  });
});

describe('GFM tables that remark does not read as tables', () => {
  const reports = (markdown: string) => readBody(markdown).diagnostics.map((d) => [d.code, d.severity, d.args.header, d.args.delimiter, d.span?.start.line, d.span?.start.column]);

  it.each([
    ['| 序号 | 地区 | 名称 |\n|---|---|\n| 1 | 杭州市 | 西湖区 |', 3, 2, 2, 1],
    ['序号 | 地区\n:-: | --- | ---', 2, 3, 2, 1],
    ['前言：\n| 甲 | 乙 |\n| --- |', 2, 1, 3, 1],
    ['> | 甲 | 乙 |\n> |---|---|---|', 2, 3, 2, 3],
    ['- 表：\n\n  | 甲 \\| 丙 | 乙 |\n  |---|---|---|', 2, 3, 4, 3],
  ])('%j: header %i, delimiter %i, at %i:%i', (markdown, header, delimiter, line, column) => {
    expect(reports(markdown)).toEqual([['table-columns-mismatch', 'error', header, delimiter, line, column]]);
    expect(describeCode('table-columns-mismatch', readBody(markdown).diagnostics[0]!.args, undefined, 'zh').hint).toContain(`|${'---|'.repeat(header)}`);
  });

  it.each([
    '| 甲 | 乙 |\n|---|---|\n| 1 | 2 |',
    '甲 | 乙\n--- | ---',
    '标题\n---',
    '正文中有竖线 a|b，\n下一行 - 不是表格。',
    '| 只有一行 |',
  ])('%j is no broken table', (markdown) => {
    expect(codes(markdown)).not.toContain('table-columns-mismatch');
  });
});

describe('HTML tables: what they leave out is said', () => {
  const cellTexts = (block: Block | undefined): string[] => (block?.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => text(cell.content))) : []);
  const reports = (markdown: string) => readBody(markdown).diagnostics.map((d) => [d.code, d.args.text ?? d.args.tag, d.span?.start.line, d.span?.start.column, ...(d.args.more ? [d.args.more] : [])]);
  const table = '<table><tr><td>甲</td></tr></table>';

  it('reports text after </table> in the same HTML block where it starts, and reads it after a blank line', () => {
    expect(reports(`${table}  紧接着的文字。\n\n下一段。`)).toEqual([['html-table-text-lost', '紧接着的文字。', 1, 37]]);
    expect(reports(`前言。\n\n${table}\n  紧接着的文字，\n  第二行。`)).toEqual([['html-table-text-lost', '紧接着的文字，', 4, 3]]);
    expect(reports(`前言。\r\n\r\n${table}\r\n后文`)).toEqual([['html-table-text-lost', '后文', 4, 1]]);
    expect(reports(`- 事项：\n\n  ${table}\n  后文`)).toEqual([['html-table-text-lost', '后文', 4, 3]]);
    // With blank lines inside, the table spans blocks: the text follows its last.
    expect(reports('<table>\n\n<tr><td>甲</td></tr>\n\n</table>\n后文')).toEqual([['html-table-text-lost', '后文', 6, 1]]);
    const { body, diagnostics } = readBody(`${table}\n\n紧接着的文字。`);
    expect(diagnostics).toEqual([]);
    expect(body.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
  });

  it('reports text written between rows, which HTML moves out of the table', () => {
    expect(reports('<table>说明文字<tr><td>甲</td></tr><p>注：单位万元</p></table>')).toEqual([['html-table-text-lost', '说明文字', 1, 8, 1]]);
    // A missing </table>: the paragraphs up to the next table's end are swallowed, and said.
    expect(reports('<table><tr><td>甲</td></tr>\n\n中间段落一。\n\n<table><tr><td>乙</td></tr></table>')).toEqual([['html-table-text-lost', '中间段落一。', 3, 1, 1]]);
  });

  it('places text after a table that a second <table> closed early on its own line', () => {
    expect(reports('<table><tr><td>甲</td></tr>\n<table><tr><td>乙</td></tr>\n\n<tr><td>丙</td></tr></table>')).toEqual([['html-table-text-lost', '乙', 2, 16, 1]]);
  });

  it('reports a table no </table> closes as an error, not as an unsupported tag', () => {
    const unclosed = '<table>\n<tr><th>序号</th><th>名称</th></tr>\n<tr><td>1</td><td>杭州市\n\n正文继续。';
    const { body, diagnostics } = readBody(unclosed);
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.start.line])).toEqual([['html-table-unclosed', 'error', 1]]);
    expect(body.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(codes(`- 项：\n\n  ${unclosed.replace(/\n/g, '\n  ')}`)).toEqual(['html-table-unclosed']);
    // Two tables opened and never closed, one in a later list: each is said once, where it opens.
    const second = readBody(`${unclosed}\n\n<table><tr><td>乙\n\n- 项：\n\n  <table><tr><td>丙`);
    expect(second.diagnostics.map((d) => [d.code, d.span?.start.line])).toEqual([['html-table-unclosed', 1], ['html-table-unclosed', 7], ['html-table-unclosed', 11]]);
  });

  it('names code and images after a table by their tag', () => {
    expect(reports(`${table}<script>alert(1)</script><img src="x.png">`)).toEqual([['html-table-text-lost', '<script>', 1, 35, 1]]);
  });

  it('says nothing about markup that prints nothing after a table', () => {
    for (const after of ['</div>', '</p>', '<br>', '<!-- 注 -->', '&nbsp;', '\u200b']) expect(reports(`${table}\n${after}`), after).toEqual([]);
  });

  it('takes a nested table as part of the first', () => {
    const nested = readBody('<table><tr><td><table><tr><td>内</td></tr></table></td><td>外</td></tr></table>');
    expect(nested.diagnostics).toEqual([]);
    expect(cellTexts(nested.body.blocks[0])).toEqual(['内', '外']);
  });

  it('reports text after a table inside a quote at its own column, and no quote marker as text', () => {
    expect(reports(`> ${table}\n> 后文`)).toEqual([['html-table-text-lost', '后文', 2, 3]]);
    expect(reports(`> > ${table}\n> > 后文`)).toEqual([['html-table-text-lost', '后文', 2, 5]]);
    expect(reports(`> ${table}\n>\n> 下一段`)).toEqual([]);
    // Outside a quote, a line's `>` is text the HTML block swallows.
    expect(reports(`${table}\n> 引文`)).toEqual([['html-table-text-lost', '> 引文', 2, 1]]);
  });

  it('keeps a quote’s markers out of its table’s cells', () => {
    const { body, diagnostics } = readBody('> <table><tr><td>第一\n> 第二</td><td>a\n> > b</td></tr>\n>\n> <tr><td>丙</td></tr></table>');
    expect(diagnostics).toEqual([]);
    const quote = body.blocks[0];
    expect(quote?.kind === 'quote' ? cellTexts(quote.blocks[0]) : []).toEqual(['第一第二', 'a > b', '丙', '']);
  });

  it('prints no code from a cell, and names each element left out or changed once', () => {
    const { body, diagnostics } = readBody('<table><tr><td>甲<script>alert(1)</script></td><td><style>td{}</style>乙<script>x()</script></td><td>100m<sup>2</sup><img src="a.png"></td></tr></table>');
    expect(cellTexts(body.blocks[0])).toEqual(['甲', '乙', '100m2']);
    expect(diagnostics.map((d) => [d.code, d.args.tag, d.span?.start.line, d.span?.start.column])).toEqual([
      ['html-unsupported', 'script', 1, 17],
      ['html-unsupported', 'style', 1, 51],
      ['html-cell-plain', 'sup', 1, 104],
      ['html-unsupported', 'img', 1, 116],
    ]);
  });

  it('names an element of a cell where it first occurs, lines into a long table and inside quotes and lists', () => {
    const rows = Array.from({ length: 6 }, (_, k) => `<tr><td>第${k}行</td></tr>`).join('\n');
    expect(reports(`<table>\n${rows}\n<tr><td>100m<sup>2</sup></td><td>1<sup>3</sup></td></tr>\n</table>`)).toEqual([['html-cell-plain', 'sup', 8, 13]]);
    // The first line starts after the container's markers; the lines after it start at column 1 of the file.
    expect(reports('> <table><tr><td>甲<sup>1</sup></td></tr>\n> <tr><td><script>x()</script></td></tr></table>')).toEqual([
      ['html-cell-plain', 'sup', 1, 19],
      ['html-unsupported', 'script', 2, 11],
    ]);
    expect(reports('- 列表\n\n  <table>\n  <tr><td>甲<sub>2</sub></td></tr></table>')).toEqual([['html-cell-plain', 'sub', 4, 12]]);
  });
});
