import { describe, expect, it } from 'vitest';
import { draftArticle } from './assemble.ts';

function names(text: string, lang?: 'vi' | 'en'): string[] {
  return draftArticle({ text: `Tiêu đề\n\n${text}`, ...(lang ? { lang } : {}) }).participants.map(
    (p) => p.name,
  );
}

describe('participants', () => {
  it('reads a Vietnamese name after a title with its organisation and country', () => {
    const [person] = draftArticle({
      text: 'Tiêu đề\n\nThứ trưởng Bộ Y tế nước Cộng hòa xã hội chủ nghĩa Việt Nam Trần Văn Bình chủ trì buổi làm việc.',
    }).participants;
    expect(person).toMatchObject({ name: 'Trần Văn Bình', country: 'VN', role: 'chair' });
    expect(person?.title).toContain('Thứ trưởng Bộ Y tế');
  });

  it('reads foreign names after honorifics and before titles', () => {
    expect(names('Buổi tiếp có ngài Ivan Petrov, Đại sứ Liên bang Nga tại Việt Nam.')).toEqual([
      'Ivan Petrov',
    ]);
    expect(names('TS. Kim Minsoo - Viện trưởng Viện Y tế Quốc gia Hàn Quốc phát biểu.')).toEqual([
      'Kim Minsoo',
    ]);
  });

  it('reads Vũ Đức Đam as a person, not Germany', () => {
    const draft = draftArticle({ text: 'Tiêu đề\n\nPhó Thủ tướng Vũ Đức Đam tiếp đoàn.' });
    expect(draft.participants.map((p) => p.name)).toEqual(['Vũ Đức Đam']);
    expect(draft.partners).toEqual([]);
  });

  it('leaves out people named only in background sentences and places named after people', () => {
    expect(names('Tổng Bí thư Trần Văn Cả vừa ký ban hành Nghị quyết số 10-NQ/TW.')).toEqual([]);
    expect(names('Trung tâm mang tên Chủ tịch Hồ Chí Minh hoạt động hiệu quả.')).toEqual([]);
  });

  it('matches tone placement variants of a title', () => {
    expect(names('Uỷ viên Bộ Chính trị Lê Văn Dũng dự lễ.')).toEqual(['Lê Văn Dũng']);
  });

  it('reads English titles, honorifics and signers', () => {
    expect(
      names(
        'The deal was signed by Maria Lopez, on behalf of the agency, in the presence of Deputy Minister John Doe.',
        'en',
      ),
    ).toEqual(['Maria Lopez', 'John Doe']);
    expect(names('Vietnamese Ambassador to the Czech Republic Thai Van Nam met officials.', 'en')).toEqual([
      'Thai Van Nam',
    ]);
  });
});
