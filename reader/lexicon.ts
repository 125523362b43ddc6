// Phrase lexicons over syllable keys. Every lexicon shares one trie, so a single left-to-right pass
// (markLexicons) finds, at each token, the longest phrase of every lexicon that starts there; the
// recognisers then ask the marks instead of walking a trie each. No regexes: matching stays linear
// however hostile the input.
import type { Token } from './normalise.ts';
import { keyPhrase, registerKey } from './normalise.ts';

/** A handle on one lexicon's phrases inside the shared trie; T is the value a phrase carries. */
export interface Lexicon<T> {
  readonly id: number;
  /** Phantom field: ties the handle to its value type. */
  readonly values?: T;
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  values: T[];
}

interface TrieNode {
  /** Children by key number (registerKey). */
  next: Map<number, TrieNode>;
  /** Lexicons that end a phrase here, and each one's values (parallel arrays, cheap to walk). */
  lexicons: number[];
  values: unknown[][];
}

/** Longest match per (token, lexicon), as linked lists of hits per start token. */
export interface LexiconMarks {
  tokens: readonly Token[];
  /** First hit starting at each token, or -1. */
  head: Int32Array;
  hitLexicon: number[];
  hitEnd: number[];
  hitValues: unknown[][];
  hitNext: number[];
  /** Start tokens of each lexicon's hits, ascending. */
  starts: (number[] | undefined)[];
}

const root: TrieNode = createNode();
/** The root's children as a dense array: the one lookup every token pays. */
const firstNodes: (TrieNode | undefined)[] = [];
let lexiconCount = 0;

function createNode(): TrieNode {
  return { next: new Map(), lexicons: [], values: [] };
}

export function createLexicon<T>(): Lexicon<T> {
  return { id: lexiconCount++ };
}

export function addPhrase<T>(lexicon: Lexicon<T>, phrase: string, value: T): void {
  const keys = keyPhrase(phrase);
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    const id = registerKey(key);
    let child = node.next.get(id);
    if (!child) {
      child = createNode();
      node.next.set(id, child);
      if (node === root) firstNodes[id] = child;
    }
    node = child;
  }
  const index = node.lexicons.indexOf(lexicon.id);
  if (index === -1) {
    node.lexicons.push(lexicon.id);
    node.values.push([value]);
  } else {
    node.values[index]?.push(value);
  }
}

/** One pass over the tokens: a phrase never crosses a line break, the deepest node wins per lexicon. */
export function markLexicons(tokens: readonly Token[]): LexiconMarks {
  const marks: LexiconMarks = {
    tokens,
    head: new Int32Array(tokens.length).fill(-1),
    hitLexicon: [],
    hitEnd: [],
    hitValues: [],
    hitNext: [],
    starts: [],
  };
  const length = tokens.length;
  for (let start = 0; start < length; start++) {
    const id = (tokens[start] as Token).keyId;
    let node = id < 0 ? undefined : firstNodes[id];
    if (!node) continue;
    let end = start + 1;
    while (node) {
      if (node.lexicons.length > 0) recordHits(marks, start, end, node);
      if (end >= length) break;
      const token = tokens[end] as Token;
      if (token.afterBreak) break;
      node = token.keyId < 0 ? undefined : node.next.get(token.keyId);
      end++;
    }
    for (let hit = marks.head[start] ?? -1; hit !== -1; hit = marks.hitNext[hit] ?? -1) {
      const lexicon = marks.hitLexicon[hit] ?? 0;
      let list = marks.starts[lexicon];
      if (!list) {
        list = [];
        marks.starts[lexicon] = list;
      }
      list.push(start);
    }
  }
  return marks;
}

function recordHits(marks: LexiconMarks, start: number, end: number, node: TrieNode): void {
  for (let index = 0; index < node.lexicons.length; index++) {
    const lexicon = node.lexicons[index] ?? -1;
    const values = node.values[index] ?? [];
    const hit = findHit(marks, lexicon, start);
    if (hit !== -1) {
      marks.hitEnd[hit] = end;
      marks.hitValues[hit] = values;
      continue;
    }
    marks.hitLexicon.push(lexicon);
    marks.hitEnd.push(end);
    marks.hitValues.push(values);
    marks.hitNext.push(marks.head[start] ?? -1);
    marks.head[start] = marks.hitLexicon.length - 1;
  }
}

function findHit(marks: LexiconMarks, lexicon: number, start: number): number {
  let hit = start >= 0 && start < marks.head.length ? (marks.head[start] ?? -1) : -1;
  while (hit !== -1 && marks.hitLexicon[hit] !== lexicon) hit = marks.hitNext[hit] ?? -1;
  return hit;
}

/** Longest phrase of the lexicon starting at token `start`, or null. */
export function matchLongest<T>(
  lexicon: Lexicon<T>,
  marks: LexiconMarks,
  start: number,
): TrieMatch<T> | null {
  const hit = findHit(marks, lexicon.id, start);
  if (hit === -1) return null;
  return { start, end: marks.hitEnd[hit] ?? start, values: (marks.hitValues[hit] ?? []) as T[] };
}

/** True when a phrase of the lexicon starts at token `start`. */
export function hasMatch<T>(lexicon: Lexicon<T>, marks: LexiconMarks, start: number): boolean {
  return findHit(marks, lexicon.id, start) !== -1;
}

/** Every non-overlapping longest match, scanning left to right. */
export function findAll<T>(lexicon: Lexicon<T>, marks: LexiconMarks): TrieMatch<T>[] {
  const found: TrieMatch<T>[] = [];
  let from = 0;
  for (const start of marks.starts[lexicon.id] ?? []) {
    if (start < from) continue;
    const match = matchLongest(lexicon, marks, start);
    if (!match) continue;
    found.push(match);
    from = match.end;
  }
  return found;
}
