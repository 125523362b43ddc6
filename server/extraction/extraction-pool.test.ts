import { describe, expect, it } from 'vitest';
import { limits } from '../../common/domain/limits.ts';
import { readConfig } from '../config.ts';
import { createExtractionPool, ExtractionFailure, toBatches } from './extraction-pool.ts';

const article =
  'Ngày 12/3/2024, Bộ Y tế Việt Nam và Bộ Y tế Lào ký Biên bản ghi nhớ về hợp tác y tế tại Hà Nội.';
const slowArticle = 'sẽ '.repeat(Math.floor(limits.sourceText / 3));
const text = (value: string) => ({
  input: { kind: 'text' as const, text: value, format: 'text' as const },
  published: null,
  lang: undefined,
});

describe('toBatches', () => {
  it('keeps the order and cuts by count and by bytes', () => {
    const sizes = [...Array.from({ length: 40 }, () => 1000), 300_000, 10];
    const batches = toBatches(sizes, (size) => size);
    expect(batches.flat()).toEqual(sizes);
    expect(batches.map((batch) => batch.length)).toEqual([32, 8, 1, 1]);
  });
});

describe('extraction pool, batch jobs', () => {
  it('drafts many articles in order, and an article past the time limit fails alone', async () => {
    const pool = createExtractionPool(
      readConfig({ LOG_LEVEL: 'silent', HOPTAC_READER_TIME_LIMIT_MS: '1000' }),
      {
        threads: 2,
      },
    );
    try {
      // Both threads load the reader first, so the limit times articles only.
      await Promise.all([pool.draftMany([text(article)]), pool.draftMany([text(article)])]);
      const items = [text(article), text('   '), text(slowArticle), text(`${article} Lần 2.`)];
      const outcomes = await pool.draftMany(items);
      expect(outcomes).toHaveLength(4);
      const [first, empty, slow, last] = outcomes;
      expect(first).not.toBeInstanceOf(ExtractionFailure);
      expect(first && 'draft' in first && first.draft.text).toBe(article);
      expect(empty).toBeInstanceOf(ExtractionFailure);
      expect((empty as ExtractionFailure).reason).toBe('empty');
      expect((slow as ExtractionFailure).reason).toBe('timed_out');
      expect(last && 'draft' in last && last.draft.text).toBe(`${article} Lần 2.`);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
