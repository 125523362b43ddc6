import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDirectory } from './evaluate.ts';

// Quality floors, so a change that makes the reader worse fails the suite. The development set
// carries the targets. fixtures/holdout, holdout-3, holdout-4 and holdout-5 (team-written,
// each scored once untouched) have since been used to diagnose general rules; fixtures/holdout-2
// (team-written, never read by whoever changes the rules) is the honest measure of generalisation,
// guarded at a floor below its measured 0.885.
const developmentSet = join(import.meta.dirname, '..', '..', 'shared', 'articles');
const diagnosisSet = join(import.meta.dirname, 'fixtures', 'holdout');
const heldOutSet = join(import.meta.dirname, 'fixtures', 'holdout-2');
const secondDiagnosisSet = join(import.meta.dirname, 'fixtures', 'holdout-3');
const thirdDiagnosisSet = join(import.meta.dirname, 'fixtures', 'holdout-4');
const fourthDiagnosisSet = join(import.meta.dirname, 'fixtures', 'holdout-5');

describe('reader quality', () => {
  it.skipIf(!existsSync(developmentSet))('meets the targets on the development set', () => {
    const report = evaluateDirectory(developmentSet);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(report.fields.participants.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.fields.partners.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('stays above its floor on the diagnosis set', () => {
    const report = evaluateDirectory(diagnosisSet);
    expect(report.articles).toBe(10);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('stays above its floor on the second diagnosis set', () => {
    const report = evaluateDirectory(secondDiagnosisSet);
    expect(report.articles).toBe(10);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('stays above its floor on the third diagnosis set', () => {
    const report = evaluateDirectory(thirdDiagnosisSet);
    expect(report.articles).toBe(10);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('stays above its floor on the fourth diagnosis set', () => {
    const report = evaluateDirectory(fourthDiagnosisSet);
    expect(report.articles).toBe(10);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.86);
  });

  it('stays above its floor on the held-out set', () => {
    const report = evaluateDirectory(heldOutSet);
    expect(report.articles).toBe(8);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.85);
  });
});
