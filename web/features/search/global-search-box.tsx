import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The workspace's search box: "/" or Ctrl+K (⌘K) focuses it from anywhere. */
export function GlobalSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const isShortcut =
        (event.key === 'k' && (event.ctrlKey || event.metaKey)) ||
        (event.key === '/' && !isTypingTarget(event.target));
      if (!isShortcut) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (q) navigate(`/app/search?q=${encodeURIComponent(q)}`);
  }

  return (
    <search className="global-search">
      <form onSubmit={submit}>
        <label htmlFor="global-search" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={inputRef}
          id="global-search"
          type="search"
          name="q"
          value={query}
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/ Control+K"
          title={t('search.shortcutHint')}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
    </search>
  );
}
