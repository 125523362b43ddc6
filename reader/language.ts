// Which language an article is in, as far as the reader needs to know: it reads Vietnamese and
// English; an article mostly written in another script (Chinese, Japanese, Korean, Cyrillic, Thai,
// Lao, Khmer, Arabic) is refused with a clear message instead of being drafted into nonsense.

/** Scripts the reader does not read, by Unicode script, with the language code they stand for. */
const unsupportedScripts: [pattern: RegExp, language: string][] = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Arabic}/u, 'ar'],
];
const letter = /\p{L}/u;
/** The opening read: enough to tell the language, short enough to stay cheap on 2 MB. */
const sampleLength = 4000;
/** Share of the opening's letters in other scripts above which the article is not Vietnamese or English. */
const foreignShare = 0.3;

/**
 * The language code of an article the reader cannot read ('zh' for Chinese), or null when it is
 * Vietnamese or English (Latin letters dominate). A Chinese name or a Russian quote in a Vietnamese
 * article does not make it foreign.
 */
export function unsupportedLanguage(text: string): string | null {
  const sample = text.slice(0, sampleLength);
  let letters = 0;
  let foreign = 0;
  const counts = new Map<string, number>();
  for (const char of sample) {
    if (char.charCodeAt(0) < 0x370) {
      if (letter.test(char)) letters++;
      continue;
    }
    if (!letter.test(char)) continue;
    letters++;
    for (const [pattern, language] of unsupportedScripts) {
      if (!pattern.test(char)) continue;
      foreign++;
      counts.set(language, (counts.get(language) ?? 0) + 1);
      break;
    }
  }
  if (letters === 0 || foreign / letters <= foreignShare) return null;
  // Japanese writes kanji (Han) beside its kana: any kana makes a Han text Japanese.
  if ((counts.get('ja') ?? 0) > 0) return 'ja';
  let best = 'zh';
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}
