import type { Language } from '../../common/domain/enums.ts';

// A document described once as blocks, written as DOCX or PDF by the renderers beside this file:
// the briefing and the yearly report say what they contain, not how each format draws it.

export type TableColumn = { header: string /** Share of the text width, in percent. */; width: number };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'muted' | 'strong' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] };

export type OfficeDocument = {
  language: Language;
  title: string;
  /** Lines above the title (issuing body, date). */
  preamble: string[];
  blocks: Block[];
  /** Text at the foot of every page. */
  footer: string;
};
