/** Small in-memory gazettes for the HTML renderer, the preview server and the browser suite. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentMeta, GazetteDocument } from '../../src/model/document.js';
import type { Gazette, Publication, SectionSpec } from '../../src/model/gazette.js';
import { renderHtml, type HtmlInput, type HtmlTemplate } from '../../src/write/html/index.js';
import { parseTheme, type Theme } from '../../src/theme/index.js';
import { readMarkdown } from '../../src/read/markdown.js';
import { htmlTableParser, markdownProcessor, parseEmbeddedTables } from '../../src/parse/index.js';

/** The pipeline's own Markdown parser (remark, GFM, CJK-friendly emphasis) and HTML table parser. */
const processor = await markdownProcessor();
const parseTable = await htmlTableParser();

export function parseMarkdown(markdown: string) {
  const tree = processor.parse(markdown);
  parseEmbeddedTables(tree, markdown, parseTable);
  return tree;
}

/** The document model of a Markdown body, read by the real reader (images resolve against `files`). */
export function readBody(markdown: string, path = 'documents/2021-4/doc.md', files: Record<string, Uint8Array> = {}) {
  return readMarkdown(parseMarkdown(markdown), { path, source: markdown, readFile: (p) => files[p] ?? 'ENOENT' });
}

export function makeDocument(id: string, meta: Partial<DocumentMeta> & { title: string }, markdown: string): GazetteDocument {
  return {
    id,
    issueId: '2021-4',
    meta: { issuers: ['上海市长宁区人民政府'], category: '区政府文件', signature: [], attachments: [], cc: [], ...meta },
    file: { path: `documents/2021-4/${id}.md`, text: markdown },
    body: readBody(markdown, `documents/2021-4/${id}.md`).body,
    fieldSpans: new Map(),
  };
}

/** A publication with the defaults gazette.yml leaves implicit. */
export function makePublication(overrides: Partial<Publication> = {}): Publication {
  return {
    name: '上海市长宁区人民政府公报',
    publisher: '上海市长宁区人民政府办公室',
    website: 'www.shcn.gov.cn',
    sections: [],
    issuers: [{ name: '上海市长宁区人民政府', aliases: [], codes: ['长府', '长府规'] }],
    labels: { issue: '{year}年第{number}期', total: '总第{total}期', section: '【{name}】' },
    doctypes: [],
    colophon: [],
    rules: [],
    spans: new Map(),
    ...overrides,
  };
}

export const numberedSpec = (name: string): SectionSpec => ({ name, number: 'required', dated: true, official: true, signed: false, toc: 'numbered' });
export const bulletSpec = (name: string): SectionSpec => ({ name, number: 'forbidden', dated: false, official: false, signed: false, toc: 'bullet' });

export function makeGazette(sections: Gazette['sections']): Gazette {
  return {
    publication: makePublication({ sections: sections.map((s) => s.spec) }),
    issue: { id: '2021-4', year: 2021, number: 4, total: 62, published: '2022-01-04' },
    sections,
  };
}

/** A two-section issue shaped like the first entries of the real 2021-4 issue. */
export function sampleGazette(): Gazette {
  return makeGazette([
    {
      spec: numberedSpec('区政府文件'),
      documents: [
        makeDocument(
          'cf-46',
          {
            title: '上海市长宁区人民政府关于印发《长宁区全民健身实施计划（2021—2025年）》的通知',
            date: '2021-11-05',
            number: '长府〔2021〕46号',
            recipients: '区政府各委、办、局，各街道办事处，新泾镇政府',
          },
          [
            '《长宁区全民健身实施计划（2021—2025年）》已经2021年10月26日区政府第186次常务会议讨论通过，现印发给你们，请认真按照执行。',
            '',
            '## 长宁区全民健身实施计划（2021—2025年）',
            '',
            '### 一、指导思想',
            '',
            '到2025年，经常参加体育锻炼的人数占比超过46%，人均体育场地面积达到1.3平方米。',
            '',
            '#### （一）完善设施',
            '',
            '##### 1. 建设场地',
            '',
            '推进“15分钟体育生活圈”建设[^1]。',
            '',
            '[^1]: 见沪府发〔2021〕21号。',
          ].join('\n'),
        ),
        makeDocument(
          'cf-51',
          {
            title: '上海市长宁区人民政府关于表彰上海市长宁区区长质量奖获奖组织和个人的决定',
            date: '2021-12-14',
            number: '长府〔2021〕51号',
            recipients: '区政府各委、办、局',
          },
          '区政府决定，对获奖组织和个人予以表彰[^1]。\n\n[^1]: 名单另发。\n',
        ),
      ],
    },
    {
      spec: bulletSpec('人事任免'),
      documents: [
        makeDocument(
          'renmian',
          { title: '二〇二一年十月~十二月份区政府人事任免事项', category: '人事任免' },
          '| 姓名 | 任命职务 |\n| --- | --- |\n| 张三 | 长宁区体育局局长（试用期一年） |\n',
        ),
      ],
    },
  ]);
}

const templateDir = fileURLToPath(new URL('../../templates/default/html/', import.meta.url));

export function defaultTemplate(): HtmlTemplate {
  return {
    page: readFileSync(`${templateDir}page.html`, 'utf8'),
    css: readFileSync(`${templateDir}style.css`, 'utf8'),
  };
}

/** The default template's theme, as the HTML writer needs it. */
export function defaultTheme(): Theme {
  const text = readFileSync(fileURLToPath(new URL('../../templates/default/theme.yml', import.meta.url)), 'utf8');
  return parseTheme([{ text: text, path: 'templates/default/theme.yml' }]).value!;
}

/** renderHtml with the default template and theme. */
export function renderDefault(gazette: Gazette, options: Partial<Omit<HtmlInput, 'template' | 'theme'>> = {}) {
  return renderHtml(gazette, { template: defaultTemplate(), theme: defaultTheme(), draft: false, ...options });
}

/** A 1×1 PNG (red), for image tests. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
