import { useTranslation } from 'react-i18next';
import { changeLanguage, getLanguage, languages } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : getLanguage();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not form fields
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => void changeLanguage(language)}
        >
          {language === 'vi' ? 'VI' : 'EN'}
          <span className="visually-hidden"> {t(`languages.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}
