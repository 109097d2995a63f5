/**
 * Every validation rule against valid/invalid tables taken from shared/reference/standards-zh.md (A1…E4);
 * "real" strings were seen in published documents.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { describe as describeCode } from '../../src/diagnostics/codes.js';
import { baseFields, documentText, projectHost, type DocFields } from '../support/project.js';

async function codesFor(fields: DocFields, others: Record<string, string> = {}, extra: Record<string, string> = {}): Promise<string[]> {
  const result = await check(projectHost({ 'doc.md': documentText(fields), ...others }, extra), ['2021-4']);
  expect(result.setup).toBeUndefined();
  return result.diagnostics.filter((d) => d.span?.file === 'documents/2021-4/doc.md').map((d) => d.code);
}

const numberFormatCodes = new Set(['number-format', 'number-brackets', 'number-year', 'number-leading-zero', 'number-di-zi', 'number-suffix', 'number-whitespace', 'number-fullwidth-digits', 'number-traditional']);
const formatCodes = async (number: string): Promise<string[]> => (await codesFor({ ...baseFields, number })).filter((c) => numberFormatCodes.has(c)).sort();

describe('发文字号 format rules A1–A9', () => {
  it.each(['长府〔2021〕46号', '长府办〔2021〕20号', '长府规〔2021〕3号', '长财规〔2021〕1号', '长府〔2023〕1号', '长府办〔2021〕16号', '沪府发〔2017〕92号', '嘉府办发〔2024〕23号', '沪住建规范联〔2023〕11号'])(
    'accepts %s',
    async (number) => expect(await formatCodes(number)).toEqual([]),
  );

  it.each([
    ['长府[2021]46号', ['number-brackets']],
    ['长府［2021］46号', ['number-brackets']],
    ['长府【2021】46号', ['number-brackets']],
    ['河教语【2018】5号', ['number-brackets']],
    ['宁政发[2019]3号', ['number-brackets']],
    ['长府(2021)46号', ['number-brackets']],
    ['长府（2021）46号', ['number-brackets']],
    ['长府﹝2021﹞46号', ['number-brackets']],
    ['长府规(2021)3号', ['number-brackets']],
    ['长府〔21〕46号', ['number-year']],
    ['长府〔2021〕046号', ['number-leading-zero']],
    ['国发〔2023〕001号', ['number-leading-zero']],
    ['长府〔2021〕第46号', ['number-di-zi']],
    ['X市财发〔1992〕字第36号', ['number-di-zi']],
    ['国卫食品发2021第36号', ['number-format']],
    ['通发改价费字(2021)305号', ['number-brackets']],
    ['办规字〔2023〕字2号', ['number-di-zi']],
    ['长府〔2021〕46', ['number-suffix']],
    ['靜府規〔2022〕1號', ['number-suffix', 'number-traditional']],
    ['长宁公报〔2021〕2 号', ['number-whitespace']],
    ['长府 〔2021〕 46 号', ['number-whitespace']],
    ['长府办〔2018〕34 号', ['number-whitespace']],
    ['长府〔２０２１〕４６号', ['number-fullwidth-digits']],
    ['〔2021〕46号', ['number-format']],
  ])('rejects %s with %j', async (number, expected) => expect(await formatCodes(number)).toEqual([...expected].sort()));

  it('names the wrong bracket and suggests the corrected number', async () => {
    const result = await check(projectHost({ 'doc.md': documentText({ ...baseFields, number: '长府﹝2021﹞46号' }) }), ['2021-4']);
    const d = result.diagnostics.find((x) => x.code === 'number-brackets')!;
    expect(d.args.char).toBe('﹝ ﹞');
    expect(d.args.codepoint).toBe('U+FE5D U+FE5E');
    expect(d.fix).toBe('长府〔2021〕46号');
    expect(d.span).toMatchObject({ file: 'documents/2021-4/doc.md', start: { line: 5, column: 9 } });
  });
});

describe('A10 代字 matches the issuer', () => {
  it('accepts each registered series of the issuer', async () => {
    expect(await codesFor({ ...baseFields, number: '长府〔2021〕54号' })).not.toContain('number-issuer');
    expect(await codesFor({ ...baseFields, number: '长府规〔2021〕3号', category: '区政府规范性文件' })).not.toContain('number-issuer');
  });
  it('rejects a code registered to another issuer', async () => {
    expect(await codesFor({ ...baseFields, issuer: '上海市长宁区人民政府办公室', title: '上海市长宁区人民政府办公室关于调整的通知', category: '区政府办公室文件' })).toContain('number-issuer');
  });
  it('warns about an unregistered code', async () => expect(await codesFor({ ...baseFields, number: '沪府发〔2021〕9号' })).toContain('number-code-unknown'));
});

describe('A11 uniqueness by (代字, year, sequence)', () => {
  const other = (number: string): Record<string, string> => ({ 'other.md': documentText({ ...baseFields, title: `${baseFields.title}二`, number }) });
  it('allows the same sequence in another series', async () => expect(await codesFor(baseFields, other('长府规〔2021〕54号'))).not.toContain('number-duplicate'));
  it('rejects a repeat within the issue', async () => expect(await codesFor(baseFields, other('长府〔2021〕54号'))).toContain('number-duplicate'));
  it('rejects a repeat from another issue', async () => {
    const extra = { 'documents/2021-3/issue.yml': 'year: 2021\nnumber: 3\ntotal: 61\npublished: 2021-10-08\n', 'documents/2021-3/x.md': documentText({ ...baseFields, date: '2021-09-01' }) };
    expect(await codesFor(baseFields, {}, extra)).toContain('number-duplicate');
  });
});

describe('A12 and A13', () => {
  it('warns when the number year differs from the date year', async () => expect(await codesFor({ ...baseFields, number: '长府〔2020〕54号' })).toContain('number-year-mismatch'));
  it('rejects a number in 人事任免 and 政策解读', async () => {
    expect(await codesFor({ ...baseFields, category: '人事任免' })).toContain('number-forbidden');
    expect(await codesFor({ ...baseFields, category: '政策解读' })).toContain('number-forbidden');
  });
  it('requires a number in 公文 sections', async () => expect(await codesFor({ ...baseFields, number: undefined })).toContain('number-missing'));
  it('accepts 人事任免 without number or date', async () => expect(await codesFor({ title: '二〇二一年十月~十二月份区政府人事任免事项', issuer: '上海市长宁区人民政府', category: '人事任免' })).toEqual([]));
});

describe('B1 and B4 dates', () => {
  it.each(['2021-08-25', '2021-12-14', '2020-02-29'])('accepts %s', async (date) => expect(await codesFor({ ...baseFields, date, number: `长府〔${date.slice(0, 4)}〕54号` })).toEqual([]));
  it.each([
    ['2021-02-30', 'date-invalid'],
    ['2021-13-01', 'date-invalid'],
    ['2021-8-25', 'date-format'],
    ['2021年11月5日', 'date-format'],
    ['2021.8.25', 'date-format'],
  ])('rejects %s with %s', async (date, code) => expect(await codesFor({ ...baseFields, date })).toContain(code));
  it.each([
    ['2021-02-30', '成文日期“2021-02-30”不存在：2021年2月只有28天', '改为 YYYY-MM-DD 格式的真实日期，如 2022-01-04'],
    ['二〇二一年二月三十日', '成文日期“二〇二一年二月三十日”不存在：2021年2月只有28天', '改为 YYYY-MM-DD 格式的真实日期，如 2022-01-04'],
    ['2021年11月', '成文日期“2021年11月”只写到2021年11月，缺少日：年、月、日须写全（GB/T 9704 7.3.5.4）', '改为 YYYY-MM-DD 格式的真实日期，如 2022-01-04'],
    ['2021-11', '成文日期“2021-11”只写到2021年11月，缺少日：年、月、日须写全（GB/T 9704 7.3.5.4）', '改为 YYYY-MM-DD 格式的真实日期，如 2022-01-04'],
    ['"2021-11-05T10:00:00"', '成文日期“2021-11-05T10:00:00”带有时刻 10:00:00：成文日期只写年月日', '→ 2021-11-05（gazette check --fix 可自动改正）'],
    ['2021-11-05 10:00', '成文日期“2021-11-05 10:00”带有时刻 10:00：成文日期只写年月日', '→ 2021-11-05（gazette check --fix 可自动改正）'],
    ['2021-13', '成文日期“2021-13”不是真实存在的日期', '改为 YYYY-MM-DD 格式的真实日期，如 2022-01-04'],
  ])('says what is wrong with %s', async (date, message, hint) => {
    const d = (await check(projectHost({ 'doc.md': documentText({ ...baseFields, date }) }), ['2021-4'])).diagnostics.find((x) => x.code === 'date-invalid')!;
    expect(describeCode('date-invalid', d.args, d.fix, 'zh')).toEqual({ message, hint });
  });
  it('says it in English without Chinese dates', async () => {
    const d = (await check(projectHost({ 'doc.md': documentText({ ...baseFields, date: '2021年11月' }) }), ['2021-4'])).diagnostics.find((x) => x.code === 'date-invalid')!;
    expect(describeCode('date-invalid', d.args, d.fix, 'en').message).toBe('Date "2021年11月" stops at the month (2021-11): year, month and day are all written (GB/T 9704 7.3.5.4)');
  });
  it('suggests the ISO form of a Chinese date', async () => {
    const d = (await check(projectHost({ 'doc.md': documentText({ ...baseFields, date: '2021年11月5日' }) }), ['2021-4'])).diagnostics.find((x) => x.code === 'date-format');
    expect(d?.fix).toBe('2021-11-05');
  });
  it('rejects a date after publication (2022-01-04)', async () => expect(await codesFor({ ...baseFields, date: '2022-01-05' })).toContain('date-after-publication'));
  it('accepts the publication day itself', async () => expect(await codesFor({ ...baseFields, date: '2022-01-04' })).not.toContain('date-after-publication'));
  it('requires a date in dated sections', async () => expect(await codesFor({ ...baseFields, date: undefined })).toContain('field-missing'));
});

describe('C1 and C2 titles', () => {
  it.each(['通知', '决定', '批复', '意见', '函'])('accepts a title ending with %s', async (type) => expect(await codesFor({ ...baseFields, title: `上海市长宁区人民政府关于某事的${type}` })).toEqual([]));
  it.each(['上海市长宁区人民政府长宁区2021年政务公开工作要点', '上海市长宁区人民政府关于某事的通知。'])('rejects %s', async (title) => expect(await codesFor({ ...baseFields, title })).toContain('title-doctype'));
  it('exempts 政策解读', async () => expect(await codesFor({ title: '《上海市长宁区区长质量奖管理办法》政策解读', issuer: '上海市长宁区人民政府', category: '政策解读' })).toEqual([]));
  it('warns when the title does not start with the issuer', async () => expect(await codesFor({ ...baseFields, title: '关于某事的通知' })).toContain('title-issuer'));
});

describe('E rules and schema', () => {
  it('rejects an unknown category and suggests the nearest', async () => {
    const d = (await check(projectHost({ 'doc.md': documentText({ ...baseFields, category: '区府文件' }) }), ['2021-4'])).diagnostics.find((x) => x.code === 'category-unknown');
    expect(d?.fix).toBe('区政府文件');
  });
  it('rejects the same title twice in an issue', async () => {
    const twin = { 'twin.md': documentText({ ...baseFields, number: '长府〔2021〕55号' }) };
    expect((await check(projectHost({ 'doc.md': documentText(baseFields), ...twin }), ['2021-4'])).diagnostics.map((d) => d.code)).toContain('document-duplicate');
  });
  it('checks that interprets resolves within the issue', async () => {
    const interpretation = (target: string): Record<string, string> => ({
      'jd.md': documentText({ title: '《办法》政策解读', issuer: '上海市长宁区人民政府', category: '政策解读', interprets: target }),
    });
    const codes = async (target: string): Promise<string[]> => (await check(projectHost({ 'doc.md': documentText(baseFields), ...interpretation(target) }), ['2021-4'])).diagnostics.map((d) => d.code);
    expect(await codes('长府〔2021〕54号')).not.toContain('interprets-unresolved');
    expect(await codes('长府〔2021〕99号')).toContain('interprets-unresolved');
  });
  it('warns about an unknown field with a suggestion', async () => {
    const d = (await check(projectHost({ 'doc.md': documentText({ ...baseFields, titel: 'x' }) }), ['2021-4'])).diagnostics.find((x) => x.code === 'field-unknown');
    expect(d?.fix).toBe('title');
  });
  it('E1: the running total follows the previous issue', async () => {
    const previous = { 'documents/2021-3/issue.yml': 'year: 2021\nnumber: 3\ntotal: 60\npublished: 2021-10-08\n' };
    const diagnostics = (await check(projectHost({ 'doc.md': documentText(baseFields) }, previous), ['2021-4'])).diagnostics;
    expect(diagnostics.find((d) => d.code === 'issue-total')?.fix).toBe('61');
  });
  it('E1: two folders cannot hold the same issue', async () => {
    const twin = { 'documents/2021-4b/issue.yml': 'year: 2021\nnumber: 4\ntotal: 62\npublished: 2022-01-04\n', 'documents/2021-4b/x.md': documentText({ ...baseFields, number: '长府〔2021〕99号', title: '上海市长宁区人民政府关于另一事的通知' }) };
    const codes = (await check(projectHost({ 'doc.md': documentText(baseFields) }, twin), [])).diagnostics.map((d) => d.code);
    expect(codes).toContain('issue-duplicate');
    expect(codes).not.toContain('issue-total');
  });
  it('E2: a year-end issue may be published early the next year, not two years later', async () => {
    const codes = async (published: string): Promise<string[]> =>
      (await check(projectHost({ 'doc.md': documentText({ ...baseFields, date: '2021-12-14' }) }, { 'documents/2021-4/issue.yml': `year: 2021\nnumber: 4\ntotal: 62\npublished: ${published}\n` }), ['2021-4'])).diagnostics.map((d) => d.code);
    expect(await codes('2022-01-04')).not.toContain('issue-published-year');
    expect(await codes('2023-01-04')).toContain('issue-published-year');
  });
  it('E2: an issue is not published before the one it follows', async () => {
    const codes = async (published: string) =>
      (await check(projectHost({ 'doc.md': documentText(baseFields) }, { 'documents/2021-3/issue.yml': `year: 2021\nnumber: 3\ntotal: 61\npublished: ${published}\n` }), ['2021-4'])).diagnostics.filter((d) => d.code === 'issue-published-order');
    expect(await codes('2021-10-08')).toEqual([]);
    expect(await codes('2022-01-04')).toEqual([]);
    const [d] = await codes('2022-01-05');
    expect(d).toMatchObject({ severity: 'warning', args: { published: '2022-01-04', previous: '2021-3', previousPublished: '2022-01-05' }, span: { file: 'documents/2021-4/issue.yml', start: { line: 4 } } });
  });
  it('rejects an invalid issue.yml with a position', async () => {
    const d = (await check(projectHost({ 'doc.md': documentText(baseFields) }, { 'documents/2021-4/issue.yml': 'year: 2021\nnumber: four\ntotal: 62\npublished: 2022-02-30\n' }), ['2021-4'])).diagnostics.filter((x) => x.code === 'issue-invalid');
    expect(d.map((x) => [x.args.field, x.span?.start.line])).toEqual([['number', 2], ['published', 4]]);
  });
});

describe('front-matter values of the wrong type', () => {
  const hint = async (fields: DocFields) => {
    const d = (await check(projectHost({ 'doc.md': documentText(fields) }), ['2021-4'])).diagnostics.find((x) => x.code === 'field-type')!;
    return describeCode('field-type', d.args, d.fix, 'zh').hint;
  };
  it.each([
    [{ ...baseFields, title: '12345' }, '加引号写成文本：title: "12345"'],
    [{ ...baseFields, recipients: 'true' }, '加引号写成文本：recipients: "true"'],
    [{ ...baseFields, order: 'true' }, '改为正整数'],
    [{ ...baseFields, order: '第一' }, '改为正整数'],
  ] as const)('%j → %s', async (fields, expected) => expect(await hint(fields)).toBe(expected));
});

describe('markup pasted into front matter', () => {
  const markup = async (fields: DocFields) => (await check(projectHost({ 'doc.md': documentText(fields) }), ['2021-4'])).diagnostics.filter((d) => d.code === 'field-markup').map((d) => [d.args.field, d.args.markup]);
  it.each([
    [{ ...baseFields, title: '上海市长宁区人民政府关于<b>加强</b>某事的通知' }, [['title', '<b>']]],
    [{ ...baseFields, recipients: '各委、办、局&nbsp;各街道' }, [['recipients', '&nbsp;']]],
    [{ ...baseFields, attachments: '[名单&amp;说明]' }, [['attachments', '&amp;']]],
    [{ ...baseFields, title: '上海市长宁区人民政府关于a<b且c>d的通知' }, []],
    [{ ...baseFields, note: '此件公开发布&' }, []],
    [baseFields, []],
  ] as const)('%j → %j', async (fields, expected) => expect(await markup(fields)).toEqual(expected));
});

describe('a document with no text', () => {
  const bodyEmpty = async (body: string) => (await check(projectHost({ 'doc.md': documentText(baseFields, body) }), ['2021-4'])).diagnostics.filter((d) => d.code === 'body-empty').map((d) => [d.severity, d.span?.start.line]);
  const bodyLine = documentText(baseFields, '').split('\n').length;
  it.each([
    ['', [['warning', bodyLine]]],
    ['\n\n  \n', [['warning', bodyLine]]],
    ['<!-- 待补充 -->\n', [['warning', bodyLine]]],
    ['<!-- 未闭合的注释\n', [['warning', bodyLine]]],
    ['正文。\n', []],
    ['<!-- 注 -->\n正文。\n', []],
    ['| 表 |\n|---|\n| 甲 |\n', []],
  ] as const)('%j → %j', async (body, expected) => expect(await bodyEmpty(body)).toEqual(expected));
});

describe('files of an issue that are not documents', () => {
  it('says a Markdown file under another extension is left out, and says nothing of Word files or images beside', async () => {
    const files = { 'doc.md': documentText(baseFields), 'notice.markdown': documentText({ ...baseFields, number: '长府〔2021〕55号' }), 'b.MKD': '正文', 'original.docx': 'PK', 'chart.png': 'x' };
    const found = (await check(projectHost(files), ['2021-4'])).diagnostics.filter((d) => d.code === 'document-not-md');
    expect(found.map((d) => [d.span?.file, d.args.rename])).toEqual([['documents/2021-4/b.MKD', 'b.md'], ['documents/2021-4/notice.markdown', 'notice.md']]);
    expect(describeCode('document-not-md', found[1]!.args, undefined, 'zh')).toEqual({ message: 'documents/2021-4/notice.markdown 不会排入公报：期次中只读取 .md 文件', hint: '改名为 notice.md' });
    const copy = (await check(projectHost({ 'doc.md': documentText(baseFields), 'doc.markdown': '旧稿' }), ['2021-4'])).diagnostics.find((d) => d.code === 'document-not-md')!;
    expect(describeCode('document-not-md', copy.args, undefined, 'zh').hint).toBe('旁边已有 documents/2021-4/doc.md：若是副本，移出期次文件夹；否则合并两者');
  });
});

describe('skeleton placeholders', () => {
  const placeholderCodes = async (fields: DocFields, body?: string) => (await check(projectHost({ 'doc.md': documentText(fields, body) }), ['2021-4'])).diagnostics.filter((d) => d.code === 'placeholder-unfilled').map((d) => [d.args.placeholder, d.span?.start.line, d.span?.start.column]);
  it.each([
    [{ ...baseFields }, '正文。\n', []],
    [{ ...baseFields, title: '上海市长宁区人民政府关于（一）类事项的通知' }, '（一）总体要求\n', []],
    [{ ...baseFields, title: '上海市长宁区人民政府关于（事由）的通知' }, '正文。\n', [['（事由）', 2, 20]]],
    [{ ...baseFields, recipients: '（主送机关）' }, '（正文）\n', [['（主送机关）', 7, 13], ['（正文）', 9, 1]]],
    [{ ...baseFields, title: '（标题）', category: '区政府文件' }, '正文写了（正文）两次（正文）。\n', [['（标题）', 2, 8], ['（正文）', 8, 5]]],
  ] as const)('%j + %j → %j', async (fields, body, expected) => expect(await placeholderCodes(fields, body)).toEqual(expected));
});

describe('the bundled issue', () => {
  it('passes the check with no errors', async () => {
    const { createNodeHost } = await import('../../src/host/node-host.js');
    const { projectRoot } = await import('../support/project.js');
    const result = await check(createNodeHost(projectRoot), ['2021-4']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.project?.issues.find((i) => i.id === '2021-4')?.documents).toHaveLength(13);
  });
});
