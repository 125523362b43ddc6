import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicOrigin } from './public-origin.ts';

export function ShareLinks({ title, path }: { title: string; path: string }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  const url = `${usePublicOrigin()}${path}`;
  const encodedUrl = encodeURIComponent(url);
  const encodedTitle = encodeURIComponent(title);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setIsCopied(true);
    } catch {
      // Clipboard refused (insecure context, permissions): the address bar still has the link.
    }
  }

  return (
    <nav className="share-links" aria-label={t('portal.share')}>
      <span>{t('portal.share')}:</span>
      <a
        href={`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        Facebook
        <span className="visually-hidden"> — {t('portal.shareFacebook')}</span>
      </a>
      <a href={`https://zalo.me/share?url=${encodedUrl}`} target="_blank" rel="noopener noreferrer">
        Zalo<span className="visually-hidden"> — {t('portal.shareZalo')}</span>
      </a>
      <a
        href={`https://x.com/intent/post?url=${encodedUrl}&text=${encodedTitle}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        X<span className="visually-hidden"> — {t('portal.shareX')}</span>
      </a>
      <a href={`mailto:?subject=${encodedTitle}&body=${encodedUrl}`}>{t('portal.shareEmail')}</a>
      <button type="button" className="link-button" onClick={() => void copyLink()}>
        {t('portal.copyLink')}
      </button>
      <span aria-live="polite" className="muted">
        {isCopied ? t('portal.linkCopied') : ''}
      </span>
    </nav>
  );
}
