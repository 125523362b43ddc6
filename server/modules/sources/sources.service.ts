import { and, asc, eq, sql } from 'drizzle-orm';
import { type ArticleDraft, articleDraft } from '../../../common/contracts/draft.ts';
import type {
  CreateSource,
  ProvenanceItem,
  SourceListQuery,
  SourceRecord,
  UpdateSource,
} from '../../../common/contracts/sources.ts';
import type { RecordType } from '../../../common/domain/enums.ts';
import { documentToText, draftArticle, htmlToText } from '../../../reader/index.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { type Actor, createRecordService, matchesText, requireExisting, toIso } from '../../db/records.ts';
import { requireAreas } from '../areas/areas.service.ts';
import { partners } from '../partners/partners.table.ts';
import { sourceErrors } from './sources.errors.ts';
import { provenanceSpans, sources } from './sources.table.ts';

type SourceRow = typeof sources.$inferSelect;

export function toSourceRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    publishedAt: toIso(row.publishedAt),
    language: row.language,
    lead: row.lead,
    text: row.text,
    partnerIds: row.partnerIds,
    areaIds: row.areaIds,
    reviewStatus: row.reviewStatus,
    isPublished: row.isPublished,
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
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

/** A date the reader found (YYYY-MM-DD or YYYY-MM) as a timestamp at local noon in Vietnam,
 * so that it shows as the same day in every time zone the portal is read from. */
function toPublishedAt(date: string | null): Date | null {
  if (!date) return null;
  const day = date.length === 7 ? `${date}-01` : date;
  return new Date(`${day}T12:00:00+07:00`);
}

export type UploadedDocument = { bytes: Uint8Array; filename: string };

const uploadTypes = { txt: 'txt', text: 'txt', html: 'html', htm: 'html', docx: 'docx', pdf: 'pdf' } as const;

export function createSourcesService({ db }: { db: Database }) {
  const records = createRecordService<typeof sources, SourceRecord, CreateSource, UpdateSource>({
    db,
    table: sources,
    recordType: 'source',
    noun: 'source',
    toRecords: async (_executor, rows) => rows.map(toSourceRecord),
    searchWords: (values) => [values.title as string, values.outlet as string, values.text as string],
    checkInput: async (executor, values) => {
      const update = values as Partial<UpdateSource>;
      await requireExisting(executor, partners, update.partnerIds, 'partner', 'partnerIds');
      await requireAreas(executor, update.areaIds);
    },
    // An edit sends the time as text; the column takes a Date (a string there is a driver error).
    deriveValues: (values) =>
      typeof values.publishedAt === 'string' ? { publishedAt: new Date(values.publishedAt) } : {},
  });

  /** Runs the reader over the text and stores the source with its draft. */
  async function createFromText(
    input: CreateSource,
    actor: Actor,
    executor?: Transaction,
  ): Promise<SourceRecord> {
    const plain = input.format === 'html' ? htmlToText(input.text) : input.text;
    if (plain.trim().length === 0)
      throw sourceErrors.emptyText('No article text was found in what you sent.');
    const draft = draftArticle({
      text: plain,
      published: input.publishedAt?.slice(0, 10) ?? null,
      lang: input.language,
    });
    const title = input.title ?? draft.title ?? plain.trim().split('\n')[0]!.slice(0, 300);
    const values = {
      title,
      url: input.url ?? draft.url,
      outlet: input.outlet ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : toPublishedAt(draft.published),
      language: input.language ?? draft.lang,
      lead: deriveLead(draft.text, title),
      text: draft.text,
      draft,
    };
    return records.create(values as unknown as CreateSource, actor, executor);
  }

  return {
    ...records,
    list: (query: SourceListQuery) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(sources.searchText, query.q),
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
        page: query.page,
        pageSize: query.pageSize,
      }),
    create: createFromText,

    async createFromUpload(
      document: UploadedDocument,
      fields: Omit<CreateSource, 'text' | 'format'>,
      actor: Actor,
    ) {
      const extension = document.filename.toLowerCase().split('.').pop() ?? '';
      const type = uploadTypes[extension as keyof typeof uploadTypes];
      if (!type) {
        throw sourceErrors.unsupportedFile(
          `Files of type .${extension} cannot be read; upload .txt, .html, .docx or .pdf.`,
        );
      }
      let text: string;
      try {
        text = await documentToText(document.bytes, type);
      } catch {
        throw sourceErrors.unreadableFile(
          `${document.filename} could not be read as a .${extension} file; is it damaged?`,
        );
      }
      return createFromText({ ...fields, text, format: 'text' }, actor);
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
      const parsed = articleDraft.safeParse(row.draft);
      if (!parsed.success) throw sourceErrors.noDraft('This source has no reader draft.');
      return parsed.data;
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
