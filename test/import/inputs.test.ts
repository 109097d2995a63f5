/**
 * `gazette import` on each kind of input, compared field by field with what the input says: a Word document made
 * with the docx package, a saved web page with its furniture, and plain text in UTF-8 and GB18030.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Block, Body, Inline } from '../../src/model/document.js';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { importFiles } from '../../src/pipeline.js';
import type { ImportedDocument } from '../../src/import/index.js';
import { areaPng, page, plainText, savedPage, text, word, wordDocument } from '../support/import-fixtures.js';
import { comparable, readWritten } from '../support/import.js';
import { projectHost, projectRoot } from '../support/project.js';

const t = (value: string, marks: Partial<Omit<Extract<Inline, { kind: 'text' }>, 'kind' | 'text'>> = {}): Inline => ({ kind: 'text', text: value, ...marks });
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const h = (level: 1 | 2 | 3 | 4, value: string): Block => ({ kind: 'heading', level, content: [t(value)] });

async function importOne(name: string, bytes: Uint8Array, options: { category?: string; host?: ReturnType<typeof projectHost>; issue?: string } = {}): Promise<ImportedDocument> {
  const run = await importFiles(options.host ?? projectHost({}), {
    issue: options.issue ?? '2021-4',
    inputs: [{ name, bytes, image: () => undefined }],
    ...(options.category ? { category: options.category } : {}),
  });
  expect(run.setup).toBeUndefined();
  expect(run.diagnostics).toEqual([]);
  return run.documents[0]!.document;
}

const uncertain = (doc: ImportedDocument): string[] => [...new Set(doc.findings.filter((f) => !f.sure).map((f) => f.field))];
const from = (doc: ImportedDocument, field: string): string | undefined => doc.findings.find((f) => f.field === field)?.from;

describe('a Word document', () => {
  it('gives every field of the head and the closing, sure of each, and the 版记', async () => {
    const doc = await importOne('示范街区.docx', await wordDocument(), { category: '区政府文件' });
    expect(doc.frontMatter).toEqual({
      title: word.title,
      issuer: word.issuer,
      date: word.date,
      number: word.number,
      category: '区政府文件',
      recipients: word.recipients,
      signature: [word.issuer],
      note: word.note,
      attachments: [word.attachment],
      cc: word.cc,
      printed: word.printed,
    });
    expect(uncertain(doc)).toEqual([]);
    expect(doc.name).toBe('cf-2021-60');
    expect(from(doc, 'date')).toBe('closing');
  });

  it('keeps heading styles at the model’s levels, the issued plan, a run-in bold heading, the image, the footnote and the merged table', async () => {
    const doc = await importOne('示范街区.docx', await wordDocument(), { category: '区政府文件' });
    const body = comparable(doc.body) as Body;
    expect(body.blocks).toEqual([p(t(`现将《${word.plan}》印发给你们，请认真贯彻执行`), { kind: 'note', number: 1 }, t('。'))]);
    expect(body.enclosure.slice(0, 5)).toEqual([h(1, word.plan), h(2, '一、总体要求'), p(t('（一）工作目标。', { strong: true }), t('到2023年，建成示范街区3～5个。')), h(3, '（一）基本原则'), h(4, '1. 坚持规划引领')]);
    const figure = doc.body.enclosure[5]!;
    expect(figure.kind === 'figure' && [figure.alt, figure.image.path, figure.image.width, figure.image.height]).toEqual(['示范街区位置图', 'documents/2021-4/images/cf-2021-60-1.png', 160, 90]);
    expect(doc.images).toEqual([{ path: 'documents/2021-4/images/cf-2021-60-1.png', bytes: areaPng }]);
    expect(body.notes).toEqual([{ number: 1, blocks: [p(t(word.footnote))] }]);
    expect(body.attachments).toHaveLength(1);
    const attachment = body.attachments[0]!;
    expect([attachment.label, attachment.title]).toEqual(['附件', [t(word.attachment)]]);
    const cell = (value: string, colSpan = 1, rowSpan = 1) => ({ content: [t(value)], colSpan, rowSpan });
    expect(attachment.blocks).toEqual([
      {
        kind: 'table',
        rows: [{ cells: [cell('序号'), cell('任务'), cell('进度', 2)] }, { cells: [cell('1', 1, 2), cell('规划'), cell('2022年'), cell('2023年')] }, { cells: [cell('建设'), cell('完成'), cell('验收')] }],
        headerRows: 1,
        columns: 4,
        align: [null, null, null, null],
      },
    ]);
    expect(doc.changes).toEqual([
      { from: '023年,建成示范', to: '023年，建成示范', why: 'punctuation' },
      { from: '范街区3~5个。', to: '范街区3～5个。', why: 'range-tilde' },
    ]);
  });

  it('writes Markdown that reads back into the same model, merged table cells included', async () => {
    const doc = await importOne('示范街区.docx', await wordDocument(), { category: '区政府文件' });
    expect(doc.markdown).toContain('<table>\n<thead>\n<tr><th>序号</th><th>任务</th><th colspan="2">进度</th></tr>\n</thead>');
    expect(doc.markdown).toContain('![示范街区位置图](images/cf-2021-60-1.png)');
    const read = await readWritten(doc.path, doc.markdown, { [doc.images[0]!.path]: areaPng });
    expect(read.diagnostics).toEqual([]);
    expect(comparable(read.body)).toEqual(comparable(doc.body));
  });

  it('says the section is undecided when nothing decides it, and names the candidates', async () => {
    const doc = await importOne('示范街区.docx', await wordDocument());
    expect(doc.frontMatter.category).toBeUndefined();
    expect(uncertain(doc)).toEqual(['category']);
    expect(doc.findings.find((f) => f.field === 'category')).toMatchObject({ doubt: 'ambiguous', detail: '区政府文件、区政府办公室文件、区政府规范性文件、部门规范性文件' });
  });

  it('takes the section from the project’s documents with the same 代字', async () => {
    const existing = readFileSync(join(projectRoot, 'documents/2021-4/cfg-2021-51.md'));
    const doc = await importOne('示范街区.docx', await wordDocument(), { host: projectHost({ 'cfg-2021-51.md': existing }) });
    expect([doc.frontMatter.category, from(doc, 'category')]).toEqual(['区政府文件', 'documents']);
  });
});

describe('a saved web page', () => {
  it('reads the article and its metadata, and drops navigation, scripts, share, font-size and print buttons', async () => {
    const doc = await importOne('24.html', new TextEncoder().encode(savedPage()), { category: '区政府办公室文件' });
    expect(doc.frontMatter).toEqual({ title: page.title, issuer: page.issuer, date: page.date, number: page.number, category: '区政府办公室文件', recipients: page.recipients, signature: [page.issuer] });
    expect(uncertain(doc)).toEqual([]);
    for (const furniture of ['首页', '当前位置', '统计代码', '字号', '分享到', '打印', '关闭', '网站标识码', '索引号', 'SHCN', '发布日期']) expect(doc.markdown).not.toContain(furniture);
    expect(comparable(doc.body)).toMatchObject({
      blocks: [
        p(t('经研究，区政府同意调整长宁区公平竞争审查联席会议，其组成人员如下：')),
        p(t('召集人：杨元飞 区委常委、副区长')),
        p(t('成员（按姓氏笔画为序）：')),
        { kind: 'table', headerRows: 1, columns: 2, rows: [{ cells: [{ content: [t('姓名')] }, { content: [t('职务')] }] }, { cells: [{ content: [t('马金涛')] }, { content: [t('区投促办副主任')] }] }, { cells: [{ content: [t('施 彧')] }, { content: [t('区市场监管局副局长')] }] }] },
        p(t('长宁区公平竞争审查联席会议下设办公室，办公室设在区市场监督管理局。')),
        p(t('特此通知。')),
      ],
    });
    expect(doc.changes).toEqual(
      expect.arrayContaining([
        { from: '长府办〔2021〕24 号', to: '长府办〔2021〕24号', why: 'number-form' },
        { from: '&nbsp;', to: '', why: 'entity' },
        { from: '字号：大 中 小', to: '', why: 'furniture' },
        { from: '【打印本页】【关闭窗口】', to: '', why: 'furniture' },
        { from: '人员如下:', to: '人员如下：', why: 'punctuation' },
      ]),
    );
    expect(from(doc, 'number')).toBe('metadata');
    expect(from(doc, 'title')).toBe('page-title');
    expect(comparable((await readWritten(doc.path, doc.markdown)).body)).toEqual(comparable(doc.body));
  });

  it('decodes a page saved in GB18030', async () => {
    const doc = await importOne('24.htm', iconv.encode(savedPage(), 'gb18030'), { category: '区政府办公室文件' });
    expect([doc.frontMatter.title, doc.frontMatter.number, doc.frontMatter.date]).toEqual([page.title, page.number, page.date]);
  });

  it('reports an image it does not download, and square brackets it does not guess', async () => {
    const html = savedPage().replace('<p>特此通知。</p>', '<p><img src="https://www.shcn.gov.cn/map.png" alt="地图"></p><p>依据长府[2018]34号文件执行。</p><p>特此通知。</p>');
    const doc = await importOne('24.html', new TextEncoder().encode(html), { category: '区政府办公室文件' });
    expect(doc.findings.filter((f) => f.field === 'body')).toEqual([
      { field: 'body', sure: false, doubt: 'image-remote', detail: 'https://www.shcn.gov.cn/map.png' },
      { field: 'body', sure: false, doubt: 'square-brackets', detail: '依据长府[2018]34号文' },
    ]);
    expect(doc.markdown).toContain('依据长府\\[2018\\]34号文件执行。');
  });
});

describe('plain text', () => {
  const gazette = readFileSync(join(projectRoot, 'test/fixtures/state-council/documents/gazette.yml'), 'utf8');
  const host = () => createMemoryHost({ 'documents/gazette.yml': gazette, 'documents/2024-1/issue.yml': 'year: 2024\nnumber: 1\ntotal: 1820\npublished: 2024-01-10\n' });

  it.each([
    ['UTF-8', new TextEncoder().encode(plainText())],
    ['GB18030', new Uint8Array(iconv.encode(plainText(), 'gb18030'))],
  ])('in %s gives the head, the closing and the body', async (_, bytes) => {
    const doc = await importOne('通知.txt', bytes, { host: host() as ReturnType<typeof projectHost>, issue: '2024-1' });
    expect(doc.frontMatter).toEqual({ title: text.title, issuer: '国务院', date: text.date, number: text.number, category: '国务院文件', recipients: text.recipients, signature: text.signature, note: text.note });
    expect(uncertain(doc)).toEqual([]);
    expect(from(doc, 'category')).toBe('section-header');
    expect(from(doc, 'issuer')).toBe('signature');
    const body = comparable(doc.body) as Body;
    expect(body.blocks).toEqual([
      p(t('为推进示范区建设，现就有关事项通知如下：')),
      h(2, '一、总体要求'),
      h(3, '（一）工作目标'),
      p(t('到2025年，建成示范区10～20个，每年3月—5月集中验收。')),
      h(4, '1. 坚持规划引领'),
      p(t('第一条 本通知自印发之日起施行。')),
      { kind: 'list', ordered: false, start: 1, items: [{ blocks: [p(t('第一项'))] }, { blocks: [p(t('第二项'))] }] },
      {
        kind: 'table',
        headerRows: 1,
        columns: 3,
        align: [null, null, null],
        rows: [['序号', '任务', '责任单位'], ['1', '规划', '国家发展改革委'], ['2', '建设', '住房城乡建设部']].map((cells) => ({ cells: cells.map((c) => ({ content: [t(c)], colSpan: 1, rowSpan: 1 })) })),
      },
    ]);
    expect(doc.changes).toEqual(
      expect.arrayContaining([
        { from: '国发〔２０２４〕３号', to: '国发〔2024〕3号', why: 'number-form' },
        { from: '国　务　院', to: '国务院', why: 'name-padding' },
        { from: '每年3月~5月集中', to: '每年3月—5月集中', why: 'range-dash' },
        { from: '范区10~20个,', to: '范区10～20个,', why: 'range-tilde' },
      ]),
    );
    expect(comparable((await readWritten(doc.path, doc.markdown)).body)).toEqual(body);
  });

  it('reads a joint document: the space between its bodies in the title, their signatures on one line, both issuers', async () => {
    const joint = ['自然资源部 财政部关于下达2024年', '示例资金的通知', '自然资发〔2024〕3号', '各省、自治区、直辖市自然资源主管部门、财政厅（局）：', '现将2024年示例资金下达给你们，请按规定使用。', '自然资源部　　　　财政部', '2024年1月8日'].join('\n');
    const doc = await importOne('joint.txt', new TextEncoder().encode(joint), { host: host() as ReturnType<typeof projectHost>, issue: '2024-1' });
    expect(doc.frontMatter).toMatchObject({ title: '自然资源部 财政部关于下达2024年示例资金的通知', issuer: ['自然资源部', '财政部'], number: '自然资发〔2024〕3号', date: '2024-01-08', signature: ['自然资源部', '财政部'] });
    expect(doc.changes).toEqual(expect.arrayContaining([{ from: '自然资源部　　　　财政部', to: '自然资源部、财政部', why: 'joint-signature' }]));
  });

  it('reads a 令: its number under the title, the signature of 职务 and 姓名, and the regulation it promulgates', async () => {
    const order = ['中华人民共和国国务院令', '第770号', '《示例管理条例》已经2023年12月1日国务院第20次常务会议通过，现予公布，自2024年3月1日起施行。', '总理 李强', '2023年12月10日', '示例管理条例', '第一条 为了规范示例管理，制定本条例。'].join('\n');
    const doc = await importOne('770.txt', new TextEncoder().encode(order), { host: host() as ReturnType<typeof projectHost>, issue: '2024-1' });
    expect(doc.frontMatter).toEqual({ title: '中华人民共和国国务院令', issuer: '国务院', date: '2023-12-10', number: '中华人民共和国国务院令第770号', category: '国务院令', signature: ['总理　李强'] });
    expect([from(doc, 'issuer'), from(doc, 'category')]).toEqual(['title', 'section-name']);
    expect(uncertain(doc)).toEqual([]);
    expect(comparable(doc.body)).toMatchObject({ blocks: [p(t('《示例管理条例》已经2023年12月1日国务院第20次常务会议通过，现予公布，自2024年3月1日起施行。'))], enclosure: [h(1, '示例管理条例'), p(t('第一条 为了规范示例管理，制定本条例。'))] });
    expect(doc.name).toBe('770');
  });
});
