// Partners: the countries and international organisations the article works with, one per code,
// from the entity mentions the Article carries (Viet Nam itself and passing mentions set aside).
import type { DraftPartner } from '../../common/contracts/draft.ts';
import type { Article } from '../article.ts';
import { isPassingMention } from '../entities.ts';

export function findPartners(article: Article): DraftPartner[] {
  const { marks, entities, tokens } = article;
  const byCode = new Map<string, DraftPartner>();
  for (const entity of entities) {
    if (entity.code === 'VN' || isPassingMention(marks, entity)) continue;
    const span = { start: tokens.at(entity.first)?.start ?? 0, end: tokens.at(entity.last - 1)?.end ?? 0 };
    const existing = byCode.get(entity.code);
    if (existing) {
      existing.spans.push(span);
      existing.confidence = Math.min(0.95, Math.round((existing.confidence + 0.1) * 100) / 100);
    } else {
      byCode.set(entity.code, { code: entity.code, kind: entity.kind, spans: [span], confidence: 0.6 });
    }
  }
  return [...byCode.values()];
}
