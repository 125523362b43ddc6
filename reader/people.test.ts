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

  it('leaves out people of a time the sentence sets earlier, and places after their kind', () => {
    const read = draftArticle({
      text: 'Tiêu đề\n\nSáng 4/3, Thứ trưởng Lê Văn Bình tiếp Giám đốc Sở Y tế tỉnh Kông Phen. Năm 2019, nguyên Bộ trưởng Trần Văn Hùng đã thăm Sở. In 2021, Professor Anna Berg led a survey.',
      published: '2026-03-04',
    }).participants.map((p) => p.name);
    expect(read).toEqual(['Lê Văn Bình']);
  });

  it('leaves out photographers after an agency, press contacts and bodies after at or of', () => {
    expect(
      names(
        'On 5 March, Deputy Minister Le Van Binh met Dr Sanjeev Pillai, head of oncology at Murray Coast, and the Department of Gynaecological Oncology.\nPhoto: UNFPA Viet Nam/Nguyen Minh Duc\nFor more information, please contact: Ms Tran Thu Ha, Communications Analyst.',
        'en',
      ),
    ).toEqual(['Le Van Binh', 'Sanjeev Pillai']);
  });

  it('reads a university named after its city as a body, not a person', () => {
    expect(
      names('Sáng 9/4, PGS.TS. Hoàng Thị Lan, Phó Hiệu trưởng Trường Đại học Y Hà Nội tiếp đoàn.'),
    ).toEqual(['Hoàng Thị Lan']);
  });

  it('leaves out people of a former title, keeps a name that merely sounds like the marker', () => {
    expect(
      names(
        'Sáng 6/11, PGS.TS. Trần Đình Nguyên, Phó Giám đốc Bệnh viện, tiếp đoàn. Dưới thời nguyên Giám đốc Phạm Văn Bình, bệnh viện phát triển mạnh. Dự án gắn với chuyên gia Nakamura Hideo, cố vấn trưởng của Dự án khi đó.',
      ),
    ).toEqual(['Trần Đình Nguyên']);
    expect(
      names(
        'The memorandum was signed by then Mongolian Health Minister Tsogtbaatar Ganzorig. On 3 June, Undersecretary Maria Teresa Delos Santos met the delegation at the ASEAN Senior Officials Meeting.',
        'en',
      ),
    ).toEqual(['Maria Teresa Delos Santos']);
  });

  it('keeps people near words that only look like history markers', () => {
    expect(
      names(
        'Sáng 5/3, bà Phạm Thị Nguyên và Thứ trưởng Trần Văn Thuấn tiếp đoàn. Đại diện Bộ Tài nguyên, Thứ trưởng Lê Minh Ngân phát biểu. Thứ trưởng Đỗ Xuân Tuyên cho biết, khi đó người bệnh được chuyển viện.',
      ),
    ).toEqual(['Phạm Thị Nguyên', 'Trần Văn Thuấn', 'Lê Minh Ngân', 'Đỗ Xuân Tuyên']);
    expect(
      names(
        'The delegation then met Deputy Minister Peter Takacs and US Secretary of State Antony Blinken.',
        'en',
      ),
    ).toEqual(['Peter Takacs', 'Antony Blinken']);
  });

  it('leaves out the source of a figure', () => {
    expect(
      names(
        'Sáng 5/3, Thứ trưởng Lê Văn Bình tiếp đoàn. Theo số liệu do TS. Trần Văn Nam, Giám đốc Trung tâm, công bố, tỷ lệ mắc giảm.',
      ),
    ).toEqual(['Lê Văn Bình']);
  });

  it('matches tone placement variants of a title', () => {
    expect(names('Uỷ viên Bộ Chính trị Lê Văn Dũng dự lễ.')).toEqual(['Lê Văn Dũng']);
  });

  it("takes an English participant's country from the demonym before the title", () => {
    const read = draftArticle({
      text: 'Title\n\nVietnamese Health Minister Dao Hong Lan received Japanese Ambassador Ito Naoki in Hanoi.',
      lang: 'en',
    }).participants.map((p) => [p.name, p.country]);
    expect(read).toEqual([
      ['Dao Hong Lan', 'VN'],
      ['Ito Naoki', 'JP'],
    ]);
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

  it('keeps hyphenated given names whole', () => {
    expect(names('Về phía Hàn Quốc có ông Choi Min-jae, Viện trưởng Viện Vắc xin Quốc tế.')).toEqual([
      'Choi Min-jae',
    ]);
  });

  it('reads an organisation name before the person and alone as no person', () => {
    expect(names('Giám đốc Bệnh viện Chợ Rẫy Phạm Văn Tâm phát biểu.')).toEqual(['Phạm Văn Tâm']);
    expect(
      names('Viện trưởng Nguyễn Văn Lộc cho biết sẽ hỗ trợ Bệnh viện Bạch Long xây dựng phác đồ.'),
    ).toEqual(['Nguyễn Văn Lộc']);
  });

  it('reads English titles around organisations and names', () => {
    expect(names('Mekong Diagnostics CEO Lee Hye-won spoke online.', 'en')).toEqual(['Lee Hye-won']);
    expect(
      names('Officials met Maria Lopez, Asian Development Bank Country Director for Vietnam.', 'en'),
    ).toEqual(['Maria Lopez']);
    expect(names('Also present was Head of the Provincial Planning Department Lê Thị Thu.', 'en')).toEqual([
      'Lê Thị Thu',
    ]);
  });

  it('leaves out quoted outside sources and owners of past work', () => {
    expect(
      names('According to epidemiologist Dr Mark Fisher of a Sydney university, costs are high.', 'en'),
    ).toEqual([]);
    expect(names('Công trình của GS. Trần Văn Khang được công bố từ lâu.')).toEqual([]);
  });

  it('keeps particles and initials inside foreign names, not Vietnamese verbs', () => {
    expect(names('The talks were attended by Dr Anna van der Berg and Dr Hans P. Muller.', 'en')).toEqual([
      'Anna van der Berg',
      'Hans P. Muller',
    ]);
    expect(names('Thứ trưởng Trần Văn Bình đề nghị Bộ Y tế hai nước phối hợp.')).toEqual(['Trần Văn Bình']);
  });
});

describe('English bodies and places', () => {
  it('does not take a body after "the" or a place after "visited" for a person', () => {
    const read = draftArticle({
      text: 'Title\n\nDirector Jane Doe of the Red Cross visited Siem Reap with Mr Tom Lee.',
      lang: 'en',
    }).participants.map((p) => p.name);
    expect(read).toEqual(['Jane Doe', 'Tom Lee']);
  });
});
