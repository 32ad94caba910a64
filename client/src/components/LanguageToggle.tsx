/** The button that switches the interface between Vietnamese and English. */
import { useLocale, useT } from '../i18n/locale.js';

/** Shows the other language's name; pressing it switches to that language. */
export function LanguageToggle() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="language-toggle"
      data-testid="language-toggle"
      title={t.languageSwitch}
      lang={other}
      onClick={() => setLocale(other)}
    >
      {t.otherLanguageName}
    </button>
  );
}
