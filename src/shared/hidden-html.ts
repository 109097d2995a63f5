/** Elements whose content is not text for a reader (code, a form control's value, vector art): dropped with their tags. */
export const HIDDEN_CONTENT: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'textarea', 'title', 'svg', 'math']);
