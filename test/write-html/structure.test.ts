import { describe, expect, it } from 'vitest';
import { assignAnchors } from '../../src/write/html/anchors.js';
import { numberSlug, pinyinInitial } from '../../src/shared/slug.js';
import { defaultTemplate, makeDocument, makeGazette, numberedSpec, renderDefault, sampleGazette } from './fixture.js';
import { elementById, startTags, textOf } from './html-scan.js';

const pageOf = new Map([
  ['cf-46', 1],
  ['cf-51', 4],
  ['renmian', 30],
]);

function render(options: { draft?: boolean; pdfHref?: string; withPages?: boolean } = {}) {
  return renderDefault(sampleGazette(), {
    draft: options.draft ?? false,
    ...(options.pdfHref === undefined ? {} : { pdfHref: options.pdfHref }),
    ...(options.withPages === false ? {} : { pageOf }),
  });
}

describe('renderHtml structure', () => {
  const { html, css } = render({ pdfHref: 'gazette.pdf' });
  const tags = startTags(html);

  it('declares Chinese and links the stylesheet it returns', () => {
    expect(tags.find((t) => t.name === 'html')?.attributes.get('lang')).toBe('zh-CN');
    expect(tags.some((t) => t.name === 'link' && t.attributes.get('href') === 'style.css')).toBe(true);
    expect(css).toBe(defaultTemplate().css);
    expect(html).not.toMatch(/\{\{\s*\w+\s*\}\}/);
  });

  it('loads nothing from elsewhere', () => {
    for (const tag of tags) {
      if (tag.name === 'a') continue;
      for (const name of ['src', 'href', 'srcset', 'poster', 'data']) {
        const url = tag.attributes.get(name);
        if (url !== undefined) expect(url, `${tag.name} ${name}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
      }
    }
    expect(css).not.toMatch(/@import|url\(/i);
  });

  it('gives every element a unique id and resolves every in-page link', () => {
    const ids = tags.map((t) => t.attributes.get('id')).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    const fragments = tags
      .map((t) => t.attributes.get('href'))
      .filter((href): href is string => href?.startsWith('#') ?? false)
      .map((href) => href.slice(1));
    expect(fragments.length).toBeGreaterThan(5);
    for (const fragment of fragments) expect(ids).toContain(fragment);
    for (const t of tags) {
      for (const name of ['aria-labelledby', 'aria-describedby']) {
        const ref = t.attributes.get(name);
        if (ref !== undefined) expect(ids).toContain(ref);
      }
    }
  });

  it('derives anchors from the document number and falls back to the file name', () => {
    const articles = tags.filter((t) => t.name === 'article').map((t) => t.attributes.get('id'));
    expect(articles).toEqual(['cf-2021-46', 'cf-2021-51', 'renmian']);
  });

  it('lists the sections and documents in order with per-section markers and the given page numbers', () => {
    const toc = elementById(html, 'toc')!;
    const sectionTitles = [...toc.matchAll(/class="toc-section-title"><a href="#[^"]+">([^<]+)</g)].map((m) => m[1]);
    expect(sectionTitles).toEqual(['【区政府文件】', '【人事任免】']);
    const entries = [...toc.matchAll(/<li class="toc-entry">(.*?)<\/li>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(3);
    const markers = entries.map((entry) => /class="toc-marker">([^<]*)</.exec(entry)![1]);
    expect(markers).toEqual(['1.', '2.', '-']);
    const byAnchor = new Map([
      ['cf-2021-46', 'cf-46'],
      ['cf-2021-51', 'cf-51'],
      ['renmian', 'renmian'],
    ]);
    for (const entry of entries) {
      const anchor = /href="#([^"]+)"/.exec(entry)![1]!;
      const page = /class="toc-page">（(\d+)）</.exec(entry)![1];
      expect(Number(page)).toBe(pageOf.get(byAnchor.get(anchor)!));
    }
    // A wrapped title never leaves a lone character on its last line.
    expect(entries[1]).toContain('<span class="nobr">决定</span>');
    expect(textOf(entries[0]!)).toContain('上海市长宁区人民政府关于印发《长宁区全民健身实施计划（2021—2025年）》的通知');
  });

  it('omits page numbers when none are given', () => {
    const plain = render({ withPages: false }).html;
    expect(plain).not.toContain('toc-page');
    expect(plain).toContain('href="#cf-2021-46"');
  });

  it('prints the masthead', () => {
    const masthead = textOf(elementById(html, 'masthead')!);
    for (const part of ['上海市长宁区人民政府公报', '2021年第4期', '（总第62期）', '2022年1月4日出版', '主办：上海市长宁区人民政府办公室']) {
      expect(masthead).toContain(part);
    }
    expect(tags.filter((t) => t.name === 'h1')).toHaveLength(1);
  });

  it('prints each document head in gazette order inside a header', () => {
    const article = elementById(html, 'cf-2021-46')!;
    const header = /<header class="doc-header">(.*?)<\/header>/s.exec(article)![1]!;
    // Headings nest: the section is h2, a document's title h3.
    expect(header).toMatch(/^<h3 /);
    expect(header).toContain('<time datetime="2021-11-05">（<span class="nobr">2021年11月5日</span>）</time>');
    const text = textOf(header);
    const order = ['全民健身实施计划', '（2021年11月5日）', '长府〔2021〕46号', '新泾镇政府：'].map((s) => text.indexOf(s));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Undated, unnumbered sections print no date or number line.
    const renmian = elementById(html, 'renmian')!;
    expect(renmian).not.toContain('<time');
    expect(renmian).not.toContain('doc-number');
  });

  it('maps body headings to the 公文 levels and keeps table heads', () => {
    const body = elementById(html, 'cf-2021-46')!;
    expect(textOf(/<h4 class="embedded-title">(.*?)<\/h4>/s.exec(body)![1]!)).toMatch(/^长宁区全民健身实施计划/);
    expect(body).toContain('<h5 class="level-1">一、指导思想</h5>');
    expect(body).toContain('<h6 class="level-2">（一）完善设施</h6>');
    expect(body).toContain('<p class="level-3" role="heading" aria-level="7">1. 建设场地</p>');
    const renmian = elementById(html, 'renmian')!;
    expect(renmian).toMatch(/<table>\s*<thead>\s*<tr>\s*<th class="short first" scope="col">姓名<\/th>/);
    // Short cells stay on one line; long ones may wrap.
    // A two-character name is spread over three characters, as print aligns the 姓名 column.
    expect(renmian).toContain('<td class="short first">张\u3000三</td>');
    expect(renmian).toContain('<td>长宁区体育局局长（试用期一年）</td>');
  });

  it('keeps numbers, dates and document numbers on one line', () => {
    const body = elementById(html, 'cf-2021-46')!;
    for (const run of ['2021年10月26日', '2021—2025年', '46%', '1.3平方米', '长府〔2021〕46号']) {
      // A closing mark after the run stays with it (it never starts a line).
      expect(body).toMatch(new RegExp(`<span class="nobr">[（《「『【〔〈“‘]*${run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[）》」』】〕”’，。、；：？！]*</span>`));
    }
  });

  it('links the PDF and shows the draft banner only in drafts', () => {
    expect(tags.some((t) => t.name === 'a' && t.attributes.get('href') === 'gazette.pdf')).toBe(true);
    expect(html).not.toContain('draft-banner');
    const draft = render({ draft: true }).html;
    expect(draft).toContain('draft-banner');
    expect(textOf(draft)).toContain('草稿');
    expect(draft).not.toContain('pdf-link');
  });
});

describe('anchors', () => {
  it('maps 机关代字 to pinyin initials', () => {
    expect([...'长府办规财沪国发'].map((c) => pinyinInitial(c)).join('')).toBe('cfbgchgf');
    expect(numberSlug('长府〔2021〕46号')).toBe('cf-2021-46');
    expect(numberSlug('长府办〔2021〕20号')).toBe('cfb-2021-20');
    expect(numberSlug('长财规〔2021〕1号')).toBe('ccg-2021-1');
    expect(numberSlug('不是文号')).toBeUndefined();
  });

  it('keeps anchors unique and falls back to the file name', () => {
    const docs = [
      makeDocument('a', { title: '甲', number: '长府〔2021〕46号' }, 'x'),
      makeDocument('b', { title: '乙', number: '长府〔2021〕46号' }, 'x'),
      makeDocument('2021_Notice', { title: '丙' }, 'x'),
      makeDocument('解读', { title: '丁' }, 'x'),
      makeDocument('toc', { title: '戊' }, 'x'),
    ];
    const anchors = assignAnchors(docs, new Set(['toc']));
    expect(docs.map((d) => anchors.get(d))).toEqual(['cf-2021-46', 'cf-2021-46-2', 'doc-2021-notice', 'doc-4', 'toc-2']);
  });

  it('renders a gazette whose documents share a number without duplicate ids', () => {
    const gazette = makeGazette([
      {
        spec: numberedSpec('区政府文件'),
        documents: [
          makeDocument('a', { title: '甲', number: '长府〔2021〕46号' }, '正文[^1]。\n\n[^1]: 注。'),
          makeDocument('b', { title: '乙', number: '长府〔2021〕46号' }, '正文[^1]。\n\n[^1]: 注。'),
        ],
      },
    ]);
    const { html } = renderDefault(gazette);
    const ids = startTags(html).map((t) => t.attributes.get('id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
