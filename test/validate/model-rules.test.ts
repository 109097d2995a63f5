/**
 * The document and publication model of other gazettes: 令号, joint documents, aliases, extra 文种, dates in
 * Chinese numerals, 版记 dates, attachments, per-rule severities, and hints built from the project being checked
 * (a gazette that is not the bundled one never sees 长府 in a hint).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { check } from '../../src/pipeline.js';
import { describe as describeCode } from '../../src/diagnostics/codes.js';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { bundledAssets, documentText, type DocFields } from '../support/project.js';

const gazetteYml = (extra = ''): string => `name: 中华人民共和国国务院公报
publisher: 国务院办公厅
issueLabel: "{year}年第{number}号"
sectionLabel: "{name}"
doctypes: [答复]
sections:
  - name: 国务院令
    number: order
  - name: 国务院文件
  - name: 部门文件
issuers:
  - name: 国务院
    aliases: [中华人民共和国国务院]
    codes: [国发, 国函]
  - name: 自然资源部
    codes: [自然资发]
  - name: 财政部
    codes: [财预]
  - name: 上海市人民政府
    codes: [沪府, 沪府办规字]
${extra}`;

const issueYml = 'year: 2024\nnumber: 1\ntotal: 1820\npublished: 2024-01-10\n';

const order: DocFields = { title: '中华人民共和国国务院令', issuer: '国务院', number: '中华人民共和国国务院令第770号', date: '2023-12-10', category: '国务院令', signature: '总理　某某' };
const document: DocFields = { title: '国务院关于推进示例工作的意见', issuer: '国务院', number: '国发〔2024〕1号', date: '2024-01-03', category: '国务院文件' };

function host(fields: DocFields, body = '正文。\n', extra = '', others: Record<string, string> = {}) {
  return createMemoryHost({
    'documents/gazette.yml': gazetteYml(extra),
    'documents/2024-1/issue.yml': issueYml,
    'documents/2024-1/doc.md': documentText(fields, body),
    ...others,
  }, bundledAssets);
}

async function diagnosticsFor(fields: DocFields, body?: string, extra?: string, others?: Record<string, string>) {
  const result = await check(host(fields, body, extra, others), ['2024-1']);
  expect(result.setup).toBeUndefined();
  return result.diagnostics;
}
const codesFor = async (...args: Parameters<typeof diagnosticsFor>): Promise<string[]> => shown(await diagnosticsFor(...args)).map((d) => d.code);

describe('令号 in a section of orders', () => {
  it.each(['中华人民共和国国务院令第770号', '国务院令第770号', '国务院令2024年第3号'])('accepts %s', async (number) => {
    expect(await codesFor({ ...order, number })).toEqual([]);
  });

  it.each([
    ['国务院令770号', ['order-di']],
    ['国务院令第770', ['order-suffix']],
    ['国务院令第０７７０号', ['order-fullwidth-digits', 'order-leading-zero']],
    ['国务院令第 770 号', ['order-whitespace']],
    ['国务院令第0770号', ['order-leading-zero']],
    ['财政部令第1号', ['order-issuer']],
    ['国务院第770号', ['order-format']],
    ['国务院令21年第3号', ['order-format']],
    ['国发〔2024〕1号', ['number-not-order']],
    ['国务院令〔2024〕第771号', ['number-not-order']],
  ])('rejects %s with %j', async (number, expected) => {
    expect((await codesFor({ ...order, number })).sort()).toEqual([...expected].sort());
  });

  it('suggests the well-formed 令号 and fixes whitespace, digits and zeros safely', async () => {
    const d = (await diagnosticsFor({ ...order, number: '国务院令第 ０７７０ 号' })).find((x) => x.code === 'order-whitespace')!;
    expect(d.fix).toBe('国务院令第770号');
    expect(d.edit).toMatchObject({ kind: 'replace', text: '国务院令第770号' });
    const issuer = (await diagnosticsFor({ ...order, number: '财政部令第1号' })).find((x) => x.code === 'order-issuer')!;
    expect(issuer.fix).toBe('国务院令第1号');
    expect(describeCode('order-issuer', issuer.args, issuer.fix, 'zh').message).toContain('财政部');
  });

  it('turns a 令号 written with a bracketed year into the 令号 it was meant to be', async () => {
    for (const [number, fix, withYear, bracketed] of [
      ['国务院令〔2024〕第771号', '国务院令第771号', '国务院令2024年第771号', '〔2024〕'],
      ['中华人民共和国国务院令［2024］０７７１号', '国务院令第771号', '国务院令2024年第771号', '［2024］'],
      ['国务院令（２０２４）第３号', '国务院令第3号', '国务院令2024年第3号', '（２０２４）'],
      ['国令〔2024〕1号', '国务院令第1号', '国务院令2024年第1号', '〔2024〕'],
    ]) {
      const d = (await diagnosticsFor({ ...order, number })).find((x) => x.code === 'number-not-order')!;
      expect(d.fix).toBe(fix);
      expect(describeCode('number-not-order', d.args, d.fix, 'zh').message).toContain(`中的“${bracketed}”是发文字号的写法：令号不用括号括年份`);
      expect(describeCode('number-not-order', d.args, d.fix, 'zh').hint).toContain(withYear);
    }
    // A plain 发文字号 is still named as one, with the sections it may belong to.
    const plain = (await diagnosticsFor({ ...order, number: '国发〔2024〕1号' })).find((x) => x.code === 'number-not-order')!;
    expect(plain.fix).toBeUndefined();
    expect(describeCode('number-not-order', plain.args, plain.fix, 'zh').hint).toContain('国务院文件、部门文件');
  });

  it.each([
    ['总理　某某', []],
    ['国务院总理李强', []],
    ['李强', ['order-signer']],
    ['欧阳明', ['order-signer']],
    ['总理', ['order-signer']],
    // A registered body signs as itself.
    ['国务院', []],
  ])('the signature %s of a 令 → %j', async (signature, expected) => {
    expect(await codesFor({ ...order, signature })).toEqual(expected);
  });

  it('tells a bare name from an office alone', async () => {
    const message = async (signature: string) => {
      const d = (await diagnosticsFor({ ...order, signature })).find((x) => x.code === 'order-signer')!;
      return describeCode('order-signer', d.args, d.fix, 'zh').message;
    };
    expect(await message('李强')).toBe('令的署名“李强”只有姓名，缺少签发人职务');
    expect(await message('总理')).toBe('令的署名“总理”只有职务，缺少签发人姓名');
  });

  it('requires the signer of a 令, unless the section says it is unsigned', async () => {
    const unsigned = { ...order, signature: undefined };
    const d = (await diagnosticsFor(unsigned)).find((x) => x.code === 'signature-missing')!;
    expect(d.severity).toBe('error');
    expect(d.args.section).toBe('国务院令');
    // Only a section of orders is told about the 令's signer (GB/T 9704 §10.2).
    expect(describeCode('signature-missing', d.args, d.fix, 'zh').hint).toContain('“国务院令”栏目收的是令');
    expect(describeCode('signature-missing', d.args, d.fix, 'en').hint).toContain('section "国务院令" holds orders');
    expect(await codesFor(unsigned, undefined, '', {})).toEqual(['signature-missing']);
    const yml = gazetteYml().replace('    number: order\n', '    number: order\n    signed: false\n');
    const optedOut = await check(createMemoryHost({ 'documents/gazette.yml': yml, 'documents/2024-1/issue.yml': issueYml, 'documents/2024-1/doc.md': documentText(unsigned, '正文。\n') }, bundledAssets), ['2024-1']);
    expect(shown(optedOut.diagnostics).map((x) => x.code)).toEqual([]);
  });

  it('requires a signature in any section marked signed, and only there', async () => {
    const yml = gazetteYml().replace('  - name: 国务院文件\n', '  - name: 国务院文件\n    signed: true\n');
    const diagnosticsOf = async (fields: DocFields) =>
      shown((await check(createMemoryHost({ 'documents/gazette.yml': yml, 'documents/2024-1/issue.yml': issueYml, 'documents/2024-1/doc.md': documentText(fields, '正文。\n') }, bundledAssets), ['2024-1'])).diagnostics);
    const run = async (fields: DocFields) => (await diagnosticsOf(fields)).map((x) => x.code);
    expect(await run(document)).toEqual(['signature-missing']);
    const signedDocument = (await diagnosticsOf(document))[0]!;
    const hint = describeCode('signature-missing', signedDocument.args, signedDocument.fix, 'zh').hint!;
    expect(hint).toContain('发文机关署名');
    expect(hint).not.toContain('令');
    expect(await run({ ...document, signature: '国务院' })).toEqual([]);
    expect(await codesFor({ ...document, category: '部门文件', number: '自然资发〔2024〕1号', issuer: '自然资源部', title: '自然资源部关于示例工作的通知' })).toEqual([]);
  });

  it('names the words a setting takes when its value is none of them', async () => {
    const yml = gazetteYml().replace('    number: order\n', '    number: orders\n');
    const result = await check(createMemoryHost({ 'documents/gazette.yml': yml, 'documents/2024-1/issue.yml': issueYml, 'documents/2024-1/doc.md': documentText(order, '正文。\n') }, bundledAssets), ['2024-1']);
    const d = result.diagnostics.find((x) => x.code === 'publication-invalid')!;
    expect(describeCode(d.code, d.args, d.fix, 'zh').message).toBe('gazette.yml 中 sections.number 的值无效，可选：required、forbidden、optional、order');
    expect(describeCode(d.code, d.args, d.fix, 'en').message).toBe('Invalid value for sections.number in gazette.yml; one of required, forbidden, optional, order');
  });

  it('refuses a signed setting that is not true or false', async () => {
    const yml = gazetteYml().replace('    number: order\n', '    number: order\n    signed: 是\n');
    const result = await check(createMemoryHost({ 'documents/gazette.yml': yml, 'documents/2024-1/issue.yml': issueYml, 'documents/2024-1/doc.md': documentText(order, '正文。\n') }, bundledAssets), ['2024-1']);
    expect(result.diagnostics.map((x) => x.code)).toContain('publication-invalid');
    expect(JSON.stringify(result.diagnostics)).toContain('sections.signed');
  });

  it('requires a 令号 there, with an example in this gazette’s form, calling it a 令号', async () => {
    const d = (await diagnosticsFor({ ...order, number: undefined })).find((x) => x.code === 'order-missing')!;
    expect(d.args.example).toBe('国务院令第1号');
    expect(describeCode('order-missing', d.args, d.fix, 'zh').message).toContain('令号');
    expect(describeCode('order-missing', d.args, d.fix, 'zh').message).not.toContain('发文字号');
  });

  it('rejects a 令号 in a section of documents, naming where orders go', async () => {
    const d = (await diagnosticsFor({ ...document, number: '国务院令第770号' })).find((x) => x.code === 'number-order-misplaced')!;
    expect(d.args.sections).toBe('国务院令');
    expect(shown(await diagnosticsFor({ ...document, number: '国务院令第770号' })).map((x) => x.code)).toEqual(['number-order-misplaced']);
  });

  it('treats two documents with the same 令号 as duplicates, whichever name of the body they write', async () => {
    const twin = { 'documents/2024-1/twin.md': documentText({ ...order, title: '中华人民共和国国务院令（重复）' }) };
    expect(await codesFor(order, undefined, '', twin)).toContain('number-duplicate');
    const shortName = { 'documents/2024-1/twin.md': documentText({ ...order, number: '国务院令第770号' }) };
    expect(await codesFor(order, undefined, '', shortName)).toEqual(['number-duplicate', 'number-duplicate']);
  });

  it('takes two orders of one issue, which share their title, as two documents', async () => {
    const next = { 'documents/2024-1/o2.md': documentText({ ...order, number: '国务院令第771号' }) };
    expect(await codesFor(order, undefined, '', next)).toEqual([]);
    // The same title and the same number are still one document twice.
    const same = { 'documents/2024-1/o2.md': documentText(order) };
    expect(await codesFor(order, undefined, '', same)).toContain('document-duplicate');
  });
});

describe('issuers: joint documents and aliases', () => {
  const joint: DocFields = { title: '自然资源部、财政部关于示例资金管理的通知', number: '自然资发〔2024〕3号', date: '2024-01-08', category: '部门文件', signature: '[自然资源部, 财政部]' };

  it('takes the 代字 of the first issuer and accepts the joint title', async () => {
    expect(await codesFor({ ...joint, issuer: '[自然资源部, 财政部]' })).toEqual([]);
  });

  it.each([
    ['自然资源部、财政部', '自然资源部关于示例资金管理的通知'],
    ['自然资源部 财政部', '自然资源部、财政部关于示例资金管理的通知'],
    ['"自然资源部，财政部"', '自然资源部 财政部关于示例资金管理的通知'],
  ])('reads the joint issuers written as one name %s as the bodies it names, says so and fixes it', async (issuer, title) => {
    const diagnostics = shown(await diagnosticsFor({ ...joint, issuer, title }));
    // The title, the 代字 and the signature are checked against 自然资源部 and 财政部, not one unknown body.
    expect(diagnostics.map((d) => d.code)).toEqual(['issuer-joined']);
    const d = diagnostics[0]!;
    const text = documentText({ ...joint, issuer, title });
    const line = text.split('\n').findIndex((l) => l.startsWith('issuer:')) + 1;
    expect(d).toMatchObject({ severity: 'warning', fix: '[自然资源部, 财政部]', args: { count: 2 }, span: { start: { line, column: 9 } } });
    expect(describeCode('issuer-joined', d.args, d.fix, 'zh').hint).toBe('→ issuer: [自然资源部, 财政部]（主办机关在前；gazette check --fix 可自动改正）');
    const { start, end } = d.edit as { start: number; end: number; text: string };
    expect(text.slice(0, start) + (d.edit as { text: string }).text + text.slice(end)).toContain('issuer: [自然资源部, 财政部]\n');
  });

  it.each([
    ['[自然资源部, 财政部]', []],
    ['自然资源部', [['signature-count', '[自然资源部, 财政部]']]],
    ['[自然资源部, 财政部, 国务院]', [['signature-count', '[自然资源部, 财政部]']]],
    ['[财政部, 自然资源部]', [['signature-sequence', '[自然资源部, 财政部]']]],
    // Signatures of persons are counted, not ordered.
    ['[部长　甲某, 部长　乙某]', []],
    ['部长　甲某', [['signature-count', undefined]]],
  ])('signature %s of a joint document → %j', async (signature, expected) => {
    const found = shown(await diagnosticsFor({ ...joint, issuer: '[自然资源部, 财政部]', signature })).map((d) => [d.code, d.fix]);
    expect(found).toEqual(expected);
  });

  it('names the issuers in the count hint when the signatures are of persons', async () => {
    const d = (await diagnosticsFor({ ...joint, issuer: '[自然资源部, 财政部]', signature: '部长　甲某' })).find((x) => x.code === 'signature-count')!;
    expect(describeCode('signature-count', d.args, d.fix, 'zh')).toEqual({ message: '联合发文有 2 个发文机关，署名却有 1 项', hint: '各发文机关（自然资源部、财政部）按顺序署名，每个机关一项（GB/T 9704 7.3.5.1）' });
  });

  it('leaves a registered body whose name joins others, and names of bodies not all registered, as they are', async () => {
    // As 中共中央办公厅、国务院办公厅 with its own 代字: one body, though each part is registered too.
    const offices = '  - name: 自然资源部、财政部\n    codes: [自财联]\n';
    expect(await codesFor({ ...joint, issuer: '自然资源部、财政部', number: '自财联〔2024〕1号', signature: '自然资源部、财政部' }, undefined, offices)).toEqual([]);
    expect(await codesFor({ ...joint, issuer: '自然资源部、教育部', title: '自然资源部、教育部关于示例资金管理的通知' })).not.toContain('issuer-joined');
    expect(await codesFor({ ...joint, issuer: '[自然资源部, 财政部]' })).not.toContain('issuer-joined');
  });

  it('accepts a title naming only the 主办机关', async () => {
    expect(await codesFor({ ...joint, issuer: '[自然资源部, 财政部]', title: '自然资源部关于示例资金管理的通知' })).toEqual([]);
  });

  it('rejects a number of the second issuer', async () => {
    expect(await codesFor({ ...joint, issuer: '[财政部, 自然资源部]', title: '财政部、自然资源部关于示例资金管理的通知' })).toContain('number-issuer');
  });

  it('accepts a title that starts with an alias of the issuer, or with its name when the issuer is written as an alias', async () => {
    expect(await codesFor({ ...document, title: '中华人民共和国国务院关于推进示例工作的意见' })).toEqual([]);
    expect(await codesFor({ ...document, issuer: '中华人民共和国国务院' })).toEqual([]);
  });

  it('replaces the whole joint name of a title that lists the issuers in another order', async () => {
    const d = (await diagnosticsFor({ ...joint, issuer: '[自然资源部, 财政部]', title: '财政部、自然资源部关于示例资金管理的通知' })).find((x) => x.code === 'title-issuer')!;
    expect(d.fix).toBe('自然资源部、财政部关于示例资金管理的通知');
  });

  it('names the joint issuers in the title hint', async () => {
    const d = (await diagnosticsFor({ ...joint, issuer: '[自然资源部, 财政部]', title: '关于示例资金管理的通知' })).find((x) => x.code === 'title-issuer')!;
    expect(d.fix).toBe('自然资源部、财政部关于示例资金管理的通知');
  });
});

describe('文种, 代字 and dates of other gazettes', () => {
  it('accepts a 文种 the gazette adds (答复) and still rejects a title without one', async () => {
    expect(await codesFor({ ...document, issuer: '财政部', title: '财政部对第1234号建议的答复', number: '财预〔2023〕56号', date: '2023-08-10', category: '部门文件' })).toEqual([]);
    expect(await codesFor({ ...document, title: '国务院关于推进示例工作' })).toContain('title-doctype');
  });

  it('accepts a 代字 that ends in 字 and rejects 字 or 第 after the year', async () => {
    const shanghai = { ...document, issuer: '上海市人民政府', title: '上海市人民政府办公厅关于示例的通知', category: '国务院文件' };
    expect(await codesFor({ ...shanghai, number: '沪府办规字〔2024〕2号' })).not.toContain('number-di-zi');
    expect(await codesFor({ ...shanghai, number: '沪府〔2024〕字第2号' })).toContain('number-di-zi');
  });

  it.each([
    ['2024年1月3日', '2024-01-03'],
    ['二〇二四年一月三日', '2024-01-03'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['二〇〇一年一月九日', '2001-01-09'],
  ])('accepts the date %s silently and --fix rewrites it to %s', async (date, iso) => {
    const diagnostics = await diagnosticsFor({ ...document, date, number: `国发〔${iso.slice(0, 4)}〕1号` });
    expect(shown(diagnostics)).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'date-format')?.edit).toMatchObject({ kind: 'replace', text: iso });
  });

  it('warns about ○ typed for 〇', async () => {
    const d = shown(await diagnosticsFor({ ...document, date: '二○二四年一月三日' }));
    expect(d.map((x) => [x.code, x.fix])).toEqual([['date-lookalike', '2024-01-03']]);
  });

  it('rejects a Chinese-numeral date that does not exist', async () => {
    expect(await codesFor({ ...document, date: '二〇二三年二月三十日' })).toContain('date-invalid');
  });

  it('rejects a 印发日期 before the 成文日期 and an unreal one', async () => {
    expect(await codesFor({ ...document, printed: '{ by: 国务院办公厅, date: 2024-01-02 }' })).toContain('printed-before-date');
    expect(await codesFor({ ...document, printed: '{ by: 国务院办公厅, date: 2024-01-05 }' })).toEqual([]);
    expect(await codesFor({ ...document, printed: '{ by: 国务院办公厅, date: 2024-02-30 }' })).toContain('printed-date-invalid');
  });

  it('checks the kinds of the new fields', async () => {
    expect(await codesFor({ ...document, signature: '[国务院, 1]' })).toContain('field-type');
    expect(await codesFor({ ...document, attachments: '{ a: 1 }' })).toContain('field-type');
    expect(await codesFor({ ...document, printed: '国务院办公厅' })).toContain('field-type');
    expect(await codesFor({ ...document, signature: '国务院', note: '此件公开发布', cc: '[国务院办公厅]', attachments: '[甲]' }, '正文。\n\n附件\n\n## 甲\n\n内容。\n')).toEqual([]);
  });
});

describe('attachments', () => {
  const body = '正文。\n\n附件1\n\n## 任务清单\n\n内容。\n\n附件2\n\n## 联系人名单\n\n内容。\n';
  it('accepts a list that matches the attachments in the body', async () => {
    expect(await codesFor({ ...document, attachments: '[任务清单, 联系人名单]' }, body)).toEqual([]);
  });
  it('warns about a missing name and a different one', async () => {
    expect(await codesFor({ ...document, attachments: '[任务清单]' }, body)).toEqual(['attachments-mismatch']);
    const d = shown(await diagnosticsFor({ ...document, attachments: '[任务清单, 联络人名单]' }, body));
    expect(d.map((x) => [x.code, x.fix, x.span?.start.line])).toEqual([['attachment-name-mismatch', '联系人名单', 7]]);
  });
});

describe('gazette.yml rules and hints from the project', () => {
  it('turns a rule off, or up to an error', async () => {
    const mismatch = { ...document, number: '国发〔2023〕1号' };
    expect(await codesFor(mismatch)).toEqual(['number-year-mismatch']);
    expect(await codesFor(mismatch, undefined, 'rules:\n  number-year-mismatch: off\n')).toEqual([]);
    const raised = await diagnosticsFor(mismatch, undefined, 'rules:\n  number-year-mismatch: error\n');
    expect(raised.find((d) => d.code === 'number-year-mismatch')?.severity).toBe('error');
  });

  it('reports an unknown rule name with the closest one', async () => {
    const d = (await diagnosticsFor(document, undefined, 'rules:\n  title-isuer: off\n')).find((x) => x.code === 'rule-unknown')!;
    expect(d).toMatchObject({ severity: 'error', fix: 'title-issuer', span: { file: 'documents/gazette.yml' } });
  });

  it('reports a misspelt setting and an unknown label placeholder', async () => {
    const result = await check(createMemoryHost({ 'documents/gazette.yml': `${gazetteYml()}issuLabel: x\n`, 'documents/2024-1/issue.yml': issueYml, 'documents/2024-1/doc.md': documentText(document) }, bundledAssets), []);
    expect(result.diagnostics.map((d) => d.code)).toContain('publication-key-unknown');
    const bad = await check(createMemoryHost({ 'documents/gazette.yml': gazetteYml().replace('{year}年第{number}号', '{yaer}年第{number}号'), 'documents/2024-1/issue.yml': issueYml }, bundledAssets), []);
    expect(bad.setup?.code).toBe('publication-unusable');
    expect(bad.diagnostics[0]).toMatchObject({ code: 'publication-invalid', args: { placeholder: '{yaer}' } });
  });

  it('builds every example from this gazette’s own 代字 and year', async () => {
    const all = await diagnosticsFor({ ...document, number: '国发2024-1' });
    const texts = all.map((d) => describeCode(d.code, d.args, d.fix, 'zh')).map((t) => `${t.message} ${t.hint ?? ''}`).join('\n');
    expect(texts).toContain('国发〔2024〕1号');
    expect(texts).not.toMatch(/长府|长宁|2021/u);
  });
});
