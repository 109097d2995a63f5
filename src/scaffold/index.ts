/**
 * The files `gazette init` and `gazette new` write: a publication with a first issue, the next issue, a document
 * skeleton. Built from the project's own data and the date the CLI passes in; writing them is the CLI's job.
 */
import type { IssueMeta, IssuerSpec, SectionSpec } from '../model/gazette.js';
import { numberKey, orderKey } from '../shared/number.js';
import { numberSlug } from '../shared/slug.js';
import { PLACEHOLDERS } from '../shared/placeholders.js';

export interface ScaffoldFile {
  /** Relative to the project root, with `/`. */
  path: string;
  content: string;
}

export interface PublicationSeed {
  name?: string;
  publisher?: string;
  /** YYYY-MM-DD: the first issue's publication date and the samples' 成文日期. */
  today: string;
  /** gazette's version, pinned in the CI workflow. */
  version: string;
}

/** The names a new publication starts from: 刊名, 主办单位 and the government the gazette belongs to. */
export interface PublicationNames {
  name: string;
  publisher: string;
  government: string;
}

const DEFAULT_GOVERNMENT = '示例市人民政府';
const OFFICE = /办公[室厅]$/u;
/** Governments whose general office is a 办公厅: the State Council, provinces, autonomous regions, 直辖市. */
const HALL = /^(?:中华人民共和国)?国务院$|(?:省|自治区)人民政府$|^(?:北京|天津|上海|重庆)市人民政府$/u;

/**
 * Fills in what was not given: 某某人民政府公报 is published by 某某人民政府办公室 (办公厅 at the level of a province
 * and above), and the other way round. The publisher names the government more surely than the gazette's name does
 * (测试公报 by 测试市人民政府办公室).
 */
export function publicationNames(seed: Pick<PublicationSeed, 'name' | 'publisher'>): PublicationNames {
  const fromName = seed.name?.replace(/公报$/u, '');
  const fromPublisher = seed.publisher?.replace(OFFICE, '');
  const government = fromPublisher || fromName || DEFAULT_GOVERNMENT;
  return { name: seed.name ?? `${government}公报`, publisher: seed.publisher ?? `${government}${HALL.test(government) ? '办公厅' : '办公室'}`, government };
}

/** Administrative levels, longest first so 自治区 is not read as 区. */
const PLACE = /(\p{Script=Han}+?)(自治区|自治州|自治县|特别行政区|省|市|区|县|州|盟|旗|乡|镇)/gu;

/**
 * A plausible 机关代字 in the usual pattern: the first character of the most local place and 府 for its
 * government (上海市长宁区人民政府 → 长府), the body's first character and 发 otherwise (国务院 → 国发).
 */
function governmentCode(government: string): { code: string; level: string | undefined } {
  const places = [...government.replace(/人民政府$/u, '').matchAll(PLACE)];
  const place = places.at(-1);
  const first = (place?.[1] ?? government).match(/\p{Script=Han}/u)?.[0] ?? '示';
  return { code: place ? `${first}府` : `${first}发`, level: place?.[2] };
}

/** The issue folder name the issue-folder-name rule expects. */
export const issueId = (meta: Pick<IssueMeta, 'year' | 'number'>): string => `${meta.year}-${meta.number}`;

/** issue.yml, commented like the bundled issue's. */
export function issueFile(meta: Omit<IssueMeta, 'id'>): ScaffoldFile {
  return {
    path: `documents/${issueId(meta)}/issue.yml`,
    content: `# 年份（期号所属年度）\nyear: ${meta.year}\n# 当年第几期\nnumber: ${meta.number}\n# 总期号（自创刊起累计）\ntotal: ${meta.total}\n# 出版日期\npublished: ${meta.published}\n`,
  };
}

/**
 * The issue after the last one: the same year continues its numbering, a new year starts again at 1; the total
 * always continues. `year` defaults to the publication date's, `number` to the year's next.
 */
export function nextIssue(issues: readonly IssueMeta[], request: { published: string; year?: number; number?: number }): Omit<IssueMeta, 'id'> {
  const year = request.year ?? Number(request.published.slice(0, 4));
  const sameYear = issues.filter((issue) => issue.year === year).map((issue) => issue.number);
  const number = request.number ?? (sameYear.length > 0 ? Math.max(...sameYear) + 1 : 1);
  // An issue filled in before later ones (a back issue) takes the running total of its place in the sequence.
  const { before, after } = neighbours(issues, { year, number });
  const total = after ? (before ? before.total + 1 : Math.max(1, after.total - 1)) : Math.max(0, ...issues.map((issue) => issue.total)) + 1;
  return { year, number, total, published: request.published };
}

/** The issues just before and just after a place in the sequence (year, then number). */
function neighbours(issues: readonly IssueMeta[], at: Pick<IssueMeta, 'year' | 'number'>): { before?: IssueMeta; after?: IssueMeta } {
  const order = (a: Pick<IssueMeta, 'year' | 'number'>, b: Pick<IssueMeta, 'year' | 'number'>): number => a.year - b.year || a.number - b.number;
  const sorted = [...issues].sort(order);
  const before = sorted.filter((issue) => order(issue, at) < 0).at(-1);
  const after = sorted.find((issue) => order(issue, at) > 0);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

export interface DocumentRequest {
  issue: Pick<IssueMeta, 'id' | 'year'>;
  section: SectionSpec;
  issuer: IssuerSpec;
  /** YYYY-MM-DD, for sections that print a date. */
  date: string;
  /** From `suggestedNumber`; none for sections without numbers. */
  number?: string;
  /** File names already in the issue folder. */
  taken: ReadonlySet<string>;
  /** Sample text instead of placeholders (`gazette init`). */
  sample?: { title: string; recipients?: string; body: string };
}

/** Why no skeleton can be written for a section. */
export type DocumentProblem = { kind: 'issuer-without-code'; issuer: string };

/** The number a new document of the section gets: the next 发文字号 of the issuer's first 代字, or the next 令号. */
export function suggestedNumber(
  request: Pick<DocumentRequest, 'issue' | 'section' | 'issuer'> & {
    /** Every `number` written in any issue: the suggestion takes the next free sequence. */
    numbers: readonly string[];
  },
): string | DocumentProblem | undefined {
  const { section, issuer, issue, numbers } = request;
  if (section.number === 'forbidden') return undefined;
  if (section.number === 'order') {
    // 机关令第N号 runs on across years; the body may be named by an alias in older 令号.
    const organs = new Set([issuer.name, ...issuer.aliases]);
    const used = numbers.map(orderKey).filter((key) => key && organs.has(key.organ) && key.year === 0).map((key) => key!.sequence);
    return `${issuer.name}令第${Math.max(0, ...used) + 1}号`;
  }
  const code = issuer.codes[0];
  if (!code) return section.number === 'required' ? { kind: 'issuer-without-code', issuer: issuer.name } : undefined;
  const used = numbers.map(numberKey).filter((key) => key && key.code === code && key.year === issue.year).map((key) => key!.sequence);
  return `${code}〔${issue.year}〕${Math.max(0, ...used) + 1}号`;
}

/** A document file with the front matter its section asks for, named like the bundled issue's files. */
export function documentFile(request: DocumentRequest): ScaffoldFile {
  const { section, issuer, issue, sample, number } = request;
  const official = section.official;
  const title = sample?.title ?? (section.number === 'order' ? `${issuer.name}令` : official ? `${issuer.name}关于${PLACEHOLDERS.subject}的通知` : PLACEHOLDERS.title);
  const fields: [string, string | undefined][] = [
    ['title', title],
    ['issuer', issuer.name],
    ['date', section.dated ? request.date : undefined],
    ['number', number],
    ['category', section.name],
    ['recipients', sample ? sample.recipients : official && section.number !== 'order' ? PLACEHOLDERS.recipients : undefined],
    ['signature', section.signed ? PLACEHOLDERS.signatory : undefined],
  ];
  const frontMatter = fields.flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${value}`])).join('\n');
  const body = sample?.body ?? `${PLACEHOLDERS.body}\n`;
  return { path: `documents/${issue.id}/${fileName(number, request.taken)}`, content: `---\n${frontMatter}\n---\n\n${body}` };
}

/** 长府〔2021〕46号 → cf-2021-46.md, 某市人民政府令第3号 → order-3.md, else the first free doc-N.md. */
function fileName(number: string | undefined, taken: ReadonlySet<string>): string {
  const order = number && orderKey(number);
  const named = number && (numberSlug(number) ?? (order ? `order-${order.sequence}` : undefined));
  if (named) return `${named}.md`;
  let n = 1;
  while (taken.has(`doc-${n}.md`)) n++;
  return `doc-${n}.md`;
}

/** documents/gazette.yml of a new publication, every key explained in Chinese. */
function publicationFile(names: PublicationNames, sections: readonly SectionSpec[], issuers: readonly IssuerSpec[]): ScaffoldFile {
  const section = (s: SectionSpec): string =>
    `  - name: ${s.name}\n    number: ${s.number}\n    dated: ${s.dated}\n    official: ${s.official}\n    signed: ${s.signed}\n    toc: ${s.toc}\n`;
  const issuer = (i: IssuerSpec): string => `  - name: ${i.name}\n    codes: [${i.codes.join(', ')}]\n${i.aliases.length > 0 ? `    aliases: [${i.aliases.join(', ')}]\n` : ''}`;
  return {
    path: 'documents/gazette.yml',
    content: `# 公报设置。修改后运行 gazette check 检查；各项说明见 gazette 的 README。

# 刊名（封面、目录、页眉和 HTML 版标题）
name: ${names.name}
# 主办单位（封面和版权页）
publisher: ${names.publisher}
# 网址（版权页；可删去）
# website: www.example.gov.cn
# 排版模板：templates/ 下的文件夹名，先找本项目的，再找 gazette 自带的（default、state-council）
template: default

# 期次、总期号和栏目名的写法。占位符：{year} 年份、{number} 期号、{yearCn} 二〇二一、{numberCn} 四、
# {total} 总期号、{totalCn} 总期号的汉字、{name} 栏目名
issueLabel: "{year}年第{number}期"
totalLabel: "总第{total}期"
sectionLabel: "【{name}】"

# 标题规则认可的其他文种（法定的 15 种之外），如 [答复, 复函]
doctypes: []

# 栏目，按目录顺序排列。
#   number:   required 必须有发文字号 / optional 可有可无 / forbidden 不得有 /
#             order 收录令，须有令号（机关令第N号）
#   dated:    是否印成文日期（标题下的“（2021年11月5日）”），并要求填写 date
#   official: 是否为公文（标题须以文种结尾、以发文机关开头）
#   signed:   是否须有署名（signature）；order 栏目默认 true（令须署签发人职务和姓名），其余默认 false
#   toc:      numbered 目录按“1.”编号 / bullet 目录用“-”标记
# 收录政府令时可加一个栏目，如：
#   - name: 政府令
#     number: order
sections:
${sections.map(section).join('')}
# 发文机关：name 机关名称；codes 机关代字（按发文字号系列顺序，第一个为默认）；
# aliases 机关的其他名称（标题和令号中可用）
issuers:
${issuers.map(issuer).join('')}
# 规则的严重程度：off 关闭 / warning 警告 / error 错误，规则名见 README 的规则表，如：
#   number-year-mismatch: off
rules: {}

# 版权页（PDF 末页和 HTML 版末尾）在刊名、期次、出版日期、主办单位之后印的各项，按此顺序；可删去不印的项。
# colophon:
#   编辑出版: ${names.publisher}
#   地址: 某某市某某路1号
#   邮政编码: "100000"
#   电话: 010-12345678
#   印刷: 某某印刷厂
`,
  };
}

/** The CI workflow: every push and pull request is checked, problems annotated on the lines they concern. */
function workflowFile(version: string): ScaffoldFile {
  return {
    path: '.github/workflows/gazette.yml',
    content: `# 每次推送或提交合并请求时校验 documents/ 中的全部文件，问题标注在对应文件的行上。
name: gazette
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      # 创建本项目的 gazette 版本；升级时改这里。使用 npm pack 生成的安装包时，把它放进仓库，
      # 改为 npm install --global ./gazette-${version}.tgz
      - run: npm install --global gazette@${version}
      - run: gazette check --format github
`,
  };
}

const GITIGNORE: ScaffoldFile = {
  path: '.gitignore',
  content: '# gazette build 生成的公报\ndist/\n# 解析缓存（gazette 的安装目录和用户缓存文件夹都不可写时才用）\n.gazette-cache/\n',
};

/**
 * Every file of a new publication: gazette.yml, a first issue with one sample per kind of section (a numbered
 * 公文 section and an unnumbered 人事任免), the CI workflow and .gitignore. The samples pass `gazette check`.
 */
export function publicationFiles(seed: PublicationSeed): ScaffoldFile[] {
  const names = publicationNames(seed);
  const { government } = names;
  const { code, level } = governmentCode(government);
  const issuers: IssuerSpec[] = [{ name: government, codes: [code], aliases: [] }];
  if (names.publisher !== government && OFFICE.test(names.publisher)) issuers.push({ name: names.publisher, codes: [`${code}办`], aliases: [] });
  const documents: SectionSpec = { name: level ? `${level}政府文件` : `${government}文件`, number: 'required', dated: true, official: true, signed: false, toc: 'numbered' };
  const personnel: SectionSpec = { name: '人事任免', number: 'forbidden', dated: false, official: false, signed: false, toc: 'bullet' };
  const meta = { year: Number(seed.today.slice(0, 4)), number: 1, total: 1, published: seed.today };
  const issue = { id: issueId(meta), year: meta.year };
  const samples = [
    documentFile({
      issue,
      section: documents,
      issuer: issuers[0]!,
      date: seed.today,
      number: `${code}〔${meta.year}〕1号`,
      taken: new Set(),
      sample: {
        title: `${government}关于印发《政务公开工作要点》的通知`,
        recipients: '各有关单位',
        body: `《政务公开工作要点》已经${level ?? ''}政府同意，现印发给你们，请认真贯彻执行。\n\n<!-- gazette init 生成的示例文件：照此格式编写，或删除本文件。 -->\n\n## 政务公开工作要点\n\n### 一、总体要求\n\n坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。\n\n### 二、重点任务\n\n#### （一）做好政府公报编辑工作\n\n政府公报按期出版，刊登的文件与正式文件一致。\n`,
      },
    }),
    documentFile({
      issue,
      section: personnel,
      issuer: issuers[0]!,
      date: seed.today,
      taken: new Set(),
      sample: { title: `${government}任免工作人员`, body: `<!-- 人事任免不带发文字号和成文日期。 -->\n\n任命张三为${names.publisher}副主任。\n\n免去李四的${names.publisher}副主任职务。\n` },
    }),
  ];
  return [publicationFile(names, [documents, personnel], issuers), issueFile(meta), ...samples, workflowFile(seed.version), GITIGNORE];
}
