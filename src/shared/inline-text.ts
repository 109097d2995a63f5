import type { Inline } from '../model/document.js';

/** The text of inline content, without its marks, breaks or note marks. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.kind === 'text' ? inline.text : '')).join('');
}
