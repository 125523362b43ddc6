import { describe, expect, it } from 'vitest';
import { articleDraft } from '../common/contracts/draft.ts';
import { draftArticle } from './assemble.ts';
import { htmlToText } from './html.ts';

// Seeded, so a failure reproduces.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fragments = [
  'Chiều ngày 08/10/2024, ',
  'Thứ trưởng Bộ Y tế ',
  'Nguyễn Văn An',
  ' ký kết Bản ghi nhớ ',
  'với Cộng hoà Belarus',
  ' (từ 12-14/9)',
  '; ',
  ': ',
  'bao gồm: ',
  '“',
  '”',
  '"',
  '(',
  ')',
  '\n',
  '\n\n',
  'Tin liên quan\n',
  'ngài ',
  'Mr. John Smith, Minister of Health',
  ' WHO ',
  ' UNICEF ',
  'tháng 5/2025',
  'đầu tháng 9/',
  '14h30',
  'GS.TS. ',
  'hoà thuỷ uỷ',
  'biện pháp Ý định thư',
  'Vũ Đức Đam',
  ' sẽ tiếp tục ',
  ' đồng thời ',
  './.',
  '…',
  '-',
  '–',
  '/',
  'Nguồn Nhân Dân: https://example.vn/a',
  'Zalo',
  '中文字符',
  'русский текст',
  'العربية',
  '🙂',
  '\u0000',
  '\ufeff',
  '<div><p>',
  '</p>',
  '<script>',
  '&amp;',
  '&#x1F600;',
  '\u0301\u0300',
  'Ngày 31/2/2024',
  '99/99/9999',
  'AI HIV',
];

function randomInput(random: () => number): string {
  const shape = Math.floor(random() * 6);
  const length = 1 + Math.floor(random() * 80);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    if (shape === 0) parts.push(String.fromCharCode(Math.floor(random() * 0x3000)));
    else if (shape === 1) parts.push(String.fromCharCode(Math.floor(random() * 256)));
    else parts.push(fragments[Math.floor(random() * fragments.length)] ?? '');
  }
  return parts.join('');
}

function expectValid(text: string, published?: string | null): void {
  const draft = draftArticle({ text, published });
  const parsed = articleDraft.safeParse(draft);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  const items = [
    ...draft.events,
    ...draft.partners,
    ...draft.participants,
    ...draft.agreements,
    ...draft.areas,
    ...draft.commitments,
  ];
  for (const item of items)
    for (const span of item.spans) expect(span.end).toBeLessThanOrEqual(draft.text.length);
}

describe('draftArticle under hostile input', () => {
  it('returns a valid draft for thousands of random inputs', () => {
    const random = createRandom(20240908);
    for (let i = 0; i < 3000; i++) {
      const input = randomInput(random);
      expectValid(input, i % 7 === 0 ? '2024-13-45' : i % 5 === 0 ? '2024-10-08' : null);
      if (i % 10 === 0) expectValid(htmlToText(input));
    }
  });

  it('handles empty, whitespace-only and non-string-like inputs', () => {
    for (const text of ['', ' ', '\n\n\n', '\u0000\u0000', '\ufeff']) expectValid(text);
    // Callers outside TypeScript may pass anything; the draft is still valid.
    expect(articleDraft.safeParse(draftArticle({ text: undefined as unknown as string })).success).toBe(true);
    expect(articleDraft.safeParse(draftArticle(null as unknown as { text: string })).success).toBe(true);
  });

  // Speed is measured in bench/reader.bench.ts (2 MB worst cases), not asserted here: a timed
  // unit test fails on a busy machine, not on slow code.
  it('stays valid on large degenerate inputs', () => {
    const big = 512 * 1024;
    const inputs = [
      'a'.repeat(big),
      'Ông '.repeat(big / 4),
      '1/'.repeat(big / 2),
      '“'.repeat(big / 2),
      'Bộ trưởng Nguyễn Văn An; '.repeat(big / 26),
      '<div>'.repeat(big / 5),
    ];
    for (const text of inputs) expectValid(text);
  });
});
