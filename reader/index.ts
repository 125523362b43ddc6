// The reader's public API: article text (or HTML, or document bytes) in, review-ready draft out.
export type { Annotation } from './annotation.ts';
export { toAnnotation } from './annotation.ts';
export type { DraftInput } from './assemble.ts';
export { draftArticle } from './assemble.ts';
export { documentToText } from './documents.ts';
export { htmlToText } from './html.ts';
export { readerVersion } from './version.ts';
