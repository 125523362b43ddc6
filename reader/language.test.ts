import { describe, expect, it } from 'vitest';
import { unsupportedLanguage } from './language.ts';

describe('unsupportedLanguage', () => {
  it('tells Chinese, Japanese, Korean and Russian articles', () => {
    expect(unsupportedLanguage('越南卫生部与世界卫生组织签署合作备忘录。双方将加强在疫苗领域的合作。')).toBe(
      'zh',
    );
    expect(unsupportedLanguage('ベトナム保健省は日本の厚生労働省と協力覚書に署名しました。')).toBe('ja');
    expect(unsupportedLanguage('베트남 보건부와 한국 보건복지부가 협력 양해각서를 체결했다.')).toBe('ko');
    expect(unsupportedLanguage('Министерство здравоохранения Вьетнама подписало меморандум.')).toBe('ru');
  });

  it('reads Vietnamese and English, even with a foreign name or quote in them', () => {
    expect(
      unsupportedLanguage('Bộ trưởng Bộ Y tế tiếp Đại sứ Trung Quốc Hùng Ba (熊波) tại Hà Nội.'),
    ).toBeNull();
    expect(
      unsupportedLanguage('The Minister of Health received the Russian Ambassador (Посол) in Hanoi.'),
    ).toBeNull();
    expect(unsupportedLanguage('')).toBeNull();
    expect(unsupportedLanguage('2024 — 12/5')).toBeNull();
  });
});
