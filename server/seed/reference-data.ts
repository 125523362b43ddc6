import { inArray } from 'drizzle-orm';
import { toSearchWords } from '../../common/domain/text.ts';
import taxonomy from '../../reader/lexicons/areas.json' with { type: 'json' };
import type { Database } from '../db/client.ts';
import { writeAudit } from '../db/records.ts';
import { areas } from '../modules/areas/areas.table.ts';
import { policies } from '../modules/policies/policies.table.ts';

type TaxonomyArea = { id: string; vi: string; en: string; dac?: number; keywords_vi?: string[] };

/** The Politburo resolutions that health cooperation implements, shipped as reference data. */
export const shippedPolicies = [
  {
    number: '57-NQ/TW',
    title: 'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2024-12-22',
    url: null,
  },
  {
    number: '72-NQ/TW',
    title:
      'Nghị quyết về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân',
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2025-09-09',
    url: null,
  },
] as const;

/** Adds the shipped areas and policies that are missing; what users edited or added stays. */
export async function ensureReferenceData(db: Database): Promise<number> {
  return (await ensureAreas(db)) + (await ensurePolicies(db));
}

async function ensurePolicies(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ number: policies.number }).from(policies);
    const known = new Set(existing.map((row) => row.number.toUpperCase()));
    const missing = shippedPolicies.filter((policy) => !known.has(policy.number.toUpperCase()));
    for (const policy of missing) {
      const [row] = await tx
        .insert(policies)
        .values({
          ...policy,
          searchText: toSearchWords([policy.number, policy.title, policy.issuingBody].join(' ')),
        })
        .returning();
      const { searchText: _searchText, searchVector: _searchVector, ...image } = row!;
      await writeAudit(tx, {
        actor: { userId: null, email: 'system' },
        action: 'create',
        recordType: 'policy',
        recordId: row!.id,
        before: null,
        after: {
          ...image,
          createdAt: image.createdAt.toISOString(),
          updatedAt: image.updatedAt.toISOString(),
        },
      });
    }
    return missing.length;
  });
}

async function ensureAreas(db: Database): Promise<number> {
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
