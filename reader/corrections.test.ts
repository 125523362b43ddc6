import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commitmentOverlap,
  correctDirectory,
  countCorrections,
  formatCorrections,
  grandTotal,
  sumCorrections,
} from './corrections.ts';

// Small made-up annotations and drafts (no evaluation article), in the annotation format.
const event = (kind: string, start: string | null) => ({
  kind,
  start,
  end: null,
  mode: null,
  location: null,
});
const person = (name: string, country: string | null) => ({ name, title: null, org: null, country });

const longPromise =
  'Hai bên thống nhất sẽ phối hợp đào tạo bác sĩ trẻ, trao đổi chuyên gia y tế và xây dựng một trung tâm nghiên cứu vắc xin tại Hà Nội trong giai đoạn 2025 đến 2030';

const annotation = {
  partners: ['KR', 'VN'],
  areas: ['vaccines', 'training'],
  participants: [
    person('Nguyễn Văn An', 'VN'),
    person('Kim Min-su', 'KR'),
    person('Park Ji-sung', 'KR'),
    person('Trần Thị Hoa', null),
  ],
  events: [event('visit', '2024-05-01'), event('signing', '2024-05-02'), event('conference', '2024-06-01')],
  agreements: [{ kind: 'mou', status: 'signed', parties: [], date: null, title: null }],
  commitments: [
    'Bệnh viện Chợ Rẫy sẽ tiếp nhận mười điều dưỡng sang thực tập mỗi năm',
    longPromise,
    'Phía Hàn Quốc sẽ tài trợ thiết bị chẩn đoán hình ảnh cho tỉnh Lào Cai',
  ],
};

const draft = {
  partners: ['JP', 'KR', 'VN'],
  areas: ['training'],
  participants: [
    person('Đại tá Nguyễn Văn An', 'VN'), // a rank left on the name: an edit
    person('Kim Min-su', 'VN'), // right name, wrong side: an edit
    person('Nguyễn Văn Bình', 'VN'), // shares two of three words with An but is someone else: a delete
    person('Trần Thị Hoa', 'VN'), // the annotation gives no side: right
  ],
  events: [
    event('visit', '2024-05-03'), // right kind, wrong date: an edit
    event('signing', '2024-05-02'), // right
    event('signing', '2024-05-02'), // the same event twice: a delete
    event('talks', '2024-06-01'), // right date, wrong kind: an edit
  ],
  agreements: [
    { kind: 'mou', status: 'proposed', parties: [], date: null, title: null }, // wrong status: an edit
    { kind: 'agreement', status: 'signed', parties: [], date: null, title: null }, // unpaired: a delete
  ],
  commitments: [
    'Bệnh viện Chợ Rẫy sẽ tiếp nhận mười điều dưỡng sang thực tập mỗi năm', // right
    'xây dựng một trung tâm nghiên cứu vắc xin', // a fragment of the long promise: an edit
    'Hội nghị đã diễn ra thành công tốt đẹp', // a delete
  ],
};

describe('corrections in review', () => {
  const counts = countCorrections(annotation, draft);

  it('counts partners and areas as deletes and adds (VN is no partner)', () => {
    expect(counts.kinds.partners).toEqual({ deletes: 1, adds: 0, edits: 0 });
    expect(counts.kinds.areas).toEqual({ deletes: 0, adds: 1, edits: 0 });
  });

  it('pairs a participant with a rank left on the name, and one on the wrong side, as edits', () => {
    expect(counts.kinds.participants).toEqual({ deletes: 1, adds: 1, edits: 2 });
    expect(counts.editFields['participants.name']).toBe(1);
    expect(counts.editFields['participants.side']).toBe(1);
  });

  it('pairs an event with the right kind and the wrong date, or the right date and the wrong kind', () => {
    expect(counts.kinds.events).toEqual({ deletes: 1, adds: 0, edits: 2 });
    expect(counts.editFields['events.date']).toBe(1);
    expect(counts.editFields['events.kind']).toBe(1);
  });

  it('pairs an agreement of the right kind and the wrong status as an edit', () => {
    expect(counts.kinds.agreements).toEqual({ deletes: 1, adds: 0, edits: 1 });
    expect(counts.editFields['agreements.status']).toBe(1);
  });

  it("keeps the scorer's commitment matches and pairs a fragment the scorer misses as an edit", () => {
    // The fragment's Jaccard with the sentence is below the scorer's 0.35, its overlap is whole.
    expect(commitmentOverlap(longPromise, 'xây dựng một trung tâm nghiên cứu vắc xin')).toBe(1);
    expect(counts.kinds.commitments).toEqual({ deletes: 1, adds: 1, edits: 1 });
  });

  it('counts nothing for a draft equal to its annotation, everything for an empty draft', () => {
    expect(grandTotal(countCorrections(annotation, annotation))).toBe(0);
    const empty = countCorrections(annotation, {});
    // 1 partner, 2 areas, 4 participants, 3 events, 1 agreement, 3 commitments
    expect(grandTotal(empty)).toBe(14);
    expect(empty.kinds.events).toEqual({ deletes: 0, adds: 3, edits: 0 });
  });

  it('sums articles and prints the table', () => {
    const sum = sumCorrections([counts, countCorrections(annotation, {})]);
    expect(sum.kinds.events).toEqual({ deletes: 1, adds: 3, edits: 2 });
    const table = formatCorrections(sum, 2).split('\n');
    expect(table[0]).toMatch(/^kind\s+deletes\s+adds\s+edits\s+total$/);
    expect(table.find((line) => line.startsWith('events'))).toMatch(/^events\s+1\s+3\s+2\s+6$/);
    expect(table.at(-1)).toBe(
      `${grandTotal(sum)} corrections over 2 articles (${(grandTotal(sum) / 2).toFixed(2)} per article)`,
    );
  });
});

describe('a directory of articles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-corrections-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('drafts every NAME.txt beside its NAME.json and skips an annotation without its text', () => {
    writeFileSync(join(dir, 'a.txt'), 'text a');
    writeFileSync(join(dir, 'a.json'), JSON.stringify(annotation));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(annotation));
    const drafted: string[] = [];
    const result = correctDirectory(dir, (text) => {
      drafted.push(text);
      return draft;
    });
    expect(drafted).toEqual(['text a']);
    expect([...result.keys()]).toEqual(['a']);
    expect(grandTotal(result.get('a') ?? countCorrections({}, {}))).toBe(
      grandTotal(countCorrections(annotation, draft)),
    );
  });
});
