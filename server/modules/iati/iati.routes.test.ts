import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed/demo-data.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

const schema = resolve(import.meta.dirname, '../../../../shared/iati/iati-activities-schema.xsd');

/** Validates with Debian's xmllint against the official IATI 2.03 schema in ../shared/iati. */
async function validateAgainstIatiSchema(xml: string): Promise<{ valid: boolean; output: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'hoptac-iati-')), 'activities.xml');
  writeFileSync(file, xml);
  try {
    const { stderr } = await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', schema, file]);
    return { valid: true, output: stderr };
  } catch (error) {
    return { valid: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('IATI 2.03 export', () => {
  let test: TestApp;
  let viewer: string;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoData(test.services);
    viewer = (await test.signIn('viewer')).cookie;
  });
  afterAll(() => test.close());

  const exportXml = (query = '', cookie = viewer) =>
    test.app.inject({ method: 'GET', url: `/api/v1/export/iati.xml${query}`, headers: { cookie } });

  it('exports the demo agreements as a file that validates against the official XSD', async () => {
    const response = await exportXml();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".+\.xml"/);
    const result = await validateAgainstIatiSchema(response.body);
    expect(result.output).toMatch(/validates/);
    expect(result.valid).toBe(true);
  });

  it('maps the lifecycle, parties, sectors in both vocabularies and commitments as child activities', async () => {
    const xml = (await exportXml()).body;
    expect(xml).toContain('<iati-activities version="2.03"');
    // The Belarus MoU: Vietnamese title, Belarus as an accountable government party.
    expect(xml).toMatch(/<narrative xml:lang="vi">[^<]*Belarus[^<]*<\/narrative>/);
    expect(xml).toMatch(/<participating-org role="2" ref="BY" type="10">/);
    // Areas become DAC 5-digit sectors (vocabulary 1) and taxonomy sectors (vocabulary 99).
    expect(xml).toMatch(/<sector vocabulary="1" code="\d{5}" percentage="[\d.]+">/);
    expect(xml).toMatch(/<sector vocabulary="99" vocabulary-uri="[^"]+" code="[a-z_]+"/);
    // Each commitment is a child activity pointing back at its agreement, and the parent at it.
    const children = xml.match(/<iati-activity [^>]*hierarchy="2"/g) ?? [];
    expect(children.length).toBeGreaterThan(0);
    expect((xml.match(/<related-activity ref="[^"]+" type="1"\/>/g) ?? []).length).toBe(children.length);
    expect((xml.match(/<related-activity ref="[^"]+" type="2"\/>/g) ?? []).length).toBe(children.length);
  });

  it('keeps every sector vocabulary of an activity at 100 percent', async () => {
    const xml = (await exportXml()).body;
    for (const activity of xml.split('<iati-activity ').slice(1)) {
      for (const vocabulary of ['1', '99']) {
        const shares = [
          ...activity.matchAll(
            new RegExp(`<sector vocabulary="${vocabulary}"[^>]*percentage="([\\d.]+)"`, 'g'),
          ),
        ].map((match) => Number(match[1]));
        if (shares.length) expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 5);
      }
    }
  });

  it('escapes markup in record text and answers 404 when nothing matches', async () => {
    const editor = (await test.signIn('editor')).cookie;
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: { cookie: editor },
      payload: { kind: 'mou', titleVi: 'Thỏa thuận <b>&</b> "thử"', status: 'proposed' },
    });
    expect(created.statusCode).toBe(201);
    const xml = (await exportXml()).body;
    expect(xml).toContain('Thỏa thuận &lt;b&gt;&amp;&lt;/b&gt; "thử"');
    expect((await validateAgainstIatiSchema(xml)).valid).toBe(true);

    const none = await exportXml(`?partnerId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('iati.empty');
  });

  it('is for signed-in users only', async () => {
    expect((await exportXml('', '')).statusCode).toBe(401);
  });
});
