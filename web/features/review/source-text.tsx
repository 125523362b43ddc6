import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from './review.api.ts';
import type { Segment } from './review-state.ts';

const segmentId = (start: number) => `seg-${start}`;
const flashMs = 1600;

/** Scrolls the source to a span and makes every run inside it flash briefly. */
export function flashSpan(span: Span): void {
  const first = document.getElementById(segmentId(span.start));
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const runs = document.querySelectorAll<HTMLElement>('.source-text [data-start]');
  for (const run of runs) {
    const start = Number(run.dataset.start);
    if (start < span.start || start >= span.end) continue;
    run.classList.remove('flash');
    // Re-adding in the next frame restarts the animation when the same span is clicked twice.
    requestAnimationFrame(() => run.classList.add('flash'));
    window.setTimeout(() => run.classList.remove('flash'), flashMs);
  }
}

/** Character offset in the source of a DOM position inside a run (each run knows its start). */
function toOffset(node: Node | null, offset: number): number | null {
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const run = element?.closest<HTMLElement>('[data-start]');
  if (!run) return null;
  return Number(run.dataset.start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
}

/** Follows the text selection inside the source and reports its span, or null when it collapses. */
export function useSourceSelection(containerId: string, onChange: (span: Span | null, text: string) => void) {
  useEffect(() => {
    function onSelectionChange() {
      const selection = document.getSelection();
      const container = document.getElementById(containerId);
      if (!selection || !container || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const isInside = container.contains(range.commonAncestorContainer);
      if (!isInside) return;
      if (range.collapsed) {
        onChange(null, '');
        return;
      }
      const start = toOffset(range.startContainer, range.startOffset);
      const end = toOffset(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      onChange({ start, end }, selection.toString());
    }
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [containerId, onChange]);
}

interface SourceTextProps {
  id: string;
  text: string;
  segments: Segment[];
  onMarkClick: (key: string) => void;
}

export const SourceText = memo(function SourceText({ id, text, segments, onMarkClick }: SourceTextProps) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: marks are a mouse shortcut; the draft list offers the same by keyboard
    <section
      id={id}
      className="source-text"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a long scrolling region must be reachable by keyboard
      tabIndex={0}
      aria-label={t('review.source')}
      onClick={(event) => {
        const key = (event.target as HTMLElement).closest<HTMLElement>('mark')?.dataset.keys?.split(' ')[0];
        if (key) onMarkClick(key);
      }}
    >
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        const top = segment.marks[0];
        if (!top) {
          return (
            <span key={segment.start} id={segmentId(segment.start)} data-start={segment.start}>
              {content}
            </span>
          );
        }
        return (
          <mark
            key={segment.start}
            id={segmentId(segment.start)}
            data-start={segment.start}
            data-keys={segment.marks.map((mark) => mark.key).join(' ')}
            className={`span span-${top.type}${segment.marks.length > 1 ? ' span-nested' : ''}`}
            title={t(`review.spanTypes.${top.type}`)}
          >
            {content}
          </mark>
        );
      })}
    </section>
  );
});
