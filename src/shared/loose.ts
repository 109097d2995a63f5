/** A loose line: justified wider than the theme aims for (`maxLetterSpacing`, in em of the line's size). */
import type { TextBox } from '../model/layout.js';

export function isLoose(box: TextBox, goal: number): boolean {
  return box.role === 'justified' && box.characterSpacing > goal * box.size + 1e-6;
}
