/**
 * The writer registry: every edition is one folder under write/ and one entry here; `--format` lists these names.
 * Writers load on first use, so `gazette build --format html` never loads pdfkit.
 */
import type { Writer } from './writer.js';

export type { OutputFile, WriteContext, Writer } from './writer.js';

export const writers = {
  pdf: async () => (await import('./pdf/index.js')).pdfWriter,
  html: async () => (await import('./html/index.js')).htmlWriter,
  json: async () => (await import('./json/index.js')).jsonWriter,
  docs: async () => (await import('./docs/index.js')).docsWriter,
  ofd: async () => (await import('./ofd/index.js')).ofdWriter,
  svg: async () => (await import('./svg/index.js')).svgWriter,
} satisfies Record<string, () => Promise<Writer>>;

export type OutputFormat = keyof typeof writers;

/** Every format name, in the order `--format` documents them. */
export const FORMATS = Object.keys(writers) as OutputFormat[];

/** What `gazette build` writes without `--format`, and what the preview shows. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'html'];

export function isFormat(name: string): name is OutputFormat {
  return Object.hasOwn(writers, name);
}

/** The annual index's files (not an edition of one issue: `gazette index <year>` writes it). */
export const annualWriter = async () => (await import('./annual/index.js')).writeAnnual;
