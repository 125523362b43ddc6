// Files attached to records: which records take them, what they are, which formats are accepted.

/** The records a file can be attached to. A source holds the signed text it was read from until
 * its review is accepted; the file then moves to the agreement created. */
export const documentRecordTypes = ['agreement', 'event', 'commitment', 'source'] as const;
export type DocumentRecordType = (typeof documentRecordTypes)[number];

/** What a file is to its record: the signed text, the decision permitting signature, … */
export const documentKinds = [
  'signed_text',
  'permission_decision',
  'delegation_list',
  'minutes',
  'report',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The formats accepted, told apart by their first bytes (never by the file's name), with the
 * extension a download gets. */
export const documentMediaTypes = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;
export type DocumentMediaType = keyof typeof documentMediaTypes;
export const documentMediaTypeList = Object.keys(documentMediaTypes) as DocumentMediaType[];

/** The file name a document is saved under: the uploaded name without folders or control
 * characters, ending in the extension of what the bytes really are. */
export function toStoredFileName(uploaded: string, mediaType: DocumentMediaType): string {
  const base =
    (uploaded.split(/[\\/]/).pop() ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 200) || 'document';
  const extension = documentMediaTypes[mediaType];
  const current = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  const isSameKind = current === extension || (extension === 'jpg' && current === 'jpeg');
  return isSameKind ? base : `${base}.${extension}`;
}
