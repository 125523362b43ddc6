import { Fragment } from 'react';
import { foldText, foldWords } from '../../common/domain/text.ts';

// Folding one character at a time keeps an index from the folded text back to the original, so
// "nguyen" found in the folded label marks "Nguyễn" in the text people read.
function foldWithIndex(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    const key = foldText(char) || (/\s/.test(char) ? ' ' : char);
    for (const piece of key) {
      folded += piece;
      origin.push(index);
    }
  }
  return { folded, origin };
}

/** Ranges of `text` that match any word of `query`, ignoring case and Vietnamese marks. */
export function findMatches(text: string, query: string): Array<[number, number]> {
  const words = foldWords(query);
  if (words.length === 0) return [];
  const { folded, origin } = foldWithIndex(text);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    let at = folded.indexOf(word);
    while (at !== -1) {
      for (let i = at; i < at + word.length; i += 1) marked[origin[i] ?? 0] = true;
      at = folded.indexOf(word, at + word.length);
    }
  }
  const ranges: Array<[number, number]> = [];
  marked.forEach((isMarked, index) => {
    if (!isMarked) return;
    const last = ranges.at(-1);
    if (last && last[1] === index) last[1] = index + 1;
    else ranges.push([index, index + 1]);
  });
  return ranges;
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
