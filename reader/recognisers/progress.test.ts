import { describe, expect, it } from 'vitest';
import type { DraftPartner } from '../../common/contracts/draft.ts';
import { findProgress } from './progress.ts';

const korea: DraftPartner = { code: 'KR', kind: 'country', spans: [], confidence: 0.6 };

function read(text: string, published: string | null = '2025-11-10', partners: DraftPartner[] = []) {
  return findProgress({ text, published }, partners);
}

describe('findProgress', () => {
  it('reads a Vietnamese completion as completed, dated by the article', () => {
    const [statement] = read('Hai bên đã hoàn thành việc đào tạo 200 bác sĩ về phẫu thuật nội soi.');
    expect(statement?.kind).toBe('completed');
    expect(statement?.date).toBe('2025-11-10');
  });

  it('reads a handover and putting into use as completed', () => {
    expect(read('Trung tâm đã được đưa vào sử dụng từ tháng này với sự hỗ trợ của JICA.')[0]?.kind).toBe(
      'completed',
    );
    expect(read('The equipment was handed over to Bach Mai Hospital by the Korean side.')[0]?.kind).toBe(
      'completed',
    );
    expect(read('The new wing has been put into operation, serving 500 patients a day.')[0]?.kind).toBe(
      'completed',
    );
  });

  it('reads review meetings in both languages as review', () => {
    expect(read('Hai bộ tổ chức hội nghị sơ kết 3 năm thực hiện Bản ghi nhớ về hợp tác y tế.')[0]?.kind).toBe(
      'review',
    );
    expect(read('The two sides held a review of the implementation of the MoU on health.')[0]?.kind).toBe(
      'review',
    );
  });

  it('reads work under way as progress', () => {
    expect(read('Dự án đã được triển khai tại 5 tỉnh miền núi phía Bắc.')[0]?.kind).toBe('progress');
    expect(read('The programme has been implemented in 12 provinces so far.')[0]?.kind).toBe('progress');
  });

  it('takes the day the sentence gives over the article date', () => {
    expect(read('Ngày 5/11, hai bên đã bàn giao hệ thống xét nghiệm cho bệnh viện.')[0]?.date).toBe(
      '2025-11-05',
    );
  });

  it('keeps partners named in the sentence and the agreement words as hints', () => {
    const text = 'Hàn Quốc và Việt Nam đã hoàn thành các hoạt động theo Bản ghi nhớ về y tế dự phòng.';
    const [statement] = read(text, '2025-11-10', [{ ...korea, spans: [{ start: 0, end: 8 }] }]);
    expect(statement?.partnerCodes).toEqual(['KR']);
    expect(statement?.agreementHint).toContain('ban ghi nho ve y te du phong');
  });

  it('leaves promises of future completion to the commitments', () => {
    expect(read('Hai bên sẽ hoàn thành việc chuyển giao kỹ thuật ghép gan trong năm 2026.')).toEqual([]);
    expect(read('The hospital is expected to be completed and handed over next year.')).toEqual([]);
  });

  it('treats completion in an earlier year as history, unless the year dates the agreement', () => {
    expect(read('Năm 2019, hai bên đã hoàn thành dự án xây dựng bệnh viện Việt Đức.')).toEqual([]);
    expect(read('In 2018 the two countries completed a project on malaria control.')).toEqual([]);
    expect(read('Theo Bản ghi nhớ ký năm 2019, hai bên đã hoàn thành đào tạo 100 điều dưỡng.')).toHaveLength(
      1,
    );
  });

  it('finds nothing in an article without progress', () => {
    expect(read('Bộ trưởng tiếp Đại sứ Hàn Quốc và trao đổi về hợp tác trong lĩnh vực y tế.')).toEqual([]);
  });
});
