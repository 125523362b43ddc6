import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };

countries.registerLocale(vi);
countries.registerLocale(en);

// The library's Vietnamese names are the long formal ones ("Hợp chủng quốc Hoa Kỳ"); officers
// write the short common name, so a reviewed short name wins where they differ.
const shortVietnameseNames: Record<string, string> = {
  US: 'Hoa Kỳ',
  RU: 'Nga',
  LA: 'Lào',
  KR: 'Hàn Quốc',
  KP: 'Triều Tiên',
  CN: 'Trung Quốc',
  GB: 'Vương quốc Anh',
  CZ: 'Séc',
  DE: 'Đức',
  FR: 'Pháp',
  JP: 'Nhật Bản',
  IN: 'Ấn Độ',
  CU: 'Cuba',
};

export function isCountryCode(code: string): boolean {
  return countries.isValid(code.toUpperCase()) && code.length === 2;
}

export function findCountryNames(code: string): { nameVi: string; nameEn: string } | null {
  const upper = code.toUpperCase();
  if (!isCountryCode(upper)) return null;
  const nameEn = countries.getName(upper, 'en') ?? upper;
  const nameVi = shortVietnameseNames[upper] ?? countries.getName(upper, 'vi') ?? nameEn;
  return { nameVi, nameEn };
}

/** ISO 3166-1 numeric code ("112" for BY), the id of a country's shape in Natural Earth maps. */
export function findNumericCode(code: string): string | null {
  return isCountryCode(code) ? (countries.alpha2ToNumeric(code.toUpperCase()) ?? null) : null;
}
