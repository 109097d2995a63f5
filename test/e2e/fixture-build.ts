/**
 * A stand-in for the CLI's preview build: reads Markdown documents from a folder, renders them
 * with renderHtml in draft mode and reports front-matter problems the way the CLI would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { GazetteDocument } from '../../src/model/document.js';
import type { PreviewBuild, PreviewProblem } from '../../src/preview/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { bulletSpec, defaultTemplate, makeDocument, makeGazette, numberedSpec } from '../render-html/fixture.js';

const SECTIONS = [numberedSpec('区政府文件'), numberedSpec('区政府办公室文件'), bulletSpec('人事任免')];

export function fixtureBuild(folder: string, relativeFolder: string): () => Promise<PreviewBuild> {
  return async () => {
    const problems: PreviewProblem[] = [];
    const documents: GazetteDocument[] = [];
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
      const file = `${relativeFolder}/${name}`;
      const text = readFileSync(join(folder, name), 'utf8');
      let parsed: matter.GrayMatterFile<string>;
      try {
        // gray-matter caches by content; a fresh options object disables the cache.
        parsed = matter(text, {});
      } catch (error) {
        const mark = (error as { mark?: { line: number; column: number } }).mark;
        problems.push({
          file,
          ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
          code: 'front-matter-yaml',
          severity: 'error',
          message: '前置元数据不是有效的 YAML。',
          hint: '检查冒号、引号和缩进。',
        });
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      if (typeof data.title !== 'string') {
        problems.push({ file, line: 1, column: 1, code: 'title-missing', severity: 'error', message: '缺少标题（title）。', hint: '在前置元数据中加入 title 字段。' });
        continue;
      }
      const asString = (key: string) => (data[key] instanceof Date ? (data[key] as Date).toISOString().slice(0, 10) : typeof data[key] === 'string' ? (data[key] as string) : undefined);
      const meta = Object.fromEntries(
        ['date', 'number', 'recipients', 'category'].flatMap((key) => (asString(key) ? [[key, asString(key)]] : [])),
      );
      documents.push(makeDocument(name.replace(/\.md$/, ''), { title: data.title, ...meta }, parsed.content));
    }
    if (problems.some((p) => p.severity === 'error')) return { problems };
    const gazette = makeGazette(
      SECTIONS.map((spec) => ({ spec, documents: documents.filter((d) => d.meta.category === spec.name) })).filter(
        (s) => s.documents.length > 0,
      ),
    );
    const pageOf = new Map(documents.map((d, i) => [d.id, 1 + i * 3]));
    const { html, css } = renderHtml(gazette, { template: defaultTemplate(), draft: true, pdfHref: 'gazette.pdf', pageOf });
    return { html, css, pdf: new TextEncoder().encode('%PDF-1.7\n'), problems };
  };
}
