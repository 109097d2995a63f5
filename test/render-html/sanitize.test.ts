import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html/index.js';
import { defaultTemplate, makeDocument, makeGazette, numberedSpec } from './fixture.js';
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
  '![外部图片](https://evil.example/track.png) ![脚本图片](javascript:alert(6)) ![协议相对](//evil.example/a.png)',
  '',
  '<svg onload="alert(7)"><circle/></svg>',
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
          {
            title: '关于<script>alert("title")</script>的通知',
            number: '长府〔2021〕9号',
            date: '2021-11-05',
            recipients: '<img src=x onerror=alert(9)>',
          },
          hostileBody,
        ),
      ],
    },
  ]);
  return renderHtml(gazette, { template: defaultTemplate(), draft: false }).html;
}

describe('renderHtml sanitization', () => {
  const html = renderHostile();
  const article = elementById(html, 'cf-2021-9')!;
  const tags = startTags(html);

  it('emits no script, iframe, svg, style or embedded content from documents', () => {
    for (const name of ['script', 'iframe', 'svg', 'style', 'object', 'embed']) {
      expect(tags.filter((t) => t.name === name)).toEqual([]);
    }
    expect(tags.filter((t) => t.name === 'img')).toEqual([]);
  });

  it('emits no inline event handlers or style attributes', () => {
    for (const tag of tags) {
      for (const name of tag.attributes.keys()) {
        expect(name).not.toMatch(/^on/);
        expect(name).not.toBe('style');
      }
    }
  });

  it('drops javascript: and data: URLs but keeps safe links', () => {
    const urls = tags.flatMap((t) => ['href', 'src'].map((a) => t.attributes.get(a))).filter((u): u is string => !!u);
    for (const url of urls) expect(url).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(urls).toContain('https://www.shcn.gov.cn/');
    expect(urls).toContain('mailto:a@b.cn');
    expect(textOf(article)).toContain('脚本链接');
  });

  it('shows raw HTML as the text the author typed', () => {
    const text = textOf(article);
    expect(text).toContain('开头<script>alert("inline")</script>结尾。');
    expect(text).toContain('<iframe src="https://evil.example/"></iframe>');
    expect(textOf(html)).toContain('关于<script>alert("title")</script>的通知');
    expect(text).toContain('<img src=x onerror=alert(9)>：');
  });

  it('replaces images that would be fetched from elsewhere by their alt text', () => {
    const text = textOf(article);
    expect(text).toContain('外部图片');
    expect(text).toContain('脚本图片');
    expect(text).toContain('协议相对');
  });

  it('keeps images with a local source', () => {
    const gazette = makeGazette([
      { spec: numberedSpec('区政府文件'), documents: [makeDocument('pic', { title: '图' }, '![示意图](images/map.png)')] },
    ]);
    const imgs = startTags(renderHtml(gazette, { template: defaultTemplate(), draft: false }).html).filter((t) => t.name === 'img');
    expect(imgs.map((t) => [t.attributes.get('src'), t.attributes.get('alt')])).toEqual([['images/map.png', '示意图']]);
  });
});
