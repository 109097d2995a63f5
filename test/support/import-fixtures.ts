/**
 * Inputs for `gazette import`, made here rather than kept as binary files: a Word document generated with the docx
 * package, a saved government web page with its furniture, and plain text of a State Council style document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { projectRoot } from './project.js';

/** A real PNG (160 × 90). */
export const areaPng = new Uint8Array(readFileSync(join(projectRoot, 'test/fixtures/constructs/documents/2024-2/area.png')));

/** What the Word document says, field by field. */
export const word = {
  title: '上海市长宁区人民政府关于印发《长宁区示范街区建设方案》的通知',
  number: '长府〔2021〕60号',
  recipients: '区政府各委、办、局，各街道办事处',
  issuer: '上海市长宁区人民政府',
  date: '2021-12-01',
  note: '此件公开发布',
  attachment: '长宁区示范街区任务表',
  plan: '长宁区示范街区建设方案',
  cc: ['区委各部门', '区人大常委会办公室'],
  printed: { by: '上海市长宁区人民政府办公室', date: '2021-12-02' },
  footnote: '示范街区由区建设管理委认定。',
};

const cell = (text: string, options: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}): TableCell =>
  new TableCell({ children: [new Paragraph(text)], ...options });

/** A notice issuing a plan, as an office writes it in Word: styles for title and headings, centred and right-aligned lines. */
export async function wordDocument(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph(word.footnote)] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(word.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(word.number)] }),
          new Paragraph(`${word.recipients}：`),
          new Paragraph({ children: [new TextRun(`现将《${word.plan}》印发给你们，请认真贯彻执行`), new FootnoteReferenceRun(1), new TextRun('。')] }),
          new Paragraph(`附件：${word.attachment}`),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(word.issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2021年12月1日')] }),
          new Paragraph(`（${word.note}）`),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(word.plan)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体要求')] }),
          new Paragraph({ children: [new TextRun({ text: '（一）工作目标。', bold: true }), new TextRun('到2023年,建成示范街区3~5个。')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('（一）基本原则')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('1. 坚持规划引领')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: areaPng, transformation: { width: 160, height: 90 }, altText: { name: 'area', description: '示范街区位置图', title: '位置图' } })] }),
          new Paragraph('附件'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(word.attachment)] }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('序号'), cell('任务'), cell('进度', { columnSpan: 2 })] }),
              new TableRow({ children: [cell('1', { verticalMerge: VerticalMergeType.RESTART }), cell('规划'), cell('2022年'), cell('2023年')] }),
              new TableRow({ children: [new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }), cell('建设'), cell('完成'), cell('验收')] }),
            ],
          }),
          new Paragraph(`抄送：${word.cc.join('，')}。`),
          new Paragraph(`${word.printed.by}　　2021年12月2日印发`),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** What the web page says. */
export const page = {
  title: '上海市长宁区人民政府办公室关于调整长宁区公平竞争审查联席会议的通知',
  number: '长府办〔2021〕24号',
  issuer: '上海市长宁区人民政府办公室',
  date: '2021-11-26',
  recipients: '区政府各委、办、局，各街道办事处，新泾镇政府',
};

/** A saved page of a district government site: navigation, metadata table, article, share and print buttons, footer. */
export function savedPage(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${page.title}_区政府办公室文件_上海市长宁区人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav { color: red }</style></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 区政府办公室文件</div>
<table class="xxgk-info">
  <tr><td>索引号：</td><td>SHCN-2021-00123</td><td>主题分类：</td><td>综合政务</td></tr>
  <tr><td>发文机关：</td><td>${page.issuer}</td><td>成文日期：</td><td>2021年11月26日</td></tr>
  <tr><td>发文字号：</td><td>长府办〔2021〕24 号</td><td>发布日期：</td><td>2021-11-30</td></tr>
</table>
<div class="article">
  <h1 class="article-title">${page.title}</h1>
  <div id="zoom" class="TRS_Editor">
    <div>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
    <p>${page.recipients}：</p>
    <p style="text-indent:2em">&nbsp;&nbsp;经研究，区政府同意调整长宁区公平竞争审查联席会议，其组成人员如下:</p>
    <p>召集人：杨元飞 区委常委、副区长</p>
    <p>成员（按姓氏笔画为序）：</p>
    <table border="1">
      <tr><th>姓名</th><th>职务</th></tr>
      <tr><td>马金涛</td><td>区投促办副主任</td></tr>
      <tr><td>施 彧</td><td>区市场监管局副局长</td></tr>
    </table>
    <p>长宁区公平竞争审查联席会议下设办公室，办公室设在区市场监督管理局&amp;nbsp;。</p>
    <p>特此通知。</p>
    <p style="text-align:right">上海市长宁区人民政府办公室</p>
    <p style="text-align:right">2021年11月26日</p>
    <p>【打印本页】【关闭窗口】</p>
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="footer">主办：上海市长宁区人民政府办公室　网站标识码：3101050001</div>
</body></html>`;
}

/** What the plain text says. */
export const text = {
  title: '国务院关于推进示范区建设工作的通知',
  number: '国发〔2024〕3号',
  recipients: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构',
  date: '2024-01-05',
  signature: ['国务院'],
  note: '此件公开发布',
};

/** A State Council style notice saved as plain text: title over two lines, a spaced-out signature, a Chinese-numeral date. */
export function plainText(): string {
  return [
    '国务院文件',
    '',
    '国务院关于推进示范区',
    '建设工作的通知',
    '国发〔２０２４〕３号',
    '',
    `${text.recipients}:`,
    '',
    '　　为推进示范区建设,现就有关事项通知如下:',
    '一、总体要求',
    '（一）工作目标',
    '到2025年,建成示范区10~20个,每年3月~5月集中验收。',
    '1. 坚持规划引领',
    '第一条 本通知自印发之日起施行。',
    '- 第一项',
    '- 第二项',
    '序号\t任务\t责任单位',
    '1\t规划\t国家发展改革委',
    '2\t建设\t住房城乡建设部',
    '',
    '国　务　院',
    '二〇二四年一月五日',
    `（${text.note}）`,
  ].join('\r\n');
}
