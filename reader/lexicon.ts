// Phrase tries over syllable keys: one hash lookup per token, longest match wins, no regexes, so
// matching stays linear however hostile the input.
import type { Token } from './normalise.ts';
import { keyPhrase } from './normalise.ts';

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  values: T[];
}

export type KeyField = 'key' | 'fold';

export function createTrie<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

export function addPhrase<T>(trie: TrieNode<T>, phrase: string, value: T, field: KeyField = 'key'): void {
  const keys = field === 'key' ? keyPhrase(phrase) : keyPhrase(phrase).map(foldKey);
  if (keys.length === 0) return;
  let node = trie;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = createTrie<T>();
      node.next.set(key, child);
    }
    node = child;
  }
  node.values.push(value);
}

/** Longest phrase starting at token `start`, or null. */
export function matchLongest<T>(
  trie: TrieNode<T>,
  tokens: readonly Token[],
  start: number,
  field: KeyField = 'key',
): TrieMatch<T> | null {
  let node: TrieNode<T> | undefined = trie;
  let best: TrieMatch<T> | null = null;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !node) break;
    if (i > start && token.afterBreak) break;
    node = node.next.get(token[field]);
    if (!node) break;
    if (node.values.length > 0) best = { start, end: i + 1, values: node.values };
  }
  return best;
}

/** Every non-overlapping longest match, scanning left to right. */
export function findAll<T>(
  trie: TrieNode<T>,
  tokens: readonly Token[],
  field: KeyField = 'key',
): TrieMatch<T>[] {
  const found: TrieMatch<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = matchLongest(trie, tokens, i, field);
    if (match) {
      found.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return found;
}

function foldKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd');
}
