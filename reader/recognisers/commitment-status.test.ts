import { describe, expect, it } from 'vitest';
import { draftArticle } from '../assemble.ts';

const statusesOf = (body: string, lang: 'vi' | 'en' = 'vi') =>
  draftArticle({ text: `Tiêu đề bài viết\n\n${body}`, published: null, lang }).commitments.map((c) => [
    c.text.slice(0, 30),
    c.status,
  ]);

describe('commitments: the status follows the verb', () => {
  it('reads a Vietnamese wish, request or proposal as proposed', () => {
    for (const sentence of [
      'Bộ trưởng mong muốn hai bên tăng cường hợp tác trong đào tạo nhân lực y tế.',
      'Thứ trưởng đề nghị phía Nhật Bản tiếp tục hỗ trợ trang thiết bị cho bệnh viện tuyến tỉnh.',
      'Đại sứ đề xuất hai nước phối hợp tổ chức hội thảo về y học cổ truyền.',
      'Bộ trưởng hy vọng hợp tác y tế giữa hai nước sẽ tiếp tục phát triển trong những năm tới.',
    ]) {
      expect(
        statusesOf(sentence).map(([, status]) => status),
        sentence,
      ).toEqual(['proposed']);
    }
  });

  it('reads a Vietnamese agreement or promise as agreed', () => {
    for (const sentence of [
      'Hai bên nhất trí thành lập nhóm công tác chung về phòng chống dịch bệnh.',
      'Bộ Y tế cam kết sử dụng hiệu quả khoản viện trợ trong công tác phòng chống dịch.',
      'Phía Hàn Quốc sẽ cử chuyên gia sang Việt Nam để đào tạo bác sĩ tuyến tỉnh.',
      // 'theo đề nghị của' is at the request of: the promise that follows decides.
      'Theo đề nghị của Bộ Y tế, phía Hàn Quốc sẽ cử chuyên gia sang đào tạo bác sĩ tuyến tỉnh.',
    ]) {
      expect(
        statusesOf(sentence).map(([, status]) => status),
        sentence,
      ).toEqual(['agreed']);
    }
  });

  it('reads an English wish or suggestion as proposed', () => {
    for (const sentence of [
      'Vietnam wants to partner with Korea in training for medical profession certification.',
      'Korea would like to expand cooperation with Vietnam in traditional medicine.',
      'The two sides could also collaborate in producing medicine, the Korean minister suggested.',
      'He proposed that the two ministries set up a joint working group on vaccines.',
      'The ambassador calls on both countries to share data on tuberculosis control.',
      'Mutual recognition of medical certificates should be considered by both sides.',
    ]) {
      expect(
        statusesOf(sentence, 'en').map(([, status]) => status),
        sentence,
      ).toEqual(['proposed']);
    }
  });

  it('reads an English agreement or promise as agreed', () => {
    for (const sentence of [
      'The two sides agreed to set up a joint working group on vaccine production.',
      'Korea will send experts to train doctors at provincial hospitals in Vietnam.',
      'The ministry committed to bolstering cooperation in health insurance with Korea.',
    ]) {
      expect(
        statusesOf(sentence, 'en').map(([, status]) => status),
        sentence,
      ).toEqual(['agreed']);
    }
  });

  it('gives each element of a list the status of its heading', () => {
    const statuses = statusesOf(
      'Bộ trưởng đề nghị phía Úc quan tâm các nội dung sau:\n- Hỗ trợ đào tạo nhân lực y tế cho các tỉnh miền núi;\n- Chia sẻ kinh nghiệm xây dựng hệ thống bảo hiểm y tế toàn dân.',
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every(([, status]) => status === 'proposed')).toBe(true);
  });
});
