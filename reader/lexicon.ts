// Phrase lexicons over syllable keys. Every lexicon shares one trie, so a single left-to-right pass
// (markLexicons) finds, at each token, the longest phrase of every lexicon that starts there; the
// recognisers then ask the marks instead of walking a trie each. No regexes: matching stays linear
// however hostile the input.
import type { TokenList } from './normalise.ts';
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
  tokens: TokenList;
  /** First hit starting at each token, or -1. */
  head: Int32Array;
  /** Hits in one typed array grown by doubling, four numbers each (hitLexicon, hitEnd, hitValues as
   * an index into valueLists, hitNext): a hostile input of one repeated cue word makes millions of
   * hits, and one array is one allocation per doubling where four were four. */
  hitCount: number;
  hits: Int32Array;
  valueLists: readonly unknown[][];
  /** Start tokens of each lexicon's hits, ascending. */
  starts: (Int32Array | undefined)[];
}

// A hit's four numbers in LexiconMarks.hits.
const hitSize = 4;
const hitLexicon = 0;
const hitEnd = 1;
const hitValues = 2;
const hitNext = 3;

const root: TrieNode = createNode();
let lexiconCount = 0;

/**
 * The trie frozen into typed arrays for the hot pass (a Map lookup per step was a quarter of it).
 * Node 0 is the root, which is never a child, so 0 also means "no node". Rebuilt after a new phrase.
 */
interface FrozenTrie {
  /** The root's child by key number: the one lookup every token pays. */
  first: Int32Array;
  /** Edges as (parent, key, child) triples in one open-addressing table, so a probe is one cache line. */
  edges: Int32Array;
  edgeMask: number;
  /** The node behind each number, for the lexicons and values that end there. */
  nodes: TrieNode[];
  endsPhrase: Uint8Array;
  /** Per node, where its (lexicon, values) pairs start in `valueLists`; a node's values are
   * numbered in the order of its lexicons. */
  firstValue: Int32Array;
  valueLists: unknown[][];
  /** The lexicon of each entry of `valueLists`: a node's lexicons are read from here, in one typed
   * array, not from its TrieNode (a pointer chase per phrase end on the hot pass). */
  valueLexicon: Int32Array;
}
let frozen: FrozenTrie | null = null;

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
    }
    node = child;
  }
  frozen = null;
  const index = node.lexicons.indexOf(lexicon.id);
  if (index === -1) {
    node.lexicons.push(lexicon.id);
    node.values.push([value]);
  } else {
    node.values[index]?.push(value);
  }
}

/** One pass over the tokens: a phrase never crosses a line break, the deepest node wins per lexicon. */
export function markLexicons(tokens: TokenList): LexiconMarks {
  const trie = frozen ?? freezeTrie();
  // Articles make about one hit per two or three tokens: room for one per token spares the
  // doubling (four typed arrays a time, each allocation costing more than a short article's walk).
  const capacity = Math.max(64, tokens.length);
  const marks: LexiconMarks = {
    tokens,
    head: new Int32Array(tokens.length).fill(-1),
    hitCount: 0,
    hits: new Int32Array(capacity * hitSize),
    valueLists: trie.valueLists,
    starts: [],
  };
  const { first, edges, edgeMask, endsPhrase, firstValue, valueLexicon } = trie;
  const length = tokens.length;
  for (let start = 0; start < length; start++) {
    // Column reads: this loop visits every token, and a view per token would be garbage per token.
    const id = tokens.keyIdAt(start);
    let node = id < 0 ? 0 : (first[id] ?? 0);
    if (node === 0) continue;
    let end = start + 1;
    for (;;) {
      if (endsPhrase[node] === 1)
        recordHits(marks, start, end, valueLexicon, firstValue[node] ?? 0, firstValue[node + 1] ?? 0);
      if (end >= length) break;
      const key = tokens.keyIdAt(end);
      if (key < 0 || tokens.afterBreakAt(end)) break;
      // Probe for the edge (node, key): the child, or 0 when the trie has no such edge.
      let slot = edgeSlot(node, key) & edgeMask;
      let child = 0;
      for (let at = slot * 3; (edges[at + 2] ?? 0) !== 0; at = slot * 3) {
        if (edges[at] === node && edges[at + 1] === key) {
          child = edges[at + 2] ?? 0;
          break;
        }
        slot = (slot + 1) & edgeMask;
      }
      if (child === 0) break;
      node = child;
      end++;
    }
  }
  listStarts(marks, lexiconCount);
  return marks;
}

/** Each lexicon's start tokens, ascending: counted first, so each list is allocated once at its
 * size (a hostile input of one cue word makes millions of starts, pushed one by one a slow path). */
function listStarts(marks: LexiconMarks, lexicons: number): void {
  const counts = new Int32Array(lexicons);
  const { hits } = marks;
  for (let hit = 0; hit < marks.hitCount; hit++) {
    const lexicon = hits[hit * hitSize + hitLexicon] ?? 0;
    counts[lexicon] = (counts[lexicon] ?? 0) + 1;
  }
  const filled = new Int32Array(lexicons);
  const lists: Int32Array[] = [];
  for (let lexicon = 0; lexicon < lexicons; lexicon++) {
    const count = counts[lexicon] ?? 0;
    if (count > 0) marks.starts[lexicon] = lists[lexicon] = new Int32Array(count);
  }
  const { head } = marks;
  for (let start = 0; start < head.length; start++) {
    for (let hit = head[start] ?? -1; hit !== -1; hit = hits[hit * hitSize + hitNext] ?? -1) {
      const lexicon = hits[hit * hitSize + hitLexicon] ?? 0;
      const at = filled[lexicon] ?? 0;
      (lists[lexicon] as Int32Array)[at] = start;
      filled[lexicon] = at + 1;
    }
  }
}

function edgeSlot(parent: number, key: number): number {
  const mixed = Math.imul(parent, 0x9e3779b1) ^ Math.imul(key, 0x85ebca6b);
  return mixed ^ (mixed >>> 15);
}

function freezeTrie(): FrozenTrie {
  const nodes: TrieNode[] = [root];
  const triples: number[] = [];
  const first = new Int32Array(root.next.size === 0 ? 0 : Math.max(...root.next.keys()) + 1);
  for (let index = 0; index < nodes.length; index++) {
    const parent = nodes[index] as TrieNode;
    for (const [key, child] of parent.next) {
      nodes.push(child);
      const number = nodes.length - 1;
      if (index === 0) first[key] = number;
      else triples.push(index, key, number);
    }
  }
  let capacity = 1;
  while (capacity < (triples.length / 3) * 2) capacity *= 2;
  const edges = new Int32Array(capacity * 3);
  const edgeMask = capacity - 1;
  for (let t = 0; t < triples.length; t += 3) {
    const [parent, key, child] = [triples[t] ?? 0, triples[t + 1] ?? 0, triples[t + 2] ?? 0];
    let slot = edgeSlot(parent, key) & edgeMask;
    while ((edges[slot * 3 + 2] ?? 0) !== 0) slot = (slot + 1) & edgeMask;
    edges.set([parent, key, child], slot * 3);
  }
  const endsPhrase = new Uint8Array(nodes.length);
  // One entry past the last node, so a node's values are [firstValue[n], firstValue[n + 1]).
  const firstValue = new Int32Array(nodes.length + 1);
  const valueLists: unknown[][] = [];
  nodes.forEach((node, number) => {
    endsPhrase[number] = node.lexicons.length > 0 ? 1 : 0;
    firstValue[number] = valueLists.length;
    valueLists.push(...node.values);
  });
  firstValue[nodes.length] = valueLists.length;
  const valueLexicon = new Int32Array(valueLists.length);
  nodes.forEach((node, number) => {
    node.lexicons.forEach((lexicon, index) => {
      valueLexicon[(firstValue[number] ?? 0) + index] = lexicon;
    });
  });
  frozen = { first, edges, edgeMask, nodes, endsPhrase, firstValue, valueLists, valueLexicon };
  return frozen;
}

function recordHits(
  marks: LexiconMarks,
  start: number,
  end: number,
  valueLexicon: Int32Array,
  firstValue: number,
  lastValue: number,
): void {
  for (let value = firstValue; value < lastValue; value++) {
    const lexicon = valueLexicon[value] ?? -1;
    const hit = findHit(marks, lexicon, start);
    if (hit !== -1) {
      marks.hits[hit * hitSize + hitEnd] = end;
      marks.hits[hit * hitSize + hitValues] = value;
      continue;
    }
    if ((marks.hitCount + 1) * hitSize > marks.hits.length) growHits(marks);
    const added = marks.hitCount++;
    const at = added * hitSize;
    const { hits } = marks;
    hits[at + hitLexicon] = lexicon;
    hits[at + hitEnd] = end;
    hits[at + hitValues] = value;
    hits[at + hitNext] = marks.head[start] ?? -1;
    marks.head[start] = added;
  }
}

function growHits(marks: LexiconMarks): void {
  const grown = new Int32Array(marks.hits.length * 2);
  grown.set(marks.hits);
  marks.hits = grown;
}

function findHit(marks: LexiconMarks, lexicon: number, start: number): number {
  let hit = start >= 0 && start < marks.head.length ? (marks.head[start] ?? -1) : -1;
  const { hits } = marks;
  while (hit !== -1 && hits[hit * hitSize + hitLexicon] !== lexicon)
    hit = hits[hit * hitSize + hitNext] ?? -1;
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
  return {
    start,
    end: marks.hits[hit * hitSize + hitEnd] ?? start,
    values: (marks.valueLists[marks.hits[hit * hitSize + hitValues] ?? -1] ?? []) as T[],
  };
}

/** True when a phrase of the lexicon starts at token `start`. */
/** The end of the longest match at `start`, or -1: matchLongest without an object, for loops
 * over every cue of a long article (a hostile run of one cue word makes millions). */
export function matchEnd<T>(lexicon: Lexicon<T>, marks: LexiconMarks, start: number): number {
  const hit = findHit(marks, lexicon.id, start);
  return hit === -1 ? -1 : (marks.hits[hit * hitSize + hitEnd] ?? start);
}

/** The first value of the longest match at `start`, or undefined. */
export function firstValueAt<T>(lexicon: Lexicon<T>, marks: LexiconMarks, start: number): T | undefined {
  const hit = findHit(marks, lexicon.id, start);
  if (hit === -1) return undefined;
  return (marks.valueLists[marks.hits[hit * hitSize + hitValues] ?? -1] ?? [])[0] as T | undefined;
}

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
