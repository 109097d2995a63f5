/**
 * Metadata lines of a saved government page or a Word cover sheet (发文字号：…, 成文日期：…): which ones carry a
 * field of the document, and which are page furniture (索引号, 发布日期 …) that belongs to no document.
 */

/** Labels that name a field of the document model. */
const FIELDS: ReadonlyArray<readonly [RegExp, MetadataField]> = [
  [/^(?:标题|名称|文件名称|文件标题)$/u, 'title'],
  [/^(?:发文机关|发布机构|发文单位|发布单位|制发机关|发文机构)$/u, 'issuer'],
  [/^(?:发文字号|文号|文件编号)$/u, 'number'],
  [/^(?:成文日期|签发日期|成文时间)$/u, 'date'],
];

/**
 * Labels of page metadata that are no part of the document (the 发布日期 of a page is not its 成文日期; an 印发日期
 * without its 印发机关 cannot make a 版记).
 */
const IGNORED = /^(?:印发日期|印发时间|索引号|主题分类|主题词|体裁分类|组配分类|服务对象|公开方式|公开范围|公开属性|有效性|效力状态|生效日期|失效日期|废止日期|发布日期|发布时间|信息来源|来源|浏览次数|访问次数|点击数|阅读次数|责任编辑|编辑|作者)$/u;

export type MetadataField = 'title' | 'issuer' | 'number' | 'date';

/** What a metadata label means: a field, furniture to drop, or nothing (not a label). */
export function metadataLabel(label: string): MetadataField | 'ignored' | undefined {
  const key = label.replace(/[\s\u3000]+/gu, '');
  for (const [pattern, field] of FIELDS) if (pattern.test(key)) return field;
  return IGNORED.test(key) ? 'ignored' : undefined;
}

/** A line `标签：值` whose label is a metadata label. */
export function metadataLine(text: string): { key: string; value: string; field: MetadataField | 'ignored' } | undefined {
  const match = /^([^：:]{2,8})[：:]\s*(.*)$/u.exec(text.trim());
  if (!match) return undefined;
  const field = metadataLabel(match[1]!);
  return field ? { key: match[1]!.replace(/[\s\u3000]+/gu, ''), value: match[2]!.trim(), field } : undefined;
}
