import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../cli/commands/extract.ts';
import { evaluateDirectory } from './evaluate.ts';
import { findMisses, fixed3, formatReport } from './score.ts';

const articles = join(import.meta.dirname, '..', '..', 'shared', 'articles');
const scorer = join(import.meta.dirname, '..', '..', 'shared', 'tools', 'score_reader.py');
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return existsSync(scorer) && existsSync(articles);
  } catch {
    return false;
  }
})();
const out = mkdtempSync(join(tmpdir(), 'hoptac-drafts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('evaluation', () => {
  it('formats like Python, ties to even', () => {
    expect(fixed3(0.0625)).toBe('0.062');
    expect(fixed3(0.1875)).toBe('0.188');
    expect(fixed3(2 / 3)).toBe('0.667');
    expect(fixed3(1)).toBe('1.000');
  });

  it.skipIf(!hasPython)('prints the same table as score_reader.py on the development set', async () => {
    for (const file of readdirSync(articles).filter((name) => name.endsWith('.txt'))) {
      const draft = await extractFile(join(articles, file));
      writeFileSync(join(out, file.replace(/\.txt$/, '.json')), JSON.stringify(draft));
    }
    const python = execFileSync('python3', [scorer, articles, out], { encoding: 'utf8' }).trim();
    expect(formatReport(evaluateDirectory(articles))).toBe(python);
  });

  it("lists what a draft missed and what it added, commitments by the scorer's matching", () => {
    const gold = {
      partners: [{ code: 'BY' }, { code: 'RU' }],
      commitments: [{ text: 'Hai bên phối hợp đào tạo nhân lực y tế' }, { text: 'Trao đổi chuyên gia' }],
    };
    const draft = {
      partners: [{ code: 'RU' }, { code: 'LA' }],
      commitments: [{ text: 'phối hợp đào tạo nhân lực y tế' }, { text: 'Nghiên cứu y học cổ truyền' }],
    };
    const misses = findMisses(gold, draft);
    expect(misses.partners).toEqual({ missed: ['BY'], extra: ['LA'] });
    expect(misses.commitments).toEqual({
      missed: ['trao doi chuyen gia'],
      extra: ['nghien cuu y hoc co truyen'],
    });
    expect(misses.areas).toEqual({ missed: [], extra: [] });
  });
});
