/** Just enough HTML scanning for tests of our own serializer's output (double-quoted attributes). */

export interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Offset of the `<` in the source. */
  offset: number;
}

export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const attr of match[2]!.matchAll(/([^\s"'>\/=]+)(?:="([^"]*)")?/g)) {
      attributes.set(attr[1]!.toLowerCase(), decode(attr[2] ?? ''));
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes, offset: match.index });
  }
  return tags;
}

export function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Text of the markup with tags removed and entities decoded. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

/** The inner HTML of the first element with this id (elements of the same name may nest). */
export function elementById(html: string, id: string): string | undefined {
  const tag = startTags(html).find((t) => t.attributes.get('id') === id);
  if (!tag) return undefined;
  const open = new RegExp(`<${tag.name}[\\s>]`, 'gi');
  const close = new RegExp(`</${tag.name}>`, 'gi');
  const start = html.indexOf('>', tag.offset) + 1;
  let depth = 1;
  let cursor = start;
  while (depth > 0) {
    open.lastIndex = cursor;
    close.lastIndex = cursor;
    const nextOpen = open.exec(html);
    const nextClose = close.exec(html);
    if (!nextClose) return undefined;
    if (nextOpen && nextOpen.index < nextClose.index) {
      depth++;
      cursor = nextOpen.index + 1;
    } else {
      depth--;
      cursor = nextClose.index + nextClose[0].length;
      if (depth === 0) return html.slice(start, nextClose.index);
    }
  }
  return undefined;
}
