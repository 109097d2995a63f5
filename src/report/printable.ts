/**
 * Text as it may be shown in a terminal or a CI log: control and invisible characters (an ESC from a YAML value
 * could recolour or clear the terminal; a zero-width space hides where the problem is) are written as \uXXXX.
 */
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
