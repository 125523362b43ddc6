import { inArray } from 'drizzle-orm';
import { toSearchWords } from '../../common/domain/text.ts';
import taxonomy from '../../reader/lexicons/areas.json' with { type: 'json' };
import type { Database } from '../db/client.ts';
import { writeAudit } from '../db/records.ts';
import { areas } from '../modules/areas/areas.table.ts';

type TaxonomyArea = { id: string; vi: string; en: string; dac?: number; keywords_vi?: string[] };

/** Adds the shipped area taxonomy's missing areas; areas users edited or added stay as they are. */
export async function ensureReferenceData(db: Database): Promise<number> {
  const shipped = (taxonomy as { areas: TaxonomyArea[] }).areas;
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(
        inArray(
          areas.id,
          shipped.map((area) => area.id),
        ),
      );
    const known = new Set(existing.map((row) => row.id));
    const missing = shipped.filter((area) => !known.has(area.id));
    for (const area of missing) {
      const values = {
        id: area.id,
        labelVi: area.vi,
        labelEn: area.en,
        dacCode: area.dac ?? null,
        keywordsVi: area.keywords_vi ?? [],
        searchText: toSearchWords([area.id, area.vi, area.en, ...(area.keywords_vi ?? [])].join(' ')),
      };
      await tx.insert(areas).values(values);
      await writeAudit(tx, {
        actor: { userId: null, email: 'system' },
        action: 'create',
        recordType: 'area',
        recordId: area.id,
        before: null,
        after: values,
      });
    }
    return missing.length;
  });
}
