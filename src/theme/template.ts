/**
 * Template folders: `templates/<name>/` holds theme.yml and the HTML page and stylesheet. A template may
 * `extends: <other>`: its theme.yml then only says what differs, and files it lacks come from the other one.
 */
import { isScalar, parseDocument } from 'yaml';
import type { ThemeLayer } from './index.js';

/** A chain longer than this is a loop or a mistake. */
const MAX_LAYERS = 4;
const NAME = /^[A-Za-z0-9_][\w.-]*$/;

export interface ResolvedTemplate {
  /** theme.yml of the template and of each template it extends, most specific first. */
  layers: ThemeLayer[];
  /** A file of the template (`html/page.html`), from the first folder of the chain that has it. */
  file(path: string): string | undefined;
}

/** Follows `extends:`; `read` gives a file by project-relative path (the project's own first, then gazette's). */
export function resolveTemplate(
  name: string,
  read: (path: string) => string | undefined,
): ResolvedTemplate | { missing: string } {
  const folders: string[] = [];
  const layers: ThemeLayer[] = [];
  let next: string | undefined = name;
  while (next !== undefined) {
    const folder = `templates/${next}`;
    const path = `${folder}/theme.yml`;
    if (!NAME.test(next) || folders.includes(folder) || folders.length >= MAX_LAYERS) return { missing: path };
    const text = read(path);
    if (text === undefined) return { missing: path };
    folders.push(folder);
    layers.push({ path, text });
    // parseTheme reads every layer in full; here a layer that never says `extends` need not be parsed twice.
    const extendsNode = text.includes('extends') ? parseDocument(text).get('extends', true) : undefined;
    next = isScalar(extendsNode) && typeof extendsNode.value === 'string' ? extendsNode.value : undefined;
  }
  return {
    layers,
    file(path) {
      for (const folder of folders) {
        const text = read(`${folder}/${path}`);
        if (text !== undefined) return text;
      }
      return undefined;
    },
  };
}
