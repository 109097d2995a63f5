/** GitHub Actions workflow commands, escaped like Biome's reporter (% \r \n in data; also : , in properties). */
import type { FixRecord } from '../fix/index.js';
import type { ResolvedDiagnostic } from './index.js';
import { printable } from './printable.js';

const escapeData = (text: string): string => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: readonly ResolvedDiagnostic[], fixed: readonly FixRecord[]): string {
  const notices = fixed.map(
    (f) => `::notice file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`fixed ${f.codes.join(' ')}`)}::${escapeData(`${f.from} → ${f.to}`)}\n`,
  );
  return notices.join('') + diagnostics
    .map((d) => {
      const properties = [
        d.file !== undefined ? `file=${escapeProperty(d.file)}` : undefined,
        d.line !== undefined ? `line=${d.line}` : undefined,
        d.endLine !== undefined ? `endLine=${d.endLine}` : undefined,
        d.column !== undefined ? `col=${d.column}` : undefined,
        d.endColumn !== undefined ? `endColumn=${d.endColumn}` : undefined,
        `title=${escapeProperty(d.code)}`,
      ].filter(Boolean);
      const text = d.hint ? `${d.message} — ${d.hint}` : d.message;
      return `::${d.severity === 'info' ? 'notice' : d.severity} ${properties.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}
