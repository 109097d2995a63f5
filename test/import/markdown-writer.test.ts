/**
 * The Markdown writer of `gazette import`: whatever document model it is given, the real pipeline reads the written
 * file back into the same model (except tables with merged cells, written as the HTML table subset that the reader
 * on main is learning to read).
 */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import type { Block, Body, Inline, Table } from '../../src/model/document.js';
import { writeMarkdown, type FrontMatter } from '../../src/import/markdown-writer.js';
import { PNG_1X1 } from '../write-html/fixture.js';
import { comparable, readIssue } from '../support/import.js';

const path = 'documents/2021-4/cfg-2021-46.md';
const front: FrontMatter = {
  title: '上海市长宁区人民政府关于印发《长宁区全民健身实施计划（2021—2025年）》的通知',
  issuer: '上海市长宁区人民政府',
  date: '2021-11-05',
  number: '长府〔2021〕46号',
  category: '区政府文件',
  recipients: '区政府各委、办、局，各街道办事处，新泾镇政府',
};

const t = (text: string, marks: Partial<Omit<Extract<Inline, { kind: 'text' }>, 'kind' | 'text'>> = {}): Inline => ({ kind: 'text', text, ...marks });
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const body = (blocks: Block[], more: Partial<Body> = {}): Body => ({ blocks, enclosure: [], attachments: [], notes: [], ...more });

async function roundTrip(model: Body, frontMatter: FrontMatter = front, extra: Record<string, Uint8Array> = {}) {
  const markdown = writeMarkdown(path, frontMatter, model);
  const { documents, diagnostics } = await readIssue({ 'cfg-2021-46.md': markdown, ...extra });
  return { markdown, document: documents[0]!, diagnostics };
}

async function expectRoundTrip(model: Body): Promise<string> {
  const { markdown, document, diagnostics } = await roundTrip(model);
  expect(diagnostics, markdown).toEqual([]);
  expect(comparable(document.body), markdown).toEqual(comparable(model));
  return markdown;
}

describe('front matter', () => {
  it('writes the fields in the agreed order and reads them back', async () => {
    const full: FrontMatter = {
      ...front,
      issuer: ['上海市长宁区人民政府', '上海市长宁区人民政府办公室'],
      signature: ['上海市长宁区人民政府', '上海市长宁区人民政府办公室'],
      note: '此件公开发布',
      attachments: ['长宁区全民健身实施计划'],
      cc: ['区委各部门', '区人大常委会办公室'],
      printed: { by: '上海市长宁区人民政府办公室', date: '2021-11-08' },
    };
    const { markdown, document } = await roundTrip(body([p(t('正文。'))]), full);
    expect(markdown.split('\n').slice(1, 12).map((line) => line.split(':')[0])).toEqual(['title', 'issuer', 'date', 'number', 'category', 'recipients', 'signature', 'note', 'attachments', 'cc', 'printed']);
    expect(markdown).toContain('issuer: [ 上海市长宁区人民政府, 上海市长宁区人民政府办公室 ]');
    expect(document.meta).toMatchObject({
      title: full.title,
      issuers: full.issuer,
      date: '2021-11-05',
      number: '长府〔2021〕46号',
      recipients: full.recipients,
      signature: full.signature,
      note: '此件公开发布',
      attachments: full.attachments,
      cc: full.cc,
      printed: full.printed,
    });
  });

  it('quotes values YAML would misread', async () => {
    const { document } = await roundTrip(body([p(t('正文。'))]), { ...front, title: '关于“a: b”与[方括号]的通知' });
    expect(document.meta.title).toBe('关于“a: b”与[方括号]的通知');
  });
});

describe('text that looks like Markdown stays text', () => {
  it.each([
    '1. 打造举步可就的体育生活圈。',
    '2) 第二项',
    '- 不是列表',
    '+ 也不是',
    '* 星号',
    '# 不是标题',
    '> 不是引文',
    '---',
    '===',
    '```',
    '~~~',
    '<div>不是 HTML</div>',
    '<!-- 不是注释 -->',
    '[^1] 不是脚注，[链接](https://x.cn) 不是链接',
    '**不加粗** *不强调* _下划线_ ~删除~ ~~删除~~ `代码`',
    '不是字符引用：&nbsp; &amp; &#12345;',
    '反斜杠 \\ 与 \\* 照写',
    '网址 www.shcn.gov.cn 与 https://www.gov.cn/ 和 office@shcn.gov.cn 不成链接',
    '两个  空格 与　全角空格',
  ])('%s', async (text) => {
    await expectRoundTrip(body([p(t(text))]));
  });

  it('escapes a heading that ends with #', async () => {
    await expectRoundTrip(body([{ kind: 'heading', level: 2, content: [t('一、第 #')] }]));
  });
});

describe('marks, links, breaks and notes', () => {
  it('keeps runs with their marks, also when marks overlap and meet Chinese punctuation', async () => {
    await expectRoundTrip(
      body([
        p(t('一是', { strong: true }), t('数据存储功能，'), t('“十三五”', { strong: true }), t('时期。')),
        p(t('甲', { strong: true }), t('乙', { strong: true, emph: true }), t('丙', { emph: true }), t('丁')),
        p(t('强调', { emph: true }), t('加粗', { strong: true }), t('删除', { strike: true }), t('。')),
        p(t('代码 `x`', { code: true }), t('与'), t('加粗代码', { strong: true, code: true }), t('。')),
        p(t('见'), t('中国政府网', { href: 'https://www.gov.cn/' }), t('（'), t('加粗链接', { href: 'https://www.gov.cn/zhengce/(a)', strong: true }), t('）。')),
        p(t('第一行'), { kind: 'break' }, t('第二行'), { kind: 'note', number: 1 }, t('。')),
      ], { notes: [{ number: 1, blocks: [p(t('注释正文。')), p(t('注释第二段。'))] }] }),
    );
  });
});

describe('blocks', () => {
  it('writes headings at the model’s levels, lists, quotes, code, rules, an issued text and attachments', async () => {
    const markdown = await expectRoundTrip(
      body(
        [
          p(t('现印发给你们，请认真按照执行。')),
          { kind: 'list', ordered: true, start: 3, items: [{ blocks: [p(t('第三项'))] }, { blocks: [p(t('第四项')), { kind: 'list', ordered: false, start: 1, items: [{ blocks: [p(t('1. 嵌套'))] }] }] }] },
          { kind: 'list', ordered: true, start: 1, items: [{ blocks: [p(t('另一个列表'))] }] },
          { kind: 'quote', blocks: [p(t('引文第一段。')), { kind: 'quote', blocks: [p(t('引文中的引文。'))] }] },
          { kind: 'preformatted', lines: ['第一行', '  ```缩进与反引号', ''] },
          { kind: 'separator' },
        ],
        {
          enclosure: [
            { kind: 'heading', level: 1, content: [t('长宁区全民健身实施计划（2021—2025年）')] },
            { kind: 'heading', level: 2, content: [t('一、指导思想')] },
            { kind: 'heading', level: 3, content: [t('（一）聚焦设施建设')] },
            { kind: 'heading', level: 4, content: [t('1. 打造体育生活圈')] },
            p(t('第一条 为规范管理，制定本办法。')),
          ],
          attachments: [
            { label: '附件1', title: [t('长宁区重点体育场馆建设清单')], blocks: [p(t('清单正文。'))] },
            { label: '附件2', blocks: [p(t('没有标题的附件。'))] },
          ],
        },
      ),
    );
    expect(markdown).toContain('\n## 长宁区全民健身实施计划（2021—2025年）\n\n### 一、指导思想\n\n#### （一）聚焦设施建设\n\n##### 1. 打造体育生活圈\n');
    expect(markdown).toContain('\n附件1\n\n## 长宁区重点体育场馆建设清单\n');
  });

  it('writes a figure beside the document, relative to it', async () => {
    const image = { path: 'documents/2021-4/images/cfg-2021-46-1.png', type: 'png' as const, width: 1, height: 1, bytes: PNG_1X1, outputName: '' };
    const model = body([{ kind: 'figure', image, alt: '长宁区区位图', caption: [t('图1　区位')] }]);
    const { markdown, document, diagnostics } = await roundTrip(model, front, { 'images/cfg-2021-46-1.png': PNG_1X1 });
    expect(diagnostics).toEqual([]);
    expect(markdown).toContain('![长宁区区位图](images/cfg-2021-46-1.png "图1　区位")');
    const figure = document.body.blocks[0]!;
    expect(figure.kind === 'figure' && [figure.alt, figure.image.path, figure.caption]).toEqual(['长宁区区位图', image.path, [t('图1　区位')]]);
  });
});

describe('tables', () => {
  const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ content: text === '' ? [] : [t(text)], colSpan, rowSpan });
  const table = (rows: ReturnType<typeof cell>[][], columns: number, headerRows = 1): Table => ({
    kind: 'table',
    rows: rows.map((cells) => ({ cells })),
    headerRows,
    columns,
    align: Array.from({ length: columns }, () => undefined),
  });

  it('writes a table without merged cells as GFM, escaping pipes and keeping line breaks', async () => {
    const model = table([[cell('序号'), cell('项目名称')], [cell('01'), { content: [t('甲|乙'), { kind: 'break' }, t('丙', { strong: true })], colSpan: 1, rowSpan: 1 }], [cell('02'), cell('')]], 2);
    const markdown = await expectRoundTrip(body([model]));
    expect(markdown).toContain('| 序号 | 项目名称 |\n| --- | --- |\n| 01 | 甲\\|乙<br>**丙** |\n| 02 |  |');
  });

  it('keeps a header cell spanning columns in GFM, as an empty header cell after it', async () => {
    const model = table([[cell('序号'), cell('进度要求', 3), cell('责任部门')], ['1', '2021年', '2022年', '2023年', '区绿化市容局'].map((x) => cell(x))], 5);
    const markdown = await expectRoundTrip(body([model]));
    expect(markdown).toContain('| 序号 | 进度要求 |  |  | 责任部门 |');
  });

  it('writes merged cells as an HTML table of the agreed subset', () => {
    const model = table(
      [
        [cell('时间', 2), cell('工作计划')],
        [cell('2021年', 1, 2), cell('上半年'), cell('调研 <现状> & 需求')],
        [cell('下半年'), { content: [t('制定方案'), { kind: 'break' }, t('启动建设')], colSpan: 1, rowSpan: 1 }],
      ],
      3,
    );
    const markdown = writeMarkdown(path, front, body([p(t('前文。')), model, p(t('后文。'))]));
    const html = /\n(<table>[\s\S]*?<\/table>)\n/.exec(markdown)![1]!;
    expect(html).not.toMatch(/\n\s*\n/);
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['br', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
    expect([...html.matchAll(/<[a-z]+((?:\s+[a-z]+="[^"]*")*)>/g)].flatMap((m) => [...m[1]!.matchAll(/([a-z]+)=/g)].map((a) => a[1])).every((name) => name === 'rowspan' || name === 'colspan')).toBe(true);
    // Parsed as HTML, the table has the model's grid.
    const tree = fromHtml(html, { fragment: true });
    const rows: { tag: string; text: string; rowspan?: unknown; colspan?: unknown }[][] = [];
    const walk = (node: any): void => {
      if (node.tagName === 'tr') rows.push(node.children.filter((c: any) => c.type === 'element').map((c: any) => ({ tag: c.tagName, text: c.children.map((x: any) => (x.type === 'text' ? x.value : x.tagName === 'br' ? '\n' : '')).join(''), ...(c.properties.rowSpan ? { rowspan: c.properties.rowSpan } : {}), ...(c.properties.colSpan ? { colspan: c.properties.colSpan } : {}) })));
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
    expect(rows).toEqual([
      [{ tag: 'th', text: '时间', colspan: 2 }, { tag: 'th', text: '工作计划' }],
      [{ tag: 'td', text: '2021年', rowspan: 2 }, { tag: 'td', text: '上半年' }, { tag: 'td', text: '调研 <现状> & 需求' }],
      [{ tag: 'td', text: '下半年' }, { tag: 'td', text: '制定方案\n启动建设' }],
    ]);
  });
});
