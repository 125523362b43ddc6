import type { PartnerOverview } from '../../../common/contracts/portal.ts';
import { enumLabels } from '../../../common/domain/enum-labels.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { formatDay } from '../../../common/domain/format.ts';
import type { Block, OfficeDocument } from '../../documents/office-document.ts';

// A one-to-three-page briefing before a meeting with a partner: what we have agreed, whom we
// met, what is open and due, and the sources behind each fact (numbered, cited as [n]).

export type BriefingSource = {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
};

export type BriefingFacts = {
  overview: PartnerOverview;
  /** Names of the organisations that own commitments, by id. */
  organisationNames: Map<string, { nameVi: string; nameEn: string }>;
  sources: BriefingSource[];
  today: string;
};

const limits = { agreements: 10, events: 6, people: 12, commitments: 15, upcomingDays: 90, renewalDays: 180 };

const words = {
  vi: {
    title: (partner: string) => `BẢN TÓM TẮT QUAN HỆ HỢP TÁC Y TẾ VỚI ${partner.toLocaleUpperCase('vi')}`,
    preparedOn: (day: string) => `Ngày lập: ${day}`,
    issuer: 'hoptac — Hợp tác quốc tế về y tế',
    footer: (partner: string, day: string) => `Tóm tắt hợp tác với ${partner}, lập ngày ${day}`,
    inBrief: '1. Tóm tắt quan hệ',
    summary: (f: Record<string, string | number>) =>
      `Việt Nam và ${f.partner} có ${f.agreements} văn bản hợp tác trong lĩnh vực y tế (${f.running} đang có hiệu lực), ${f.recentEvents} hoạt động trong hai năm qua${f.lastMeeting ? `; lần gặp gần nhất ngày ${f.lastMeeting} (${f.lastMeetingTitle})` : ''}. Hiện có ${f.open} cam kết đang mở, trong đó ${f.overdue} quá hạn.${f.areas ? ` Lĩnh vực chính: ${f.areas}.` : ''}`,
    agreements: '2. Văn bản hợp tác',
    agreementColumns: ['Văn bản', 'Loại', 'Ngày ký', 'Hiệu lực đến', 'Trạng thái'],
    noAgreements: 'Chưa có văn bản hợp tác nào được ghi nhận.',
    meetings: '3. Các cuộc gặp gần đây',
    meetingColumns: ['Ngày', 'Hoạt động', 'Hình thức, địa điểm'],
    noMeetings: 'Chưa có cuộc gặp nào được ghi nhận.',
    peopleMet: 'Những người đã gặp (chức danh tại thời điểm gặp):',
    commitments: '4. Cam kết đang mở',
    commitmentColumns: ['Cam kết', 'Đơn vị chủ trì', 'Hạn', 'Trạng thái'],
    noCommitments: 'Không có cam kết đang mở.',
    overdue: 'Quá hạn',
    deadlines: '5. Hạn sắp tới',
    dueCommitment: (day: string, text: string) => `${day}: hạn cam kết “${text}”`,
    validityEnds: (day: string, title: string) => `${day}: hết hiệu lực “${title}”`,
    noDeadlines: 'Không có hạn nào trong 90 ngày tới.',
    areas: '6. Lĩnh vực hợp tác',
    sources: 'Nguồn',
    noSources: 'Các thông tin trên được nhập trực tiếp vào hệ thống, không kèm nguồn tin.',
    more: (count: number) => `… và ${count} mục khác.`,
    modes: enumLabels.vi.eventMode,
  },
  en: {
    title: (partner: string) => `BRIEFING: HEALTH COOPERATION WITH ${partner.toUpperCase()}`,
    preparedOn: (day: string) => `Prepared on ${day}`,
    issuer: 'hoptac — International health cooperation',
    footer: (partner: string, day: string) => `Briefing on ${partner}, ${day}`,
    inBrief: '1. The relationship in brief',
    summary: (f: Record<string, string | number>) =>
      `Viet Nam and ${f.partner} have ${f.agreements} health cooperation documents (${f.running} in force) and ${f.recentEvents} activities in the last two years${f.lastMeeting ? `; the last meeting was on ${f.lastMeeting} (${f.lastMeetingTitle})` : ''}. ${f.open} commitments are open, ${f.overdue} of them overdue.${f.areas ? ` Main areas: ${f.areas}.` : ''}`,
    agreements: '2. Agreements',
    agreementColumns: ['Document', 'Kind', 'Signed', 'Valid until', 'Status'],
    noAgreements: 'No agreement recorded yet.',
    meetings: '3. Recent meetings',
    meetingColumns: ['Date', 'Activity', 'Mode, place'],
    noMeetings: 'No meeting recorded yet.',
    peopleMet: 'People met (title at the time):',
    commitments: '4. Open commitments',
    commitmentColumns: ['Commitment', 'Owner unit', 'Due', 'Status'],
    noCommitments: 'No open commitment.',
    overdue: 'Overdue',
    deadlines: '5. Upcoming deadlines',
    dueCommitment: (day: string, text: string) => `${day}: commitment due “${text}”`,
    validityEnds: (day: string, title: string) => `${day}: “${title}” ends`,
    noDeadlines: 'No deadline in the next 90 days.',
    areas: '6. Areas of cooperation',
    sources: 'Sources',
    noSources: 'The facts above were entered directly, without a source article.',
    more: (count: number) => `… and ${count} more.`,
    modes: enumLabels.en.eventMode,
  },
} as const;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function shorten(text: string, length = 140): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Rows up to a limit, with a line saying how many were left out. */
function capped<T>(
  items: T[],
  limit: number,
  more: (count: number) => string,
): { shown: T[]; note: Block[] } {
  return {
    shown: items.slice(0, limit),
    note:
      items.length > limit
        ? [{ kind: 'paragraph', text: more(items.length - limit), emphasis: 'muted' }]
        : [],
  };
}

export function composePartnerBriefing(facts: BriefingFacts, language: Language): OfficeDocument {
  const w = words[language];
  const labels = enumLabels[language];
  const day = (value: string | null | undefined) => formatDay(value, language);
  const local = (vi: string, en: string) => (language === 'en' && en ? en : vi);
  const { overview, today } = facts;
  const partner = local(overview.partner.nameVi, overview.partner.nameEn);

  const citation = new Map(facts.sources.map((source, index) => [source.id, index + 1]));
  const cite = (sourceIds: string[]) => {
    const numbers = [...new Set(sourceIds.map((id) => citation.get(id)).filter((n) => n !== undefined))].sort(
      (a, b) => a - b,
    );
    return numbers.length ? ` [${numbers.join(', ')}]` : '';
  };

  const running = overview.agreements.filter((a) => a.status === 'in_force' || a.status === 'signed');
  const twoYearsAgo = addDays(today, -730);
  const pastEvents = overview.events.filter((e) => e.startOn && e.startOn <= today);
  const lastMeeting = pastEvents[0];
  const overdue = overview.openCommitments.filter((c) => c.isOverdue);
  const blocks: Block[] = [
    { kind: 'heading', text: w.inBrief },
    {
      kind: 'paragraph',
      text: w.summary({
        partner,
        agreements: overview.agreements.length,
        running: running.length,
        recentEvents: overview.events.filter(
          (e) => e.startOn && e.startOn >= twoYearsAgo && e.startOn <= today,
        ).length,
        lastMeeting: lastMeeting ? day(lastMeeting.startOn) : '',
        lastMeetingTitle: lastMeeting ? shorten(lastMeeting.title, 90) : '',
        open: overview.openCommitments.length,
        overdue: overdue.length,
        areas: overview.areas
          .slice(0, 5)
          .map((area) => local(area.labelVi, area.labelEn))
          .join(', '),
      }),
    },
  ];

  const agreements = capped(overview.agreements, limits.agreements, w.more);
  blocks.push({ kind: 'heading', text: w.agreements });
  if (agreements.shown.length === 0)
    blocks.push({ kind: 'paragraph', text: w.noAgreements, emphasis: 'muted' });
  else
    blocks.push(
      {
        kind: 'table',
        columns: w.agreementColumns.map((header, index) => ({ header, width: [38, 15, 15, 16, 16][index]! })),
        rows: agreements.shown.map((a) => [
          `${local(a.titleVi, a.titleEn)}${cite(a.sourceIds)}`,
          labels.agreementKind[a.kind],
          day(a.signedOn),
          day(a.validTo),
          labels.agreementStatus[a.status],
        ]),
      },
      ...agreements.note,
    );

  const meetings = capped(pastEvents, limits.events, w.more);
  blocks.push({ kind: 'heading', text: w.meetings });
  if (meetings.shown.length === 0) blocks.push({ kind: 'paragraph', text: w.noMeetings, emphasis: 'muted' });
  else {
    blocks.push(
      {
        kind: 'table',
        columns: w.meetingColumns.map((header, index) => ({ header, width: [14, 60, 26][index]! })),
        rows: meetings.shown.map((e) => [
          day(e.startOn),
          `${labels.eventKind[e.kind]}: ${e.title}${cite(e.sourceIds)}`,
          [w.modes[e.mode], e.location].filter(Boolean).join(', '),
        ]),
      },
      ...meetings.note,
    );
    const people = capped(overview.peopleMet, limits.people, w.more);
    if (people.shown.length)
      blocks.push(
        { kind: 'paragraph', text: w.peopleMet, emphasis: 'strong' },
        {
          kind: 'bullets',
          items: people.shown.map((p) => [p.name, p.title, day(p.on)].filter(Boolean).join(' — ')),
        },
        ...people.note,
      );
  }

  const ownerNames = (ids: string[]) =>
    ids
      .map((id) => facts.organisationNames.get(id))
      .filter((name) => name !== undefined)
      .map((name) => local(name.nameVi, name.nameEn))
      .join('; ');
  const commitments = capped(overview.openCommitments, limits.commitments, w.more);
  blocks.push({ kind: 'heading', text: w.commitments });
  if (commitments.shown.length === 0)
    blocks.push({ kind: 'paragraph', text: w.noCommitments, emphasis: 'muted' });
  else
    blocks.push(
      {
        kind: 'table',
        columns: w.commitmentColumns.map((header, index) => ({ header, width: [46, 22, 14, 18][index]! })),
        rows: commitments.shown.map((c) => [
          shorten(c.text, 220),
          ownerNames(c.vnOwnerIds),
          c.dueOn ? day(c.dueOn) : c.horizonYear ? String(c.horizonYear) : '',
          c.isOverdue
            ? `${labels.commitmentStatus[c.status]} — ${w.overdue}`
            : labels.commitmentStatus[c.status],
        ]),
      },
      ...commitments.note,
    );

  const soon = addDays(today, limits.upcomingDays);
  const renewalHorizon = addDays(today, limits.renewalDays);
  const deadlines = [
    ...overview.openCommitments
      .filter((c) => c.dueOn && c.dueOn >= today && c.dueOn <= soon)
      .map((c) => ({ on: c.dueOn!, text: w.dueCommitment(day(c.dueOn), shorten(c.text, 100)) })),
    ...running
      .filter((a) => a.validTo && a.validTo >= today && a.validTo <= renewalHorizon)
      .map((a) => ({ on: a.validTo!, text: w.validityEnds(day(a.validTo), local(a.titleVi, a.titleEn)) })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  blocks.push({ kind: 'heading', text: w.deadlines });
  blocks.push(
    deadlines.length
      ? { kind: 'bullets', items: deadlines.map((deadline) => deadline.text) }
      : { kind: 'paragraph', text: w.noDeadlines, emphasis: 'muted' },
  );

  if (overview.areas.length) {
    blocks.push({ kind: 'heading', text: w.areas });
    blocks.push({
      kind: 'paragraph',
      text: overview.areas.map((area) => `${local(area.labelVi, area.labelEn)} (${area.count})`).join(', '),
    });
  }

  blocks.push({ kind: 'heading', text: w.sources });
  blocks.push(
    facts.sources.length
      ? {
          kind: 'bullets',
          items: facts.sources.map((source, index) =>
            [
              `[${index + 1}] ${source.title}`,
              source.outlet,
              day(source.publishedAt?.slice(0, 10)),
              source.url,
            ]
              .filter(Boolean)
              .join(' — '),
          ),
        }
      : { kind: 'paragraph', text: w.noSources, emphasis: 'muted' },
  );

  return {
    language,
    title: w.title(partner),
    preamble: [w.issuer, w.preparedOn(day(today))],
    blocks,
    footer: w.footer(partner, day(today)),
  };
}
