/** Elements whose content is not text for a reader (code, a form control's value, vector art): dropped with their tags. */
export const HIDDEN_CONTENT: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'textarea', 'title', 'svg', 'math']);

/** The same for HTML parsed as a reader without scripts sees it (parse5, scripting off): <noscript> holds shown markup. */
export const HIDDEN_WITHOUT_SCRIPTS: ReadonlySet<string> = new Set([...HIDDEN_CONTENT].filter((tag) => tag !== 'noscript'));
