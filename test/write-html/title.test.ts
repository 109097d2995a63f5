import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { nobrPieces } from '../../src/write/html/text.js';
import { titleContent } from '../../src/write/html/title.js';

const html = (title: string, breaks: number[]) => toHtml(titleContent(nobrPieces(title), breaks));

describe('titleContent', () => {
  it('breaks where the PDF broke and offers every other word boundary', () => {
    const out = html('国务院关于取消和下放一批行政许可事项的决定', [12]);
    expect(out.split('<br class="pdf-break">').map((part) => part.replace(/<[^>]*>/g, ''))).toEqual(['国务院关于取消和下放一批', '行政许可事项的决定']);
    expect(out).toContain('国务院<wbr>关于<wbr>');
    expect(out).not.toMatch(/行<wbr>政/);
  });

  it('breaks before an unbreakable run as well as inside text', () => {
    const out = html('关于做好2021年度考核工作的通知', [4]);
    expect(out).toMatch(/^关于<wbr>做好<br class="pdf-break"><wbr><span class="nobr">2021年<\/span>/);
  });

  it('ignores breaks that do not fit the title', () => {
    expect(html('国务院关于开展普查的通知', [0, 99])).not.toContain('pdf-break');
  });
});

describe('nobrPieces', () => {
  it.each([
    ['图1\u3000示例区域示意图', []],
    ['第186次会议', ['第186次']],
    ['5 G网络与46%', ['5 G', '46%']],
    ['面积1.3平方米', ['1.3平方米']],
    ['计划（2021—2025年）》的通知', ['（2021—2025年）》']],
  ])('%s keeps %j unbroken', (text, runs) => {
    const spans = nobrPieces(text).flatMap((piece) => (piece.type === 'element' ? [toHtml(piece).replace(/<[^>]*>/g, '')] : []));
    expect(spans).toEqual(runs);
  });
});
