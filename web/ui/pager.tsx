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

/** Pages of a list whose total may be capped ("1,000+"): past the cap there is always a next
 * page while the current one is full; `isOpen` says the count is a lower bound. */
export function countPages(list: {
  total: number;
  isTotalCapped?: boolean | undefined;
  pageSize: number;
  page: number;
  itemCount: number;
}): { pages: number; isOpen: boolean } {
  const known = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (!list.isTotalCapped) return { pages: known, isOpen: false };
  const isFull = list.itemCount >= list.pageSize;
  return { pages: Math.max(known, isFull ? list.page + 1 : list.page), isOpen: true };
}
