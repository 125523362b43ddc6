import { describe, expect, it } from 'vitest';
import { draftArticle } from './assemble.ts';

function sides(text: string, lang?: 'vi' | 'en'): [string, string | null][] {
  return draftArticle({ text, ...(lang ? { lang } : {}) }).participants.map((p) => [p.name, p.country]);
}

describe('participant sides', () => {
  it('gives an unmarked Vietnamese name in an English article the Vietnamese side', () => {
    const read = sides(
      'Talks in Vientiane\n\nA delegation of the Ministry of Health led by Minister Tran Van Binh held talks with its Lao counterpart.',
      'en',
    );
    expect(read).toContainEqual(['Tran Van Binh', 'VN']);
  });

  it('takes the country before "to" as the side of an ambassador, not the posting', () => {
    const read = sides(
      'Embassy visit\n\nPolish Ambassador to Vietnam Jan Kowalski said that the two countries would cooperate.',
      'en',
    );
    expect(read).toContainEqual(['Jan Kowalski', 'PL']);
  });

  it('takes a country closing the title after a comma as the side', () => {
    const read = sides(
      'Hội đàm\n\nĐoàn đã hội đàm với đoàn do ông Thạch Văn Long, Chủ nhiệm Văn phòng Ngoại sự Khu tự trị Quảng Tây, Trung Quốc dẫn đầu.',
    );
    expect(read).toContainEqual(['Thạch Văn Long', 'CN']);
  });
});
