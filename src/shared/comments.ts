/** HTML comments in Markdown (<!-- … -->), an unclosed one running to the end: editors' notes that never print. */
export const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
