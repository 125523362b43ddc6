import { describe, expect, it } from 'vitest';
import { findPolicies } from './policies.ts';

describe('findPolicies', () => {
  it('reads a resolution cited with its number and code, and points at the words', () => {
    const text = 'Triển khai Nghị quyết số 72-NQ/TW của Bộ Chính trị, hai bên thống nhất hợp tác.';
    const [policy, ...rest] = findPolicies({ text });
    expect(rest).toEqual([]);
    expect(policy).toMatchObject({ number: '72-NQ/TW', confidence: 0.95 });
    const span = policy!.spans[0]!;
    expect(text.slice(span.start, span.end)).toBe('Nghị quyết số 72-NQ/TW');
  });

  it('takes a bare "Nghị quyết 57" as the Politburo resolution, less surely', () => {
    expect(findPolicies({ text: 'Theo tinh thần Nghị quyết 57, chuyển đổi số là đột phá.' })).toEqual([
      expect.objectContaining({ number: '57-NQ/TW', confidence: 0.7 }),
    ]);
  });

  it('reads English citations and the number alone, each policy once with all its spans', () => {
    const text =
      'The visit implements Resolution No. 57-NQ/TW and Resolution 72. Under 72-NQ/TW, health comes first; 57-NQ/TW again.';
    const policies = findPolicies({ text });
    expect(policies.map((policy) => policy.number)).toEqual(['57-NQ/TW', '72-NQ/TW']);
    expect(policies[0]!.spans).toHaveLength(2);
    expect(policies[1]!.confidence).toBe(0.95);
  });

  it('keeps a government resolution apart and ignores other numbers', () => {
    expect(
      findPolicies({ text: 'Nghị quyết số 20/NQ-CP về y tế; Quyết định 123 và Thông tư 07.' }).map(
        (p) => p.number,
      ),
    ).toEqual(['20-NQ/CP']);
  });

  it('stays linear on a long hostile input', () => {
    const text = 'Nghị quyết số '.repeat(50_000);
    const started = performance.now();
    expect(findPolicies({ text })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
