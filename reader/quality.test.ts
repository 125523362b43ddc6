import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDirectory } from './evaluate.ts';

// Quality floors, so a change that makes the reader worse fails the suite. The development set
// carries the targets. The team-written sets were each scored once untouched; holdout,
// holdout-3, -4, -5 and -6 have since been used to diagnose general rules, while holdout-2 is never
// read by whoever changes the rules: the honest measure of generalisation (measured 0.885, then 0.884).
const developmentSet = join(import.meta.dirname, '..', '..', 'shared', 'articles');
const fixtures = join(import.meta.dirname, 'fixtures');
// Set A of real news (32 articles, annotated by ANNOTATION.md): measured 0.821, then 0.839; the second
// round of rules was decided on the even-numbered articles (0.852 → 0.880) and checked on the odd ones
// (0.820 → 0.837): 0.861 over all 32; page text and area vocabulary (day.month dates, words for eye
// and oral care, obstetrics, IT, English number in the keyword index) 0.867; earlier signings after
// 'sau khi ký kết' / 'after signing' and awards named before the handover word 0.882; commitments,
// areas and event kinds by categories seen across sets (3 Dec) 0.904. Both halves have now been read;
// sets B and C (outside the repository) and the newest blind set are the honest figure.
const realSet = join(developmentSet, 'real');

/** Each team-written set: its folder, how many annotated articles it holds, and its macro F1 floor. */
const teamSets: [set: string, articles: number, floor: number][] = [
  ['holdout', 10, 0.95],
  ['holdout-2', 8, 0.87],
  ['holdout-3', 10, 0.94],
  ['holdout-4', 10, 0.95],
  ['holdout-5', 10, 0.9],
  ['holdout-6', 10, 0.9],
  // Real news found by the team, each scored once untouched (0.841 and 0.573), then used to diagnose.
  ['holdout-7', 10, 0.84],
  ['holdout-8', 10, 0.71],
];

describe('reader quality', () => {
  it.skipIf(!existsSync(developmentSet))('meets the targets on the development set', () => {
    const report = evaluateDirectory(developmentSet);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.96);
    expect(report.fields.participants.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.fields.partners.f1).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!existsSync(realSet))('stays above its floor on the real articles', () => {
    const report = evaluateDirectory(realSet);
    expect(report.articles).toBe(32);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.89);
    expect(report.fields.participants.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.fields.agreements.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.fields.areas.f1).toBeGreaterThanOrEqual(0.895);
    expect(report.fields.event_kinds.f1).toBeGreaterThanOrEqual(0.84);
    expect(report.fields.commitments.f1).toBeGreaterThanOrEqual(0.84);
  });

  it.each(teamSets)('stays above its floor on %s', (set, articles, floor) => {
    const report = evaluateDirectory(join(fixtures, set));
    expect(report.articles).toBe(articles);
    expect(report.macroF1).toBeGreaterThanOrEqual(floor);
  });
});
