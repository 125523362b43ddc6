import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'hoptac.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    // Storage can be blocked (private mode, sandboxed frames): fall back to Vietnamese.
    return 'vi';
  }
}

export function initI18n(): typeof i18next {
  const lng = readStoredLanguage();
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function getLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered when storage is blocked; the switch still applies to this page.
  }
}

/** Picks the record's label in the current language, falling back to the other one. */
export function pickLocalised(
  labelVi: string | null | undefined,
  labelEn: string | null | undefined,
): string {
  const [first, second] = getLanguage() === 'en' ? [labelEn, labelVi] : [labelVi, labelEn];
  return first || second || '';
}
