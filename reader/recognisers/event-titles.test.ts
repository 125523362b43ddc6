import { describe, expect, it } from 'vitest';
import { draftArticle } from '../assemble.ts';

const titlesOf = (text: string, lang: 'vi' | 'en') =>
  draftArticle({ text, published: '2024-03-14', lang }).events.map((event) => [event.kind, event.title]);

describe('events: each event has a title of its own', () => {
  it('titles a Vietnamese visit and the signing inside it by their agreement, partner and place', () => {
    const titles = titlesOf(
      'Tăng cường hợp tác y tế Việt Nam - Hàn Quốc\n\nNgày 14/3/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan có chuyến thăm và làm việc tại Seoul. Hai bên đã ký Bản ghi nhớ hợp tác y tế giữa Bộ Y tế Việt Nam và Bộ Y tế và Phúc lợi Hàn Quốc.',
      'vi',
    );
    expect(titles).toContainEqual(['visit', 'Chuyến thăm và làm việc tại Seoul']);
    expect(titles).toContainEqual(['signing', 'Lễ ký Bản ghi nhớ hợp tác y tế với Hàn Quốc']);
  });

  it('titles English events in English, naming the agreement and the visiting envoy', () => {
    const signing = titlesOf(
      'Vietnam, RoK enhance cooperation in health care\n\nVietnamese Minister of Health Nguyen Thi Kim Tien and Korean Minister of Health and Welfare Park Neung-hoo signed a Memorandum of Understanding on health cooperation in Seoul on March 14, 2024.',
      'en',
    );
    expect(signing).toContainEqual([
      'signing',
      'Signing of the Memorandum of Understanding on health cooperation with the Republic of Korea',
    ]);
    const call = titlesOf(
      'Deputy Minister receives Japanese Ambassador\n\nOn March 14, 2024, Deputy Minister of Health Tran Van Thuan received Ambassador of Japan to Vietnam Ito Naoki, who paid a courtesy call on the Ministry of Health in Hanoi.',
      'en',
    );
    expect(call).toEqual([['courtesy_call', 'Courtesy call by the Ambassador of Japan to Vietnam']]);
  });

  it('gives the events of one article different titles, short and never the sentence', () => {
    const text =
      'Vietnam, RoK enhance cooperation in health care\n\nOn March 14, 2024, the two health ministers held talks in Seoul. After the talks, they signed a Memorandum of Understanding on health cooperation between the Ministry of Health of Vietnam and the Ministry of Health and Welfare of the Republic of Korea, which both sides described at length to the press.';
    const draft = draftArticle({ text, published: '2024-03-14', lang: 'en' });
    const titles = draft.events.map((event) => event.title);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) {
      expect(title).toBeTruthy();
      expect(title?.length).toBeLessThanOrEqual(120);
      expect(title).not.toBe(draft.title);
      expect(text).not.toContain(title);
    }
  });

  it('titles a handover by what is handed over and who gives it', () => {
    const titles = titlesOf(
      'Việt Nam nhận viện trợ từ Ả Rập Xê Út\n\nChiều 5/8/2024, Thứ trưởng Trương Quốc Cường thay mặt Bộ Y tế tiếp nhận gói viện trợ y tế trị giá 500.000 USD của Ả Rập Xê Út.',
      'vi',
    );
    expect(titles).toContainEqual(['handover', 'Lễ tiếp nhận gói viện trợ y tế của Ả Rập Xê Út']);
    const doses = titlesOf(
      'Việt Nam nhận vaccine từ Nhật Bản\n\nNgày 25/11/2024, tại Hà Nội, Chính phủ Nhật Bản trao tặng hơn 1,5 triệu liều vaccine cho Bộ Y tế.',
      'vi',
    );
    expect(doses).toContainEqual(['handover', 'Lễ trao tặng hơn 1,5 triệu liều vaccine của Nhật Bản']);
  });
});
