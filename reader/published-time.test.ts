import { describe, expect, it } from 'vitest';
import { articleDraft } from '../common/contracts/draft.ts';
import { draftArticle } from './assemble.ts';

describe('the publication time in the draft', () => {
  it('is the clock time the date line prints', () => {
    const draft = draftArticle({ text: 'Hợp tác y tế\n08/10/2024 | 21:29\nHai bên ký kết bản ghi nhớ.' });
    expect(draft.published).toBe('2024-10-08');
    expect(draft.publishedTime).toBe('21:29');
    expect(articleDraft.parse(draft).publishedTime).toBe('21:29');
  });

  it('is absent when the date line prints no time, and older drafts without it still parse', () => {
    const draft = draftArticle({ text: 'Hợp tác y tế\n08/10/2024\nHai bên ký kết bản ghi nhớ.' });
    expect(draft.published).toBe('2024-10-08');
    expect(draft.publishedTime).toBeUndefined();
    expect(articleDraft.parse(draft).publishedTime).toBeUndefined();
  });

  it('is dropped when the caller gives another date, to which the printed time does not belong', () => {
    const draft = draftArticle({
      text: 'Hợp tác y tế\n08/10/2024 | 21:29\nHai bên ký kết bản ghi nhớ.',
      published: '2024-10-09',
    });
    expect(draft.published).toBe('2024-10-09');
    expect(draft.publishedTime).toBeUndefined();
  });
});
