/** Footnotes in the PDF: at the foot of the page that first cites them, or after the document's text (theme). */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { projectRoot } from '../support/project.js';
import { readPdf, stripSpaces } from '../support/pdf-text.js';

const FIXTURE = join(projectRoot, 'test/fixtures/constructs');

async function pdfOf(root: string, template?: string) {
  const result = await compile(createNodeHost(root, { cache: false }), { issue: '2024-2', draft: false, formats: ['pdf'], ...(template ? { template } : {}) });
  expect(shown(result.diagnostics)).toEqual([]);
  return readPdf(result.files![0]!.data as Uint8Array);
}

function copyWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-notes-'));
  cpSync(FIXTURE, root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('footnotes', () => {
  it('sets each note at the foot of the page that first cites it, below the text, smaller', async () => {
    const pdf = await pdfOf(FIXTURE);
    for (const note of ['①指本通知所称的示例工作。', '②含各区所辖街道、乡镇。']) {
      const page = pdf.pages.findIndex((p) => p.items.some((item) => stripSpaces(item.str) === note));
      expect(page, note).toBeGreaterThan(0);
      const item = pdf.pages[page]!.items.find((i) => stripSpaces(i.str) === note)!;
      const mark = note[0]!;
      const citing = pdf.pages[page]!.items.filter((i) => i.str.includes(mark) && i !== item);
      expect(citing.length, `${note} is cited on its page`).toBeGreaterThan(0);
      expect(Math.max(...citing.map((c) => c.y))).toBeLessThan(item.y);
      expect(item.size).toBeLessThan(11);
    }
  });

  it('sets notes after the document’s text under 注释 when the theme says footnotes: end', async () => {
    const root = copyWith({ 'templates/endnotes/theme.yml': 'extends: default\nfootnotes: end\n' });
    const pdf = await pdfOf(root, 'endnotes');
    const text = pdf.pages.map((p) => p.text).join('');
    const notes = text.indexOf('注释：①指本通知所称的示例工作。②含各区所辖街道、乡镇。');
    expect(notes).toBeGreaterThan(0);
    // After the document's attachments, before the next document.
    expect(notes).toBeGreaterThan(text.indexOf('示例工作联系人名单', text.indexOf('附件2')));
    expect(notes).toBeLessThan(text.indexOf('示例市人民政府办公厅、示例市财政局关于开展示例检查的通知', text.indexOf('目录') + 200));
  });

  it('sets a note cited in a table header once, though the header repeats on every page the table goes on', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| ${i + 1} | 第${i + 1}项 |`).join('\n');
    const root = copyWith({
      'documents/2024-2/sfb-2024-3.md': `---\ntitle: 示例市人民政府办公厅关于长表格的通知\nissuer: 示例市人民政府办公厅\ndate: 2024-06-10\nnumber: 示府办〔2024〕3号\ncategory: 市政府办公厅文件\n---\n\n| 序号 | 金额[^h] |\n| --- | --- |\n${rows}\n\n[^h]: 单位为万元。\n`,
    });
    const pdf = await pdfOf(root);
    const pages = pdf.pages.filter((p) => p.text.includes('第60项') || p.text.includes('续表'));
    expect(pages.length).toBeGreaterThan(1);
    expect(pdf.pages.filter((p) => p.text.includes('单位为万元')).length).toBe(1);
  });

  it('carries a note too long for its page over to the next page’s foot, losing nothing', async () => {
    const long = '这是一条很长的注释。'.repeat(120);
    const root = copyWith({
      'documents/2024-2/sfb-2024-3.md': `---\ntitle: 示例市人民政府办公厅关于长注释的通知\nissuer: 示例市人民政府办公厅\ndate: 2024-06-10\nnumber: 示府办〔2024〕3号\ncategory: 市政府办公厅文件\n---\n\n${'正文段落。'.repeat(60)}[^x]\n\n[^x]: ${long}\n`,
    });
    const pdf = await pdfOf(root);
    const notes = pdf.pages.flatMap((p) => p.items.filter((i) => Math.abs(i.size - 9) < 0.01)).map((i) => stripSpaces(i.str)).join('');
    expect(notes).toContain(`①${long}`);
  });
});
