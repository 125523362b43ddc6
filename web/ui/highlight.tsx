import { Fragment } from 'react';
import { findFoldedMatches } from '../../common/domain/text.ts';

/** Ranges of `text` where `query` occurs as whole words (the last word may be unfinished), ignoring
 * case and Vietnamese marks: the same rule the server's search and highlighting follow. */
export function findMatches(text: string, query: string): Array<[number, number]> {
  return findFoldedMatches(text, query, { isLastWordPrefix: true }).map(({ start, end }) => [start, end]);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

interface HighlightProps {
  text: string;
  query: string;
  /** Match ranges computed elsewhere (the server's); the query is folded here when there are none. */
  ranges?: Array<{ start: number; end: number }> | undefined;
}

export function Highlight({ text, query, ranges: given }: HighlightProps) {
  const ranges: Array<[number, number]> = given?.length
    ? mergeRanges(given.map((range): [number, number] => [range.start, range.end]))
    : findMatches(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const pieces: React.ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) pieces.push(<Fragment key={`t${cursor}`}>{text.slice(cursor, start)}</Fragment>);
    pieces.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  if (cursor < text.length) pieces.push(<Fragment key={`t${cursor}`}>{text.slice(cursor)}</Fragment>);
  return <>{pieces}</>;
}
