import { describe, expect, it } from 'vitest';
import { tokenize } from './normalise.ts';
import { segmentSentences } from './segment.ts';

function sentencesOf(text: string): string[] {
  return segmentSentences(tokenize(text)).map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences', () => {
  it('does not split after academic titles and initials', () => {
    expect(sentencesOf('GS.TS. Trần Văn A dự họp. TS. Kim B phát biểu. Ông J. Smith đến.')).toEqual([
      'GS.TS. Trần Văn A dự họp.',
      'TS. Kim B phát biểu.',
      'Ông J. Smith đến.',
    ]);
  });

  it('does not split dates, decimals or TP.', () => {
    expect(sentencesOf('Ngày 08.10.2024 tại TP. Hồ Chí Minh có 1.5 triệu liều. Xong.')).toHaveLength(2);
  });

  it('ends a sentence at every line break', () => {
    expect(sentencesOf('Tiêu đề\nThân bài một. Hai')).toEqual(['Tiêu đề', 'Thân bài một.', 'Hai']);
  });

  it('keeps the closing quote and ./. with the sentence', () => {
    expect(sentencesOf('Ông nói: “Tốt.” Sau đó về./. Hết')).toEqual([
      'Ông nói: “Tốt.”',
      'Sau đó về./.',
      'Hết',
    ]);
  });

  it('keeps a list line whole after its number, but ends a sentence after a number mid-line', () => {
    expect(
      sentencesOf('Như sau:\n1. Chia sẻ thông tin;\nII. Nội dung khác.\nTổng số ca là 12. Sau đó giảm.'),
    ).toEqual([
      'Như sau:',
      '1. Chia sẻ thông tin;',
      'II. Nội dung khác.',
      'Tổng số ca là 12.',
      'Sau đó giảm.',
    ]);
  });

  it('ends a sentence at a full stop pasted without its space, but not inside a domain, acronym or number', () => {
    expect(
      sentencesOf('Hai bên nhất trí hợp tác.Hai bên sẽ ký kết. Báo VTV.vn đưa tin tại TP.HCM lúc 8.30.'),
    ).toEqual(['Hai bên nhất trí hợp tác.', 'Hai bên sẽ ký kết.', 'Báo VTV.vn đưa tin tại TP.HCM lúc 8.30.']);
    expect(sentencesOf('The sides agreed to cooperate.They will meet again, said Dr.Smith.')).toEqual([
      'The sides agreed to cooperate.',
      'They will meet again, said Dr.Smith.',
    ]);
  });
});
