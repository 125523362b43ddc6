import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { type ArticleDraft, articleDraft } from '../../../common/contracts/draft.ts';
import type {
  CreateSource,
  ProvenanceItem,
  SourceListQuery,
  SourceRecord,
  SourceSummary,
  UpdateSource,
} from '../../../common/contracts/sources.ts';
import type { RecordType } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import { dayInVietNam } from '../../../common/domain/published-time.ts';
import type { FoldedWords } from '../../../common/domain/text.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { type Actor, createRecordService, matchesText, requireExisting, toIso } from '../../db/records.ts';
import type { ExtractionInput } from '../../extraction/extraction.worker.ts';
import {
  ExtractionFailure,
  type ExtractionPool,
  type FailureReason,
} from '../../extraction/extraction-pool.ts';
import { type DerivedText, hashSourceText } from '../../extraction/source-text.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { partners } from '../partners/partners.table.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import {
  type ArticleKey,
  cleanArticleAddress,
  findRepeated,
  findStoredArticles,
  lockSourceWrites,
} from './sources.duplicates.ts';
import { sourceErrors } from './sources.errors.ts';
import { provenanceSpans, sources } from './sources.table.ts';

type SourceRow = typeof sources.$inferSelect;

// Lists read every column but the text, the draft (which holds the text again) and the folded
// search columns: each can be megabytes, and a page of 200 held gigabytes.
const {
  text: _text,
  draft: _draft,
  searchText: _searchText,
  searchVector: _searchVector,
  searchLabelVector: _searchLabelVector,
  ...summaryColumns
} = getTableColumns(sources);

function toSourceSummary(
  row: Omit<SourceRow, 'text' | 'draft' | 'searchText' | 'searchVector' | 'searchLabelVector'>,
): SourceSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    publishedAt: toIso(row.publishedAt),
    language: row.language,
    lead: row.lead,
    partnerIds: row.partnerIds,
    areaIds: row.areaIds,
    reviewStatus: row.reviewStatus,
    isPublished: row.isPublished,
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

export function toSourceRecord(row: SourceRow): SourceRecord {
  return { ...toSourceSummary(row), text: row.text };
}

const leadLength = 320;

/** The portal's lead: the first real paragraph after the title, cut at a word boundary. */
export function deriveLead(text: string, title: string): string | null {
  const paragraph = text
    .split(/\n+/)
    .map((line) => line.trim())
    .find((line) => line.length >= 80 && line !== title);
  if (!paragraph) return null;
  if (paragraph.length <= leadLength) return paragraph;
  const cut = paragraph.slice(0, leadLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), leadLength / 2))}…`;
}

/** A date the reader found (YYYY-MM-DD or YYYY-MM) as a timestamp. With the clock time the date line
 * prints, that time (in Vietnam unless it carries its own offset); without one, local noon in Vietnam,
 * the mark of an unknown time (formatPublishedAt shows it as the date alone). */
export function toPublishedAt(date: string | null, time?: string | null): Date | null {
  if (!date) return null;
  if (time && date.length === 10) {
    const offset = /(?:[+-]\d{2}:\d{2}|Z)$/.test(time) ? '' : '+07:00';
    const at = new Date(`${date}T${time.slice(0, 5)}:00${time.slice(5)}${offset}`);
    if (!Number.isNaN(at.getTime())) return at;
  }
  const day = date.length === 7 ? `${date}-01` : date;
  return new Date(`${day}T12:00:00+07:00`);
}

function cleanOrNull(address: string | null | undefined): string | null {
  return address ? cleanArticleAddress(address) : null;
}

type SourceFields = Omit<CreateSource, 'text' | 'format'>;

/** Refuses an article already stored (same address or same text), naming the source it repeats. */
async function refuseRepeated(tx: Transaction, key: ArticleKey): Promise<void> {
  const repeated = findRepeated(key, await findStoredArticles(tx, [key]));
  if (!repeated) return;
  const { article, matchedBy } = repeated;
  const publishedAt = article.publishedAt ? dayInVietNam(article.publishedAt.toISOString()) : null;
  const day = publishedAt ? publishedAt.split('-').reverse().join('/') : null;
  throw sourceErrors.duplicate(
    `This article is already registered, with the same ${matchedBy === 'url' ? 'address' : 'text'}: “${article.title}”, ${day ?? 'no date'}, id ${article.id}. Open that source, or send allowDuplicate: true to register it again.`,
    undefined,
    {
      matchedBy: matchedBy === 'url' ? 'địa chỉ' : 'nội dung',
      title: article.title,
      date: day ?? 'chưa rõ ngày',
      id: article.id,
    },
    undefined,
    { collection: 'sources', id: article.id, label: article.title, date: publishedAt, matchedBy },
  );
}

/** A new source's values from the reader's draft, for the single and the batch path alike, with
 * the hash and folded words the extraction worker derived from its text. */
export function toNewSource(
  { draft, firstLine, derived }: { draft: ArticleDraft; firstLine: string; derived: DerivedText },
  input: SourceFields,
): CreateSource {
  const title = input.title ?? draft.title ?? firstLine;
  const values = {
    title,
    url: cleanOrNull(input.url ?? draft.url),
    outlet: input.outlet ?? null,
    publishedAt: input.publishedAt
      ? new Date(input.publishedAt)
      : toPublishedAt(draft.published, draft.publishedTime),
    language: input.language ?? draft.lang,
    lead: deriveLead(draft.text, title),
    text: draft.text,
    // The draft's text is the source's text; stored once (getDraft puts it back).
    draft: { ...draft, text: undefined },
    ...derived,
  };
  return values as unknown as CreateSource;
}

export type UploadedDocument = { bytes: Uint8Array; filename: string };

const uploadTypes = { txt: 'txt', text: 'txt', html: 'html', htm: 'html', docx: 'docx', pdf: 'pdf' } as const;

/** Why the reader gave no draft, told to the person who sent the article. */
const languageNames: Record<string, { en: string; vi: string }> = {
  zh: { en: 'Chinese', vi: 'tiếng Trung' },
  ja: { en: 'Japanese', vi: 'tiếng Nhật' },
  ko: { en: 'Korean', vi: 'tiếng Hàn' },
  ru: { en: 'Russian', vi: 'tiếng Nga' },
  th: { en: 'Thai', vi: 'tiếng Thái' },
  lo: { en: 'Lao', vi: 'tiếng Lào' },
  km: { en: 'Khmer', vi: 'tiếng Khmer' },
  ar: { en: 'Arabic', vi: 'tiếng Ả Rập' },
};

function toReadingError(reason: FailureReason, what: string, language?: string) {
  switch (reason) {
    case 'empty':
      return sourceErrors.emptyText('No article text was found in what you sent.');
    case 'unsupported_language':
      return sourceErrors.unsupportedLanguage(
        `${what} is written in ${languageNames[language ?? '']?.en ?? 'a language'} the reader does not read; send the Vietnamese or English version of the article.`,
        undefined,
        { language: languageNames[language ?? '']?.vi ?? 'một ngôn ngữ khác' },
      );
    case 'unreadable':
      return sourceErrors.unreadableFile(`${what} could not be read; is it damaged?`);
    case 'too_large':
      return sourceErrors.fileTooLarge(
        `${what} unpacks to far more than an article; it may be damaged or built to overload the server.`,
      );
    case 'text_too_long':
      return sourceErrors.textTooLong(
        `${what} holds more than ${limits.sourceText.toLocaleString('en')} characters of text, the most one source may have; split it into several.`,
      );
    case 'timed_out':
      return sourceErrors.readingTooSlow(`Reading ${what} took too long and was stopped.`);
    case 'out_of_memory':
      return sourceErrors.readingTooBig(`Reading ${what} needed more memory than allowed and was stopped.`);
    case 'busy':
      return sourceErrors.readerBusy('The reader is busy with other articles; try again in a minute.');
  }
}

export function createSourcesService({ db, extraction }: { db: Database; extraction: ExtractionPool }) {
  const records = createRecordService<typeof sources, SourceRecord, CreateSource, UpdateSource>({
    db,
    table: sources,
    recordType: 'source',
    noun: 'source',
    toRecords: async (_executor, rows) => rows.map(toSourceRecord),
    searchWords: (values) => [values.title as string, values.outlet as string],
    vectorWords: (values) => [
      values.title as string,
      values.outlet as string,
      (values.textWords as FoldedWords | undefined) ?? (values.text as string),
    ],
    checkInput: async (executor, values) => {
      const update = values as Partial<UpdateSource>;
      await requireExisting(executor, partners, update.partnerIds, 'partner', 'partnerIds');
      await requireAreas(executor, update.areaIds);
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'sources', id),
    // An edit sends the time as text; the column takes a Date (a string there is a driver error).
    deriveValues: (values) => ({
      ...(typeof values.publishedAt === 'string' ? { publishedAt: new Date(values.publishedAt) } : {}),
      // A new article comes with its hash from the extraction worker; an edited text is hashed here.
      ...(typeof values.text === 'string' && !values.textWords
        ? { textHash: hashSourceText(values.text) }
        : {}),
    }),
  });

  /** Runs the reader (in the extraction pool) over the article and stores the source with its draft. */
  async function createFromArticle(
    article: ExtractionInput,
    input: SourceFields,
    actor: Actor,
    executor?: Transaction,
  ): Promise<SourceRecord> {
    const what = article.kind === 'document' ? article.filename : 'The text';
    const drafted = await extraction
      .draft(article, { published: input.publishedAt?.slice(0, 10) ?? null, lang: input.language })
      .catch((error: unknown) => {
        throw error instanceof ExtractionFailure ? toReadingError(error.reason, what, error.language) : error;
      });
    const values = toNewSource(drafted, input);
    const write = async (tx: Transaction) => {
      await lockSourceWrites(tx);
      if (!input.allowDuplicate)
        await refuseRepeated(tx, { hash: drafted.derived.textHash, url: values.url ?? null });
      return records.create(values, actor, tx);
    };
    return executor ? write(executor) : db.transaction(write);
  }

  return {
    ...records,
    list: (query: SourceListQuery) =>
      records.listColumns(
        {
          ids: query.ids,
          where: [
            matchesText(sources, query.q),
            query.isPublished !== undefined ? eq(sources.isPublished, query.isPublished) : undefined,
            query.reviewStatus ? eq(sources.reviewStatus, query.reviewStatus) : undefined,
          ],
          sort: {
            publishedAt: sources.publishedAt,
            title: sources.title,
            updatedAt: sources.updatedAt,
            createdAt: sources.createdAt,
          }[query.sort],
          order: query.order,
          isTextSearch: Boolean(query.q),
          page: query.page,
          pageSize: query.pageSize,
        },
        summaryColumns,
        toSourceSummary,
      ),
    /** Stores drafted articles in one multi-row insert (with their audit rows) inside the
     * caller's transaction; the batch import's write. */
    createDrafted: (drafted: CreateSource[], actor: Actor, tx: Transaction) =>
      records.createMany(drafted, actor, tx),
    create: (input: CreateSource, actor: Actor, executor?: Transaction) =>
      createFromArticle({ kind: 'text', text: input.text, format: input.format }, input, actor, executor),

    async createFromUpload(document: UploadedDocument, fields: SourceFields, actor: Actor) {
      const extension = document.filename.toLowerCase().split('.').pop() ?? '';
      const type = uploadTypes[extension as keyof typeof uploadTypes];
      if (!type) {
        throw sourceErrors.unsupportedFile(
          `Files of type .${extension} cannot be read; upload .txt, .html, .docx or .pdf.`,
        );
      }
      return createFromArticle({ kind: 'document', ...document, type }, fields, actor);
    },

    /** The spans that support a record, with the words they cover. */
    async listProvenance(recordType: RecordType, recordId: string): Promise<ProvenanceItem[]> {
      const rows = await db
        .select({
          sourceId: provenanceSpans.sourceId,
          sourceTitle: sources.title,
          field: provenanceSpans.field,
          start: provenanceSpans.start,
          end: provenanceSpans.end,
          excerpt: sql<string>`substr(${sources.text}, ${provenanceSpans.start} + 1, least(${provenanceSpans.end} - ${provenanceSpans.start}, 500))`,
        })
        .from(provenanceSpans)
        .innerJoin(sources, eq(sources.id, provenanceSpans.sourceId))
        .where(and(eq(provenanceSpans.recordType, recordType), eq(provenanceSpans.recordId, recordId)))
        .orderBy(asc(sources.createdAt), asc(provenanceSpans.start));
      return rows;
    },

    async getDraft(id: string): Promise<ArticleDraft> {
      const row = await records.requireRow(db, id);
      const parsed = articleDraft.safeParse({ ...(row.draft as object), text: row.text });
      if (!parsed.success) throw sourceErrors.noDraft('This source has no reader draft.');
      return parsed.data;
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
