// The reader's public API: article text (or HTML) in, review-ready draft out.
export type { Annotation } from './annotation.ts';
export { toAnnotation } from './annotation.ts';
export type { DraftInput } from './assemble.ts';
export { draftArticle } from './assemble.ts';
export { htmlToText } from './html.ts';
export { unsupportedLanguage } from './language.ts';
export { readerVersion } from './version.ts';
