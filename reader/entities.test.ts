import { describe, expect, it } from 'vitest';
import { findEntities, isPassingMention, type Lang } from './entities.ts';
import { markLexicons } from './lexicon.ts';
import { tokenize } from './normalise.ts';

function codes(text: string, lang: Lang = 'vi'): string[] {
  return findEntities(markLexicons(tokenize(text)), lang).map((m) => m.code);
}

describe('findEntities', () => {
  it('finds formal and short Vietnamese country names', () => {
    expect(codes('Bộ Y tế Liên bang Nga và Bộ Y tế Cộng hòa Belarus')).toEqual(['RU', 'BY']);
    expect(codes('hợp tác với Hoa Kỳ, với Mỹ và với Hàn Quốc')).toEqual(['US', 'US', 'KR']);
    expect(codes('tại tỉnh Phông-Sa-Lỳ nước CHDCND Lào')).toEqual(['LA']);
  });

  it('reads the United Kingdom by its formal name and a UN agency by its own, not Ireland or the UN', () => {
    expect(codes('Chính phủ Vương quốc Anh và Bắc Ai-len tài trợ dự án')).toEqual(['GB']);
    expect(codes('phối hợp với Tổ chức Nông lương Liên hợp quốc (FAO)')).toEqual(['FAO', 'FAO']);
  });

  it('does not take an organisation quoted for a figure, or a language, as a partner', () => {
    const tokens = tokenize(
      'Theo WHO, mỗi năm có 5.000 ca. Theo ước tính của Quỹ Dân số Liên hợp quốc, tỷ lệ giảm. Giảng dạy bằng tiếng Anh. Hai bên hợp tác với UNICEF.',
    );
    const marks = markLexicons(tokens);
    const entities = findEntities(marks, 'vi');
    expect(entities.filter((e) => !isPassingMention(marks, e)).map((e) => e.code)).toEqual(['UNICEF']);
  });

  it('does not take the owner of the development goals a project cites as a partner', () => {
    for (const [text, lang] of [
      [
        'Dự án góp phần thực hiện các Mục tiêu phát triển bền vững (SDGs) của Liên hợp quốc. Hai bên hợp tác với UNICEF.',
        'vi',
      ],
      ['The plan serves the UN Sustainable Development Goals. The two sides work with UNICEF.', 'en'],
      [
        'The plan serves the Sustainable Development Goals of the United Nations. They work with UNICEF.',
        'en',
      ],
    ] as const) {
      const marks = markLexicons(tokenize(text));
      const entities = findEntities(marks, lang);
      expect(entities.filter((e) => !isPassingMention(marks, e)).map((e) => e.code)).toEqual(['UNICEF']);
    }
  });

  it('reads an organisation named by an English word only in capitals', () => {
    expect(codes('PATH Country Director Dr Nguyen Thi Hong attended', 'en')).toEqual(['PATH']);
    expect(codes('the path to recovery', 'en')).toEqual([]);
  });

  it('does not read biện pháp as France', () => {
    expect(codes('Tiêm vaccine là biện pháp phòng bệnh')).toEqual([]);
  });

  it('does not read ý nghĩa or Ý định thư as Italy', () => {
    expect(codes('Sự kiện có ý nghĩa quan trọng')).toEqual([]);
    expect(codes('Ý định thư được ký hôm nay')).toEqual([]);
    expect(codes('hai bên ký Ý định thư về y tế')).toEqual([]);
    expect(codes('hợp tác với Ý và Pháp')).toEqual(['IT', 'FR']);
  });

  it('does not read Vũ Đức Đam as Germany, nor a given name Nga as Russia', () => {
    expect(codes('Phó Thủ tướng Vũ Đức Đam tiếp đoàn')).toEqual([]);
    expect(codes('bà Nguyễn Thị Nga phát biểu')).toEqual([]);
    expect(codes('đoàn Bộ Y tế Đức sang thăm')).toEqual(['DE']);
  });

  it('keeps Vietnamese places that contain a country word apart', () => {
    expect(codes('Bệnh viện Đa khoa tỉnh Lào Cai')).toEqual([]);
    expect(codes('Đảng Lao động Mê-xi-cô')).toEqual(['MX']);
  });

  it('reads English demonyms as partners only in English text', () => {
    expect(codes('the Korean agency and Lao officials', 'en')).toEqual(['KR', 'LA']);
    expect(codes('Đảng Lao động', 'vi')).toEqual([]);
  });

  it('matches organisation acronyms only in capitals', () => {
    expect(codes('WHO and UNICEF, who came', 'en')).toEqual(['WHO', 'UNICEF']);
    expect(codes('Ngân hàng Phát triển châu Á (ADB)')).toEqual(['ADB', 'ADB']);
  });

  it('treats tone placement variants alike', () => {
    expect(codes('Cộng hoà Belarus')).toEqual(['BY']);
  });

  it('sets aside currencies, postings, standards, local bodies and former states', () => {
    const partnerCodes = (text: string, lang: Lang) => {
      const marks = markLexicons(tokenize(text));
      return findEntities(marks, lang)
        .filter((m) => !isPassingMention(marks, m))
        .map((m) => m.code);
    };
    expect(partnerCodes('Japan lent US$20 million to build a clinic.', 'en')).toEqual(['JP']);
    expect(partnerCodes('Ms Roe, UNICEF Regional Director for Thailand and Myanmar, spoke.', 'en')).toEqual([
      'UNICEF',
    ]);
    expect(partnerCodes('The plant seeks WHO prequalification for its vaccine.', 'en')).toEqual([]);
    expect(
      partnerCodes('Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Nam Định và CDC tỉnh Bắc Ninh phối hợp.', 'vi'),
    ).toEqual([]);
    expect(codes('Ông từng học tập tại Cộng hòa Dân chủ Đức những năm 1980.')).toEqual([]);
    expect(partnerCodes('The assembly runs from May 21 to 26 in Geneva (Switzerland).', 'en')).toEqual([]);
    expect(partnerCodes('Bệnh viện Đại học Toyohama (Nhật Bản) ký bản ghi nhớ.', 'vi')).toEqual(['JP']);
  });

  it('codes a national agency such as the US CDC by its country', () => {
    expect(codes('Văn phòng khu vực của CDC Hoa Kỳ khai trương.')).toEqual(['US', 'US']);
  });
});
