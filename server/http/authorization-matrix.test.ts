import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnCollections, importableCollections } from '../../common/columns/collections.ts';
import { publicPaths } from '../../common/domain/public-urls.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import {
  type ApiOperation,
  type ApiRequest,
  createThrough,
  nextSerial,
  type Registry,
  readApiOperations,
  seedRegistry,
  send,
} from '../test-registry.ts';

// Every route × method of the OpenAPI document × every kind of caller, with the answer each must
// get. A route added without a row in `rules` fails the first test, so no route ships unchecked.

const callers = ['anonymous', 'viewer', 'unitOwning', 'unitNotOwning', 'editor', 'admin'] as const;
type Caller = (typeof callers)[number];

/** Who may call a route. `owningUnit`: editors, and the unit whose organisation owns the record. */
type Access = 'public' | 'signedIn' | 'editors' | 'admins' | 'owningUnit' | 'leadership';

const allowedCallers: Record<Access, readonly Caller[]> = {
  public: callers,
  signedIn: ['viewer', 'unitOwning', 'unitNotOwning', 'editor', 'admin'],
  editors: ['editor', 'admin'],
  admins: ['admin'],
  owningUnit: ['unitOwning', 'editor', 'admin'],
  /** The desk and leadership: editors, admins and viewers, not the specialised units. */
  leadership: ['viewer', 'editor', 'admin'],
};

/** Behaviour issue 14 asks for that arrives with other branches. Its tests are marked `it.fails`
 * until then; whoever merges the branch sets the flag to false, and the tests must pass. */

type Fixtures = {
  registry: Registry;
  /** Creates a record through the API as an admin, for requests that change or delete one. */
  fresh(path: string, payload: Record<string, unknown>): Promise<{ id: string; version: number }>;
  /** Any request as an admin, for a record a route acts on that no collection creates (a merge). */
  admin(method: 'POST', url: string, payload: Record<string, unknown>): Promise<{ id: string }>;
  adminEmail: string;
};

type Rule = {
  access: Access;
  /** A request valid enough that an allowed caller gets a 2xx; called once per caller. */
  request(
    f: Fixtures,
  ): Promise<Omit<ApiRequest, 'method' | 'cookie'>> | Omit<ApiRequest, 'method' | 'cookie'>;
  /** Signs the caller out: sent with a session of its own so the others stay signed in. */
  endsSession?: boolean;
};

const password = 'correct horse battery';

/** The five routes every collection has, with bodies its contract accepts. Reads, changes and
 * deletions each get a record of their own, so callers never meet each other's edits. */
function collectionRules(
  path: string,
  access: { read: Access; write: Access },
  create: () => Record<string, unknown>,
  update: Record<string, unknown>,
): Record<string, Rule> {
  return {
    [`GET ${path}`]: { access: access.read, request: () => ({ url: `${path}?page=1` }) },
    [`POST ${path}`]: { access: access.write, request: () => ({ url: path, payload: create() }) },
    [`GET ${path}/{id}`]: {
      access: access.read,
      request: async (f) => ({ url: `${path}/${(await f.fresh(path, create())).id}` }),
    },
    [`PATCH ${path}/{id}`]: {
      access: access.write,
      request: async (f) => {
        const record = await f.fresh(path, create());
        return { url: `${path}/${record.id}`, payload: { version: record.version, ...update } };
      },
    },
    [`GET ${path}/{id}/history`]: {
      access: access.read,
      request: async (f) => ({ url: `${path}/${(await f.fresh(path, create())).id}/history` }),
    },
    [`DELETE ${path}/{id}`]: {
      access: access.write,
      request: async (f) => {
        const record = await f.fresh(path, create());
        return { url: `${path}/${record.id}?version=${record.version}` };
      },
    },
  };
}

const registryAccess = { read: 'signedIn', write: 'editors' } as const;

const newSource = () => ({ text: `Bản tin số ${nextSerial()}: Bộ Y tế tiếp đoàn công tác.` });
const newCommitment = (registry: Registry) => ({
  text: `Cam kết số ${nextSerial()}`,
  vnOwnerIds: [registry.owningOrganisationId],
});

/** What uses a record (editors, who delete) and replacing one by another before its delete. */
function usesRules(registry: () => Registry): Record<string, Rule> {
  const creates: Record<string, () => Record<string, unknown>> = {
    partners: () => ({ kind: 'organisation', code: `REP${nextSerial()}`, nameVi: 'Tổ chức thay thế' }),
    organisations: () => ({ nameVi: `Bệnh viện thay thế ${nextSerial()}`, kind: 'hospital' }),
    people: () => ({ name: `Lê Văn ${nextSerial()}` }),
    areas: () => ({ id: `area_${nextSerial()}`, labelVi: 'Lĩnh vực thay thế', labelEn: 'Replaced area' }),
    agreements: () => ({ kind: 'mou', titleVi: `Bản ghi nhớ ${nextSerial()}`, status: 'proposed' }),
    events: () => ({ kind: 'talks', title: `Hội đàm ${nextSerial()}` }),
    commitments: () => newCommitment(registry()),
    sources: newSource,
    policies: () => ({
      number: `${nextSerial()}-NQ/TW`,
      title: 'Nghị quyết thử',
      issuingBody: 'Bộ Chính trị',
    }),
  };
  const rules: Record<string, Rule> = {};
  for (const [collection, create] of Object.entries(creates)) {
    const path = `/api/v1/${collection}`;
    rules[`GET ${path}/{id}/uses`] = {
      access: 'editors',
      request: async (f) => ({ url: `${path}/${(await f.fresh(path, create())).id}/uses` }),
    };
    if (['partners', 'organisations', 'people', 'areas'].includes(collection))
      rules[`POST ${path}/{id}/replace`] = {
        access: 'editors',
        request: async (f) => {
          const original = await f.fresh(path, create());
          const replacement = await f.fresh(path, create());
          return { url: `${path}/${original.id}/replace`, payload: { replacementId: replacement.id } };
        },
      };
  }
  return rules;
}

function buildRules(registry: () => Registry): Record<string, Rule> {
  return {
    ...usesRules(registry),
    'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
    'POST /api/v1/auth/login': {
      access: 'public',
      request: (f) => ({ url: '/api/v1/auth/login', payload: { email: f.adminEmail, password } }),
    },
    'POST /api/v1/auth/logout': {
      access: 'public',
      endsSession: true,
      request: () => ({ url: '/api/v1/auth/logout' }),
    },
    'GET /api/v1/me': { access: 'signedIn', request: () => ({ url: '/api/v1/me' }) },
    ...collectionRules(
      '/api/v1/users',
      { read: 'admins', write: 'admins' },
      () => ({ email: `new${nextSerial()}@test.local`, password, role: 'viewer' }),
      { displayName: 'Tên mới' },
    ),
    ...collectionRules(
      '/api/v1/partners',
      registryAccess,
      () => ({ kind: 'organisation', code: `ORG${nextSerial()}`, nameVi: 'Tổ chức thử' }),
      { nameEn: 'Test organisation' },
    ),
    'GET /api/v1/partners/{id}/overview': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/partners/${f.registry.partnerId}/overview` }),
    },
    ...collectionRules(
      '/api/v1/organisations',
      registryAccess,
      () => ({ nameVi: `Bệnh viện số ${nextSerial()}`, kind: 'hospital', countryCode: 'VN' }),
      { nameEn: 'Hospital' },
    ),
    ...collectionRules('/api/v1/people', registryAccess, () => ({ name: `Trần Văn ${nextSerial()}` }), {
      honorific: 'TS.',
    }),
    'POST /api/v1/people/merge': {
      access: 'editors',
      request: async (f) => ({
        url: '/api/v1/people/merge',
        payload: {
          survivorId: (await f.fresh('/api/v1/people', { name: `Người giữ ${nextSerial()}` })).id,
          mergedIds: [(await f.fresh('/api/v1/people', { name: `Người gộp ${nextSerial()}` })).id],
        },
      }),
    },
    'POST /api/v1/organisations/merge': {
      access: 'editors',
      request: async (f) => ({
        url: '/api/v1/organisations/merge',
        payload: {
          survivorId: (
            await f.fresh('/api/v1/organisations', { nameVi: `Viện giữ ${nextSerial()}`, kind: 'institute' })
          ).id,
          mergedIds: [
            (
              await f.fresh('/api/v1/organisations', {
                nameVi: `Viện gộp ${nextSerial()}`,
                kind: 'institute',
              })
            ).id,
          ],
        },
      }),
    },
    'GET /api/v1/merges': { access: 'editors', request: () => ({ url: '/api/v1/merges?collection=people' }) },
    'POST /api/v1/merges/{id}/undo': {
      access: 'editors',
      request: async (f) => {
        const survivor = await f.fresh('/api/v1/people', { name: `Người giữ ${nextSerial()}` });
        const merged = await f.fresh('/api/v1/people', { name: `Người gộp ${nextSerial()}` });
        const merge = await f.admin('POST', '/api/v1/people/merge', {
          survivorId: survivor.id,
          mergedIds: [merged.id],
        });
        return { url: `/api/v1/merges/${merge.id}/undo` };
      },
    },
    'GET /api/v1/duplicates': {
      access: 'editors',
      request: () => ({ url: '/api/v1/duplicates?collection=organisations' }),
    },
    'POST /api/v1/duplicates/dismissals': {
      access: 'editors',
      request: async (f) => ({
        url: '/api/v1/duplicates/dismissals',
        payload: {
          collection: 'people',
          ids: [
            (await f.fresh('/api/v1/people', { name: `Người thứ nhất ${nextSerial()}` })).id,
            (await f.fresh('/api/v1/people', { name: `Người thứ hai ${nextSerial()}` })).id,
          ],
        },
      }),
    },
    'GET /api/v1/people/matches': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/people/matches?name=Nguyen%20Thi%20Lan' }),
    },
    ...collectionRules(
      '/api/v1/areas',
      registryAccess,
      () => ({ id: `area_${nextSerial()}`, labelVi: 'Lĩnh vực thử', labelEn: 'Test area' }),
      { labelEn: 'Renamed area' },
    ),
    ...collectionRules(
      '/api/v1/policies',
      registryAccess,
      () => ({ number: `${nextSerial()}-NQ/TW`, title: 'Nghị quyết thử', issuingBody: 'Bộ Chính trị' }),
      { url: 'https://example.org/nghi-quyet' },
    ),
    ...collectionRules(
      '/api/v1/agreements',
      registryAccess,
      () => ({ kind: 'mou', titleVi: `Biên bản ghi nhớ ${nextSerial()}`, status: 'proposed' }),
      { status: 'negotiating' },
    ),
    ...collectionRules(
      '/api/v1/events',
      registryAccess,
      () => ({ kind: 'talks', title: `Hội đàm ${nextSerial()}` }),
      { location: 'Hà Nội' },
    ),
    ...collectionRules('/api/v1/commitments', registryAccess, () => newCommitment(registry()), {
      status: 'agreed',
    }),
    'POST /api/v1/commitments/{id}/progress': {
      access: 'owningUnit',
      request: async (f) => {
        const commitment = await f.fresh('/api/v1/commitments', newCommitment(f.registry));
        return {
          url: `/api/v1/commitments/${commitment.id}/progress`,
          payload: { version: commitment.version, on: '2025-10-01', note: 'Đã họp nhóm công tác' },
        };
      },
    },
    'GET /api/v1/audit': {
      access: 'editors',
      request: () => ({ url: '/api/v1/audit?recordType=agreement' }),
    },
    ...collectionRules('/api/v1/sources', registryAccess, newSource, { title: 'Tiêu đề đã sửa' }),
    'GET /api/v1/provenance': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/provenance?recordType=agreement&recordId=${f.registry.agreementId}` }),
    },
    'GET /api/v1/sources/{id}/draft': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/sources/${f.registry.sourceId}/draft` }),
    },
    'GET /api/v1/sources/{id}/progress-proposals': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/sources/${f.registry.sourceId}/progress-proposals` }),
    },
    'POST /api/v1/sources/{id}/accept': {
      access: 'editors',
      request: async (f) => {
        const source = await f.fresh('/api/v1/sources', newSource());
        return { url: `/api/v1/sources/${source.id}/accept`, payload: { version: source.version } };
      },
    },
    'GET /api/v1/search': { access: 'signedIn', request: () => ({ url: '/api/v1/search?q=belarus' }) },
    'GET /api/public/news': { access: 'public', request: () => ({ url: '/api/public/news' }) },
    'GET /api/public/news/{id}': {
      access: 'public',
      request: (f) => ({ url: `/api/public/news/${f.registry.sourceId}` }),
    },
    'GET /api/public/partners': { access: 'public', request: () => ({ url: '/api/public/partners' }) },
    'GET /api/public/partners/{code}': {
      access: 'public',
      request: (f) => ({ url: `/api/public/partners/${f.registry.partnerCode}` }),
    },
    'GET /feed.atom': { access: 'public', request: () => ({ url: '/feed.atom' }) },
    'GET /api/public/agreements': {
      access: 'public',
      request: () => ({ url: '/api/public/agreements?q=ke%20hoach&area=research' }),
    },
    'GET /api/public/agreements/{id}': {
      access: 'public',
      request: (f) => ({ url: `/api/public/agreements/${f.registry.agreementId}` }),
    },
    'GET /api/public/areas': { access: 'public', request: () => ({ url: '/api/public/areas' }) },
    'GET /api/public/areas/{id}': {
      access: 'public',
      request: (f) => ({ url: `/api/public/areas/${f.registry.areaId}` }),
    },
    'GET /api/public/search': { access: 'public', request: () => ({ url: '/api/public/search?q=belarus' }) },
    'GET /tin/{slug}': {
      access: 'public',
      request: async (f) => ({
        url: publicPaths.article(await t.services.portal.getArticle(f.registry.sourceId)),
      }),
    },
    'GET /doi-tac/{code}': {
      access: 'public',
      request: (f) => ({ url: publicPaths.partner(f.registry.partnerCode) }),
    },
    'GET /hiep-dinh/{slug}': {
      access: 'public',
      request: async (f) => ({
        url: publicPaths.agreement(await t.services.portal.getAgreement(f.registry.agreementId)),
      }),
    },
    'GET /linh-vuc/{id}': {
      access: 'public',
      request: (f) => ({ url: publicPaths.area(f.registry.areaId) }),
    },
    'GET /sitemap.xml': { access: 'public', request: () => ({ url: '/sitemap.xml' }) },
    'GET /robots.txt': { access: 'public', request: () => ({ url: '/robots.txt' }) },
    'POST /api/v1/me/password': {
      access: 'signedIn',
      endsSession: true,
      request: () => ({
        url: '/api/v1/me/password',
        payload: { currentPassword: password, newPassword: `Mật khẩu mới số ${nextSerial()}` },
      }),
    },
    'POST /api/v1/me/sessions/end-others': {
      access: 'signedIn',
      endsSession: true,
      request: () => ({ url: '/api/v1/me/sessions/end-others' }),
    },
    'POST /api/v1/agreements/{id}/transitions': {
      access: 'editors',
      request: async (f) => {
        const agreement = await f.fresh('/api/v1/agreements', {
          kind: 'mou',
          titleVi: `Bản ghi nhớ ${nextSerial()}`,
          status: 'proposed',
        });
        return {
          url: `/api/v1/agreements/${agreement.id}/transitions`,
          payload: { version: agreement.version, status: 'negotiating', on: '2025-10-01' },
        };
      },
    },
    'GET /api/v1/agreements/{id}/clocks': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/agreements/${f.registry.agreementId}/clocks` }),
    },
    'GET /api/v1/commitments/board': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/commitments/board?groupBy=owner' }),
    },
    'GET /api/v1/radar': { access: 'signedIn', request: () => ({ url: '/api/v1/radar' }) },
    'GET /api/v1/calendar/{year}': { access: 'signedIn', request: () => ({ url: '/api/v1/calendar/2026' }) },
    'PUT /api/v1/calendar/{year}': {
      access: 'admins',
      request: () => ({
        url: '/api/v1/calendar/2026',
        payload: { items: [{ on: '2026-09-01', kind: 'day_off', note: 'Nghỉ Quốc khánh' }] },
      }),
    },
    'GET /api/v1/clocks/due': { access: 'signedIn', request: () => ({ url: '/api/v1/clocks/due' }) },
    'GET /api/v1/clocks/rules': { access: 'signedIn', request: () => ({ url: '/api/v1/clocks/rules' }) },
    'PUT /api/v1/clocks/rules/{ruleId}': {
      access: 'admins',
      request: () => ({
        url: '/api/v1/clocks/rules/signing_report',
        payload: { offset: { amount: 15, unit: 'days' }, isActive: true, note: '' },
      }),
    },
    'DELETE /api/v1/clocks/rules/{ruleId}': {
      access: 'admins',
      request: () => ({ url: '/api/v1/clocks/rules/signing_report' }),
    },
    'GET /calendar/public.ics': { access: 'public', request: () => ({ url: '/calendar/public.ics' }) },
    'GET /calendar/private/{file}': {
      // The secret address is the credential: anyone holding it reads that user's calendar.
      access: 'public',
      request: async () => {
        const owner = await t.services.users.create(
          { email: `calendar${nextSerial()}@test.local`, password, role: 'viewer' },
          { userId: null, email: 'test' },
        );
        return { url: `/calendar/private/${await t.services.calendarFeeds.renewFeed(owner.id)}.ics` };
      },
    },
    'GET /api/v1/me/calendar': { access: 'signedIn', request: () => ({ url: '/api/v1/me/calendar' }) },
    'POST /api/v1/me/calendar': { access: 'signedIn', request: () => ({ url: '/api/v1/me/calendar' }) },
    'DELETE /api/v1/me/calendar': { access: 'signedIn', request: () => ({ url: '/api/v1/me/calendar' }) },
    'GET /api/v1/partners/{id}/briefing.docx': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/partners/${f.registry.partnerId}/briefing.docx` }),
    },
    'GET /api/v1/partners/{id}/briefing.pdf': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/partners/${f.registry.partnerId}/briefing.pdf?lang=en` }),
    },
    'GET /api/v1/export/iati.xml': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/export/iati.xml' }),
    },
    'GET /api/v1/admin/backup': { access: 'admins', request: () => ({ url: '/api/v1/admin/backup' }) },
    ...spreadsheetRules(),
    'GET /api/v1/dashboard': { access: 'signedIn', request: () => ({ url: '/api/v1/dashboard?kind=mou' }) },
    'GET /api/public/dashboard': { access: 'public', request: () => ({ url: '/api/public/dashboard' }) },
    'GET /api/v1/areas/{id}/overview': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/areas/${f.registry.areaId}/overview` }),
    },
    'GET /api/v1/notifications': { access: 'signedIn', request: () => ({ url: '/api/v1/notifications' }) },
    'POST /api/v1/notifications/read': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/notifications/read', payload: { all: true } }),
    },
    'GET /api/v1/me/notification-settings': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/me/notification-settings' }),
    },
    'PUT /api/v1/me/notification-settings': {
      access: 'signedIn',
      request: () => ({ url: '/api/v1/me/notification-settings', payload: { digestFrequency: 'weekly' } }),
    },
    'PUT /api/v1/me/mutes': {
      access: 'signedIn',
      request: (f) => ({
        url: '/api/v1/me/mutes',
        payload: { recordType: 'agreement', recordId: f.registry.agreementId, isMuted: true },
      }),
    },
    'POST /api/v1/reminders/run': {
      access: 'admins',
      request: () => ({ url: '/api/v1/reminders/run', payload: {} }),
    },
    'GET /api/v1/reports/yearly': {
      access: 'leadership',
      request: () => ({ url: '/api/v1/reports/yearly?year=2025&format=xlsx' }),
    },
    'POST /api/v1/imports': {
      access: 'editors',
      request: () => ({
        url: '/api/v1/imports',
        rawBody: {
          contentType: 'multipart/form-data; boundary=matrix',
          text: '--matrix\r\nContent-Disposition: form-data; name="files"; filename="tin.txt"\r\nContent-Type: text/plain\r\n\r\nNgày 3/4/2025, Bộ Y tế tiếp đoàn WHO.\r\n--matrix--\r\n',
        },
      }),
    },
    ...documentRules(),
    'GET /api/v1/imports/{id}': {
      access: 'editors',
      request: async () => {
        const opened = await t.services.imports.openImport(randomUUID(), { userId: null, email: 'test' });
        return { url: `/api/v1/imports/${opened.id}` };
      },
    },
  };
}

/** A file the sniffing takes for a PDF, as a multipart upload onto a record. */
function documentUpload(fields: Record<string, string>) {
  const boundary = 'matrix-document';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    text: `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Biên bản.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--${boundary}--\r\n`,
  };
}

/** A document on the registry's (published) agreement, made public when asked. */
async function freshDocument(f: Fixtures, isPublic = false) {
  return t.services.documents.upload(
    {
      bytes: Buffer.from('%PDF-1.4\n%%EOF'),
      fileName: 'ky.pdf',
      recordType: 'agreement',
      recordId: f.registry.agreementId,
      kind: 'signed_text',
      isPublic,
    },
    null,
  );
}

/** Attaching: editors, and a unit onto the commitments it owns; reading: every signed-in user;
 * changing and removing: editors; the public reads a public file of a published record. */
function documentRules(): Record<string, Rule> {
  return {
    'POST /api/v1/documents': {
      access: 'owningUnit',
      request: (f) => ({
        url: '/api/v1/documents',
        rawBody: documentUpload({
          recordType: 'commitment',
          recordId: f.registry.commitmentId,
          kind: 'report',
        }),
      }),
    },
    'GET /api/v1/documents': {
      access: 'signedIn',
      request: (f) => ({ url: `/api/v1/documents?recordType=agreement&recordId=${f.registry.agreementId}` }),
    },
    'GET /api/v1/documents/{id}': {
      access: 'signedIn',
      request: async (f) => ({ url: `/api/v1/documents/${(await freshDocument(f)).id}` }),
    },
    'GET /api/v1/documents/{id}/content': {
      access: 'signedIn',
      request: async (f) => ({ url: `/api/v1/documents/${(await freshDocument(f)).id}/content` }),
    },
    'PATCH /api/v1/documents/{id}': {
      access: 'editors',
      request: async (f) => ({
        url: `/api/v1/documents/${(await freshDocument(f)).id}`,
        payload: { version: 1, isPublic: true },
      }),
    },
    'DELETE /api/v1/documents/{id}': {
      access: 'editors',
      request: async (f) => ({ url: `/api/v1/documents/${(await freshDocument(f)).id}?version=1` }),
    },
    'GET /api/public/documents/{id}/content': {
      access: 'public',
      request: async (f) => ({ url: `/api/public/documents/${(await freshDocument(f, true)).id}/content` }),
    },
  };
}

/** Export what a role can list (every signed-in user); import (a dry run here) for editors. */
function spreadsheetRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const collection of columnCollections)
    for (const kind of ['xlsx', 'csv'])
      rules[`GET /api/v1/export/${collection}.${kind}`] = {
        access: 'signedIn',
        request: () => ({ url: `/api/v1/export/${collection}.${kind}?q=a` }),
      };
  const boundary = 'matrix-boundary';
  for (const collection of importableCollections) {
    for (const kind of ['xlsx', 'csv'])
      rules[`GET /api/v1/import/${collection}/template.${kind}`] = {
        access: 'signedIn',
        request: () => ({ url: `/api/v1/import/${collection}/template.${kind}?lang=en` }),
      };
    rules[`POST /api/v1/import/${collection}`] = {
      access: 'editors',
      request: () => ({
        url: `/api/v1/import/${collection}?dryRun=true`,
        rawBody: {
          text: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\nMã bản ghi\r\n\r\n--${boundary}--\r\n`,
          contentType: `multipart/form-data; boundary=${boundary}`,
        },
      }),
    };
  }
  return rules;
}

const t: TestApp = await createTestApp();
// Read at collection time, so that each declared route becomes a test of its own.
const operations: ApiOperation[] = await readApiOperations(t.app);
let fixtures: Fixtures;
const sessions = new Map<Caller, string | null>();
const rules = buildRules(() => fixtures.registry);

/** Signs in a new user of the caller's kind; the two unit users differ only by organisation. */
async function signInAs(caller: Caller): Promise<string | null> {
  const registry = fixtures.registry;
  switch (caller) {
    case 'anonymous':
      return null;
    case 'unitOwning':
      return (await t.signIn('unit', registry.owningOrganisationId)).cookie;
    case 'unitNotOwning':
      return (await t.signIn('unit', registry.otherOrganisationId)).cookie;
    default:
      return (await t.signIn(caller)).cookie;
  }
}

beforeAll(async () => {
  const admin = await t.signIn('admin');
  const registry = await seedRegistry(t, admin.cookie);
  const adminEmail = `matrix-admin${nextSerial()}@test.local`;
  await t.services.users.create(
    { email: adminEmail, password, role: 'admin' },
    { userId: null, email: 'test' },
  );
  fixtures = {
    registry,
    adminEmail,
    fresh: (path, payload) => createThrough(t.app, admin.cookie, path, payload),
    admin: async (method, url, payload) => {
      const response = await send(t.app, { method, url, payload, cookie: admin.cookie });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
      return response.json();
    },
  };
  for (const caller of callers) sessions.set(caller, await signInAs(caller));
});
afterAll(() => t.close());

function expectedFor(access: Access, caller: Caller): 'allowed' | 401 | 403 {
  if (allowedCallers[access].includes(caller)) return 'allowed';
  return caller === 'anonymous' ? 401 : 403;
}

/** 'allowed' for any 2xx; otherwise the status, with the problem's text when it is not a refusal,
 * so that a failing row shows why the allowed call did not pass. */
function describeAnswer(status: number, body: string): 'allowed' | number | string {
  if (status >= 200 && status < 300) return 'allowed';
  return status === 401 || status === 403 ? status : `${status} ${body.slice(0, 200)}`;
}

describe('authorization matrix', () => {
  it('has no rule for a route the OpenAPI document no longer declares', () => {
    const declared = new Set(operations.map((operation) => operation.key));
    expect(Object.keys(rules).filter((key) => !declared.has(key))).toEqual([]);
  });

  for (const operation of operations) {
    const rule = rules[operation.key];
    it(`${operation.key} answers each kind of caller as its rule says`, async () => {
      if (!rule) throw new Error(`${operation.key} has no access rule: add one to the rules table.`);
      const answers: Record<string, number | string> = {};
      const expected: Record<string, number | string> = {};
      for (const caller of callers) {
        const cookie = rule.endsSession ? await signInAs(caller) : sessions.get(caller);
        const request = await rule.request(fixtures);
        const response = await send(t.app, { method: operation.method, ...request, cookie });
        expected[caller] = expectedFor(rule.access, caller);
        answers[caller] = describeAnswer(response.statusCode, response.body);
      }
      expect(answers).toEqual(expected);
    });
  }
});

/** The request with each declared input broken: a bad id in the path, an unknown query
 * parameter, a body that is not the contract's. Every declared query schema is strict. */
function brokenRequest(operation: ApiOperation): Omit<ApiRequest, 'cookie'> {
  const path = operation.path.replace(/\{[^}]+\}/g, 'not-an-id');
  const hasQuery = operation.parameters.some((parameter) => parameter.in === 'query');
  return {
    method: operation.method,
    url: hasQuery ? `${path}?unexpectedField=1` : path,
    ...(operation.body ? { payload: { unexpectedField: true } } : {}),
  };
}

describe('refusing before validating', () => {
  for (const operation of operations) {
    const rule = rules[operation.key];
    // Whether a unit owns a record is known only once the record is found, so a unit sent a broken
    // id cannot be told "not yours"; every other refusal comes before the input is read.
    const denied = callers.filter(
      (caller) =>
        rule &&
        expectedFor(rule.access, caller) !== 'allowed' &&
        !(rule.access === 'owningUnit' && caller === 'unitNotOwning'),
    );
    if (!rule || denied.length === 0) continue;
    it(`${operation.key} refuses a denied caller with 401/403 even when the request is invalid`, async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of denied) {
        const response = await send(t.app, { ...brokenRequest(operation), cookie: sessions.get(caller) });
        answers[caller] = response.statusCode;
        expected[caller] = expectedFor(rule.access, caller) as number;
      }
      expect(answers).toEqual(expected);
    });
  }
});
/** How many audit rows the caller may read with the query; none when refused. */
async function countAuditRows(caller: Caller, query: string): Promise<number> {
  const response = await send(t.app, {
    method: 'GET',
    url: `/api/v1/audit?${query}`,
    cookie: sessions.get(caller),
  });
  if (response.statusCode === 403) return 0;
  expect(response.statusCode).toBe(200);
  return response.json().total;
}

describe('audit trail of user accounts', () => {
  it("is read by admins; an editor reads only its own account's rows and every record's", async () => {
    const userRows = await countAuditRows('admin', 'recordType=user');
    expect(userRows).toBeGreaterThan(1);
    const editorId = (
      await send(t.app, { method: 'GET', url: '/api/v1/me', cookie: sessions.get('editor') })
    ).json().id as string;
    const ownRows = await countAuditRows('editor', `recordType=user&recordId=${editorId}`);
    expect(await countAuditRows('editor', 'recordType=user')).toBe(ownRows);
    expect(await countAuditRows('editor', 'page=1')).toBe(
      (await countAuditRows('admin', 'page=1')) - userRows + ownRows,
    );
  });
});
