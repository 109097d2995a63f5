/**
 * Hostile documents: the reader drops raw HTML (with a warning naming file and line) instead of publishing it as
 * text, keeps only safe links, and the HTML edition carries no script, handler, style or remote resource.
 */
import { describe, expect, it } from 'vitest';
import { makeDocument, makeGazette, numberedSpec, PNG_1X1, readBody, renderDefault } from './fixture.js';
import { elementById, startTags, textOf } from './html-scan.js';

const hostileBody = [
  '开头<script>alert("inline")</script>结尾。',
  '',
  '<script>document.cookie</script>',
  '',
  '<img src="x" onerror="alert(1)">',
  '',
  '<div onclick="alert(2)" style="position:fixed">遮罩</div>',
  '',
  '<iframe src="https://evil.example/"></iframe>',
  '',
  '<a href="javascript:alert(3)">原始链接</a>',
  '',
  '[脚本链接](javascript:alert(4)) [大写](JaVaScRiPt:alert(5)) [数据](data:text/html;base64,PHNjcmlwdD4=) [正常](https://www.shcn.gov.cn/) [邮件](mailto:a@b.cn)',
  '',
  '![外部图片](https://evil.example/track.png) ![协议相对](//evil.example/a.png) ![越界](../../secret.png)',
  '',
  '<svg onload="alert(7)"><circle/></svg>',
  '',
  '<!-- 内部批注：勿公开 -->',
  '',
  '| 列 |',
  '| --- |',
  '| <b onmouseover="alert(8)">粗</b> |',
].join('\n');

function renderHostile() {
  const gazette = makeGazette([
    {
      spec: numberedSpec('区政府文件'),
      documents: [
        makeDocument(
          'evil',
          { title: '关于<script>alert("title")</script>的通知', number: '长府〔2021〕9号', date: '2021-11-05', recipients: '<img src=x onerror=alert(9)>' },
          hostileBody,
        ),
      ],
    },
  ]);
  return renderDefault(gazette).html;
}

describe('hostile documents', () => {
  const html = renderHostile();
  const article = elementById(html, 'cf-2021-9')!;
  const tags = startTags(html);
  const { diagnostics } = readBody(hostileBody);

  it('emits no script, iframe, svg, style, embedded content or images from documents', () => {
    for (const name of ['script', 'iframe', 'svg', 'style', 'object', 'embed', 'img']) expect(tags.filter((t) => t.name === name)).toEqual([]);
  });

  it('emits no inline event handlers or style attributes', () => {
    for (const tag of tags) {
      for (const name of tag.attributes.keys()) {
        expect(name).not.toMatch(/^on/);
        expect(name).not.toBe('style');
      }
    }
  });

  it('drops javascript: and data: links but keeps safe ones, and the text of all', () => {
    const urls = tags.flatMap((t) => ['href', 'src'].map((a) => t.attributes.get(a))).filter((u): u is string => !!u);
    for (const url of urls) expect(url).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(urls).toContain('https://www.shcn.gov.cn/');
    expect(urls).toContain('mailto:a@b.cn');
    expect(textOf(article)).toContain('脚本链接');
    expect(diagnostics.filter((d) => d.code === 'link-unsafe').map((d) => d.args.href)).toEqual(['javascript:alert(4)', 'JaVaScRiPt:alert(5)', 'data:text/html;base64,PHNjcmlwdD4=']);
  });

  it('never publishes raw HTML or comments as text, and says so at each place', () => {
    // Front-matter values are text, shown as typed (and escaped); the body is Markdown.
    const text = textOf(article).replace('关于<script>alert("title")</script>的通知', '').replace('<img src=x onerror=alert(9)>：', '');
    expect(text).toContain('开头结尾。');
    for (const leaked of ['<script', 'alert(', 'document.cookie', '<iframe', 'onerror', '内部批注', '<!--']) expect(text).not.toContain(leaked);
    // A block of HTML is left out as a whole (the warning names it); tags inside a paragraph go, their text stays.
    expect(text).not.toContain('遮罩');
    expect(text).toContain('粗');
    const unsupported = diagnostics.filter((d) => d.code === 'html-unsupported');
    expect([...new Set(unsupported.map((d) => d.args.tag))].sort()).toEqual(['div', 'iframe', 'img', 'script', 'svg']);
    // A tag whose text prints is said to print plainly, not to be left out.
    expect(text).toContain('原始链接');
    expect(diagnostics.filter((d) => d.code === 'html-inline-plain').map((d) => d.args.tag).sort()).toEqual(['a', 'b']);
    expect(unsupported.every((d) => d.span?.file === 'documents/2021-4/doc.md' && d.span.start.line > 0)).toBe(true);
    // Front-matter values are text, shown as typed and escaped.
    expect(textOf(html)).toContain('关于<script>alert("title")</script>的通知');
  });

  it('refuses images from the network or outside documents/, by name', () => {
    expect(diagnostics.filter((d) => d.code.startsWith('image-')).map((d) => [d.code, d.args.src])).toEqual([
      ['image-remote', 'https://evil.example/track.png'],
      ['image-remote', '//evil.example/a.png'],
      ['image-outside', '../../secret.png'],
    ]);
  });

  it('copies a local image into assets/ under a content-hashed name and shows it', () => {
    const read = readBody('![区位图](images/map.png "图1　长宁区区位图")', 'documents/2021-4/pic.md', { 'documents/2021-4/images/map.png': PNG_1X1 });
    expect(read.diagnostics).toEqual([]);
    const figure = read.body.blocks[0];
    expect(figure).toMatchObject({ kind: 'figure', alt: '区位图', image: { path: 'documents/2021-4/images/map.png', type: 'png', width: 1, height: 1 } });
    const doc = { ...makeDocument('pic', { title: '图', number: '长府〔2021〕8号' }, ''), body: read.body };
    const out = renderDefault(makeGazette([{ spec: numberedSpec('区政府文件'), documents: [doc] }]));
    const img = startTags(out.html).filter((t) => t.name === 'img');
    expect(img.map((t) => [t.attributes.get('src'), t.attributes.get('alt')])).toEqual([[`assets/${out.assets[0]!.path.slice(7)}`, '区位图']]);
    expect(out.assets.map((a) => a.path)).toEqual([expect.stringMatching(/^assets\/map-[0-9a-f]{8}\.png$/)]);
    expect(textOf(out.html)).toContain('图1　长宁区区位图');
  });
});
