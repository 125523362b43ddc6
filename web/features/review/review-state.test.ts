import { describe, expect, it } from 'vitest';
import type { Draft } from './review.api.ts';
import {
  buildAcceptPayload,
  buildSegments,
  createItem,
  createItems,
  failedSections,
  isLowConfidence,
  listMarks,
  listUndecided,
} from './review-state.ts';

const text = 'Thứ trưởng Nguyễn Tri Thức ký Bản ghi nhớ với Belarus.';

const draft: Draft = {
  readerVersion: 'test',
  lang: 'vi',
  title: 'MoU',
  published: '2024-10-08',
  byline: null,
  sourceLine: null,
  url: null,
  text,
  events: [
    {
      kind: 'signing',
      title: 'Lễ ký Bản ghi nhớ với Belarus',
      start: '2024-10-08',
      end: null,
      mode: 'online',
      location: null,
      spans: [],
      confidence: 0.9,
    },
  ],
  partners: [{ code: 'BY', kind: 'country', spans: [{ start: 46, end: 53 }], confidence: 0.95 }],
  participants: [
    {
      name: 'Nguyễn Tri Thức',
      title: 'Thứ trưởng',
      org: 'Bộ Y tế',
      country: 'VN',
      spans: [{ start: 11, end: 26 }],
      confidence: 0.9,
    },
  ],
  agreements: [
    {
      kind: 'mou',
      status: 'signed',
      parties: ['VN', 'BY'],
      date: '2024-10-08',
      title: 'Bản ghi nhớ',
      spans: [{ start: 30, end: 41 }],
      confidence: 0.4,
    },
  ],
  areas: [{ id: 'research', spans: [], confidence: 0.8 }],
  commitments: [{ text: 'Hai bên thúc đẩy nghiên cứu', status: 'proposed', spans: [], confidence: 0.7 }],
  policies: [{ number: '72-NQ/TW', spans: [], confidence: 0.95 }],
  progress: [],
};

describe('review state', () => {
  it('turns every drafted item into an editable item, reading the annotation field names too', () => {
    const items = createItems(draft);
    expect(items.map((item) => item.section)).toEqual([
      'events',
      'partners',
      'participants',
      'agreements',
      'areas',
      'commitments',
      'policies',
    ]);
    expect(items.find((item) => item.section === 'policies')?.fields.number).toBe('72-NQ/TW');
    expect(items.find((item) => item.section === 'participants')?.fields.countryCode).toBe('VN');
    expect(items.find((item) => item.section === 'areas')?.fields.id).toBe('research');
  });

  it('waits for a decision on every item that may duplicate an existing record', () => {
    const items = createItems(draft).map((item) =>
      item.section === 'participants' ? { ...item, candidateCount: 1 } : item,
    );
    expect(listUndecided(items).map((item) => item.section)).toEqual(['participants']);
    const linked = items.map((item) => ({ ...item, linkedId: item.candidateCount ? 'p-1' : null }));
    expect(listUndecided(linked)).toEqual([]);
    const confirmedNew = items.map((item) => ({ ...item, isNewConfirmed: true }));
    expect(listUndecided(confirmedNew)).toEqual([]);
  });

  it('flags items the reader was unsure of', () => {
    const flagged = createItems(draft)
      .filter(isLowConfidence)
      .map((item) => item.section);
    expect(flagged).toEqual(['agreements']);
  });

  it('cuts the text into runs at every span edge, covering the whole text', () => {
    const segments = buildSegments(text.length, listMarks(createItems(draft)));
    expect(segments.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text);
    const person = segments.find((segment) => segment.marks[0]?.type === 'person');
    expect(text.slice(person?.start, person?.end)).toBe('Nguyễn Tri Thức');
  });

  it('leaves dropped items out of the accept payload and keeps edits', () => {
    const items = createItems(draft).map((item) =>
      item.section === 'agreements'
        ? { ...item, state: 'dropped' as const }
        : item.section === 'participants'
          ? { ...item, fields: { ...item.fields, title: 'Thứ trưởng Bộ Y tế' }, linkedId: 'p-1' }
          : item,
    );
    const payload = buildAcceptPayload(items, true, 3);
    expect(payload).toMatchObject({ publish: true, version: 3 });
    expect(payload.agreements).toEqual([]);
    expect(payload.participants?.[0]).toMatchObject({
      name: 'Nguyễn Tri Thức',
      title: 'Thứ trưởng Bộ Y tế',
      personId: 'p-1',
      countryCode: 'VN',
    });
    expect(payload.partners).toEqual([{ code: 'BY', spans: [{ start: 46, end: 53 }] }]);
    expect(payload.areaIds).toEqual(['research']);
    expect(payload.policyNumbers).toEqual(['72-NQ/TW']);
    expect(payload.commitments?.[0]).toMatchObject({ text: 'Hai bên thúc đẩy nghiên cứu', areaIds: [] });
  });

  it("posts each event's own title and each commitment's status, as drafted or as edited", () => {
    const drafted = buildAcceptPayload(createItems(draft), false, 1);
    expect(drafted.events?.[0]?.title).toBe('Lễ ký Bản ghi nhớ với Belarus');
    expect(drafted.commitments?.[0]?.status).toBe('proposed');
    const edited = createItems(draft).map((item) =>
      item.section === 'events'
        ? { ...item, fields: { ...item.fields, title: '  ' } }
        : item.section === 'commitments'
          ? { ...item, fields: { ...item.fields, status: 'agreed' } }
          : item,
    );
    const payload = buildAcceptPayload(edited, false, 1);
    // A commitment added from selected source text starts as agreed.
    expect(createItem('commitments', 'added-0', 'Hai bên sẽ phối hợp đào tạo').fields.status).toBe('agreed');
    // A cleared title leaves the server to use the article's.
    expect(payload.events?.[0]?.title).toBeUndefined();
    expect(payload.commitments?.[0]?.status).toBe('agreed');
  });
});

describe('failedSections', () => {
  it('names the sections a failed recogniser left incomplete, the whole article as null', () => {
    expect(failedSections({})).toEqual([]);
    expect(
      failedSections({
        readerFailures: [
          { recogniser: 'people', message: 'Error: x' },
          { recogniser: 'agreements', message: 'Error: y' },
          { recogniser: 'participants', message: 'Error: z' },
          { recogniser: 'article', message: 'RangeError: w' },
        ],
      }),
    ).toEqual(['participants', 'agreements', null]);
  });
});
