import { type AnyColumn, and, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { ArticleDraft, DraftProgress } from '../../../common/contracts/draft.ts';
import type { ProgressProposal } from '../../../common/contracts/review.ts';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import { foldWords } from '../../../common/domain/text.ts';
import type { Executor } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { partners } from '../partners/partners.table.ts';

// Words every statement and record of this registry share: they say nothing about which record a
// statement is about. Folded (no marks), Vietnamese syllables and English words alike.
const commonWords = new Set(
  (
    'va cua cac nhung cho voi tai trong ve de la co duoc da se dang mot hai ben nay do theo tu den viec ' +
    'hop tac y te viet nam bo phia nuoc cung nhu khi sau truoc ngay thang nhieu tren duoi hoan thanh ban giao ' +
    'trien khai thuc hien dua vao su dung so ket tong danh gia ket qua tien nham tang cuong giua ' +
    'the and of to in on for with by an is are was were has have been be that this two sides side its their ' +
    'cooperation health ministry completed implemented handed over put into operation review implementation ' +
    // The kind of an agreement is no evidence of which one: every memorandum shares "ghi nhớ".
    'ghi nho hiep dinh thoa thuan du an chuong trinh ke hoach hanh dong memorandum understanding mou agreement ' +
    'project programme program plan action'
  ).split(' '),
);

/** A statement's or record's distinct words that can tell records apart. */
function contentWords(text: string): Set<string> {
  return new Set(foldWords(text).filter((word) => word.length > 1 && !commonWords.has(word)));
}

/** The words of `a` also in `b`, spelt as `spelling` writes them ("đào", not "dao"). */
function shared(a: Set<string>, b: Set<string>, spelling = ''): string[] {
  const written = new Map<string, string>();
  for (const word of spelling.split(/[^\p{L}\p{N}]+/u)) {
    const folded = foldWords(word)[0];
    if (folded && !written.has(folded)) written.set(folded, word.toLowerCase());
  }
  return [...a].filter((word) => b.has(word)).map((word) => written.get(word) ?? word);
}

/** The statement's day, else the article's, else today: a progress update needs a day. */
function dayOf(statement: DraftProgress, draft: ArticleDraft): string {
  for (const date of [statement.date, draft.published]) if (date && date.length === 10) return date;
  return todayInVietNam();
}

function overlaps(column: AnyColumn, ids: string[]): SQL {
  return sql`${column} && array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
}

// A commitment matches when it shares this many words with the statement and at least this share
// of its own words: enough that the statement is about it, not about the same field.
const minSharedWords = 3;
const minSharedShare = 0.3;
// An agreement matches on the words of its title the statement names.
const minSharedTitleWords = 2;

/** What each kind of statement does to a commitment's status: a review changes nothing. */
const statusAfter = { completed: 'done', progress: 'in_progress', review: null } as const;

/** Proposes, for each progress statement of a draft, the registered commitment or agreement of
 * the same partners it reports on, with the reasons it matched. Unmatched statements propose
 * nothing. */
export async function proposeProgress(executor: Executor, draft: ArticleDraft): Promise<ProgressProposal[]> {
  if (draft.progress.length === 0) return [];
  const codes = [
    ...new Set([...draft.progress.flatMap((s) => s.partnerCodes), ...draft.partners.map((p) => p.code)]),
  ];
  if (codes.length === 0) return [];
  const partnerRows = await executor
    .select({ id: partners.id, code: partners.code })
    .from(partners)
    .where(
      inArray(
        sql`upper(${partners.code})`,
        codes.map((code) => code.toUpperCase()),
      ),
    );
  const codeOf = new Map(partnerRows.map((row) => [row.id, row.code]));
  const partnerIds = [...codeOf.keys()];
  if (partnerIds.length === 0) return [];

  const openCommitments = await executor
    .select({
      id: commitments.id,
      text: commitments.text,
      agreementTitle: agreements.titleVi,
      agreementPartyIds: agreements.partyIds,
      eventPartnerIds: events.partnerIds,
    })
    .from(commitments)
    .leftJoin(agreements, sql`${agreements.id} = ${commitments.agreementId}`)
    .leftJoin(events, sql`${events.id} = ${commitments.eventId}`)
    .where(
      and(
        notInArray(commitments.status, [...closedCommitmentStatuses]),
        sql`(${overlaps(agreements.partyIds, partnerIds)} or ${overlaps(events.partnerIds, partnerIds)})`,
      ),
    )
    .limit(2000);
  const partnerAgreements = await executor
    .select({
      id: agreements.id,
      titleVi: agreements.titleVi,
      titleEn: agreements.titleEn,
      partyIds: agreements.partyIds,
    })
    .from(agreements)
    .where(overlaps(agreements.partyIds, partnerIds))
    .limit(2000);

  const proposals: ProgressProposal[] = [];
  const proposed = new Set<string>();
  for (const statement of draft.progress) {
    // The partners the sentence names; a sentence naming none speaks of the article's partners.
    const statementCodes = new Set(
      (statement.partnerCodes.length > 0 ? statement.partnerCodes : draft.partners.map((p) => p.code)).map(
        (c) => c.toUpperCase(),
      ),
    );
    const words = contentWords(statement.text);
    const hintWords = statement.agreementHint ? contentWords(statement.agreementHint) : new Set<string>();
    const partnersOf = (ids: string[]) =>
      [...new Set(ids.map((id) => codeOf.get(id)?.toUpperCase() ?? ''))].filter((code) =>
        statementCodes.has(code),
      );
    const base = {
      kind: statement.kind,
      on: dayOf(statement, draft),
      note: statement.text,
      spans: statement.spans,
    };

    let best: { proposal: ProgressProposal; score: number } | null = null;
    for (const commitment of openCommitments) {
      if (proposed.has(commitment.id)) continue;
      const partnerCodes = partnersOf([
        ...(commitment.agreementPartyIds ?? []),
        ...(commitment.eventPartnerIds ?? []),
      ]);
      if (partnerCodes.length === 0) continue;
      const own = contentWords(commitment.text);
      const sharedWords = shared(own, words, commitment.text);
      if (sharedWords.length < minSharedWords || sharedWords.length < own.size * minSharedShare) continue;
      const titleShared = commitment.agreementTitle
        ? shared(contentWords(commitment.agreementTitle), hintWords, commitment.agreementTitle)
        : [];
      const score = sharedWords.length / own.size + titleShared.length * 0.1;
      if (best && best.score >= score) continue;
      best = {
        score,
        proposal: {
          ...base,
          target: 'commitment',
          recordId: commitment.id,
          recordLabel: commitment.text,
          status: statusAfter[statement.kind],
          reasons: {
            partnerCodes,
            agreementTitle: titleShared.length > 0 ? commitment.agreementTitle : null,
            sharedWords,
          },
        },
      };
    }
    if (best) {
      proposals.push(best.proposal);
      proposed.add(best.proposal.recordId);
      continue;
    }
    if (hintWords.size === 0) continue;
    for (const agreement of partnerAgreements) {
      if (proposed.has(agreement.id)) continue;
      const partnerCodes = partnersOf(agreement.partyIds);
      const title = agreement.titleVi || agreement.titleEn;
      const titles = `${agreement.titleVi} ${agreement.titleEn}`;
      const sharedWords = shared(contentWords(titles), hintWords, titles);
      if (partnerCodes.length === 0 || sharedWords.length < minSharedTitleWords) continue;
      proposals.push({
        ...base,
        target: 'agreement',
        recordId: agreement.id,
        recordLabel: title,
        status: null,
        reasons: { partnerCodes, agreementTitle: title, sharedWords },
      });
      proposed.add(agreement.id);
      break;
    }
  }
  return proposals;
}
