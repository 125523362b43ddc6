interface PagerProps {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  labels: { navigation: string; previous: string; next: string; status: string };
}

export function Pager({ page, pageCount, onPage, labels }: PagerProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={labels.navigation}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {labels.previous}
      </button>
      <span aria-live="polite">{labels.status}</span>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {labels.next} →
      </button>
    </nav>
  );
}
