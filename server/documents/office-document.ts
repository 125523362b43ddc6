import type { Language } from '../../common/domain/enums.ts';

// A document described once as blocks, written as DOCX or PDF by the renderers beside this file:
// the briefing and the yearly report say what they contain, not how each format draws it.

export type TableColumn = { header: string /** Share of the text width, in percent. */; width: number };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'muted' | 'strong' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] };

/** The head of a Vietnamese administrative document (Decree 30/2020/NĐ-CP): the issuing body and
 * the document's number on the left, the national motto and the place and date on the right. */
export type Letterhead = { issuingBody: string; number: string; placeAndDate: string };

export type OfficeDocument = {
  language: Language;
  title: string;
  /** The subject under the title (a report's "Tình hình …"). Written by the DOCX renderer. */
  subtitle?: string;
  /** Written by the DOCX renderer, for documents sent as administrative papers. */
  letterhead?: Letterhead;
  /** Lines above the title (issuing body, date). */
  preamble: string[];
  blocks: Block[];
  /** Text at the foot of every page. */
  footer: string;
};
