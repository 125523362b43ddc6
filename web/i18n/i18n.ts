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

/** The language to start in: `?lang=` in the address, then the language a server-rendered page was
 * written in (so hydration meets the same words), then the reader's stored choice. */
function readInitialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const root = globalThis.document?.getElementById('root');
  const rendered = globalThis.document?.documentElement.lang;
  if (root?.hasAttribute('data-ssr') && isLanguage(rendered)) return rendered;
  return readStoredLanguage();
}

export function initI18n(language?: Language): typeof i18next {
  const lng = language ?? readInitialLanguage();
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  if (globalThis.document) document.documentElement.lang = lng;
  return i18next;
}

/** Server rendering only: switches the shared instance at once (resources are in memory, so
 * i18next changes language synchronously). */
export function setRenderLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  if (i18next.language !== language) throw new Error(`i18next did not switch to ${language} at once`);
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
