/** Characters an issue does not use yet: a save that adds one sets a character new to the preview's session. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { projectRoot } from './project.js';

/** The body face of the default theme, which sets such a character. */
const SERIF = join(projectRoot, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

/** Characters that no file of the issue folder `folder` holds and the default body face can draw. */
export function unusedCharacters(folder: string): string[] {
  const text = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('');
  const serif = fontkit.create(readFileSync(SERIF)) as fontkit.Font;
  return [...'鑫犇淼焱垚'].filter((char) => !text.includes(char) && serif.hasGlyphForCodePoint(char.codePointAt(0)!));
}
