/** Bumped whenever rules or lexicons change what the reader drafts, so stored drafts can be re-read. */
export const readerVersion = 'reader-1.0.0';
