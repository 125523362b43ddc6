import { describe, expect, it } from 'vitest';
import { articleDraft } from '../common/contracts/draft.ts';
import { draftArticle } from './assemble.ts';

const text = [
  'Bộ Y tế Việt Nam và Tổ chức Y tế Thế giới (WHO) ký bản ghi nhớ hợp tác',
  'Ngày 12/3/2024, tại Hà Nội, Thứ trưởng Bộ Y tế Nguyễn Văn A và ông John Smith, Trưởng đại diện WHO tại Việt Nam, đã ký Bản ghi nhớ về hợp tác phòng chống bệnh không lây nhiễm.',
  'Hai bên sẽ phối hợp đào tạo nhân lực y tế trong giai đoạn 2024-2026.',
].join('\n');

describe('a recogniser that fails', () => {
  it('leaves the other recognisers’ items in the draft and names the failure', () => {
    const whole = draftArticle({ text });
    expect(whole.readerFailures).toBeUndefined();
    expect(whole.partners.length).toBeGreaterThan(0);
    expect(whole.agreements.length).toBeGreaterThan(0);

    const broken = draftArticle(
      { text },
      {
        agreements: () => {
          throw new TypeError('boom');
        },
      },
    );
    expect(broken.agreements).toEqual([]);
    expect(broken.readerFailures).toEqual([{ recogniser: 'agreements', message: 'TypeError: boom' }]);
    // Everything the other recognisers found is kept as it was; an event's title only loses the
    // agreement it would have named.
    const untitled = (draft: typeof whole) => draft.events.map((event) => ({ ...event, title: null }));
    expect(broken.events.every((event) => event.title)).toBe(true);
    expect({
      ...broken,
      events: untitled(broken),
      agreements: whole.agreements,
      readerFailures: undefined,
    }).toEqual({ ...whole, events: untitled(whole), readerFailures: undefined });
    expect(articleDraft.safeParse(broken).success).toBe(true);
  });

  it('gives participants no people when the people recogniser fails, and says so', () => {
    expect(draftArticle({ text }).participants.length).toBeGreaterThan(0);
    const draft = draftArticle(
      { text },
      {
        people: () => {
          throw new Error('no people today');
        },
      },
    );
    expect(draft.participants).toEqual([]);
    expect(draft.partners.length).toBeGreaterThan(0);
    expect(draft.readerFailures?.map((failure) => failure.recogniser)).toEqual(['people']);
  });
});
