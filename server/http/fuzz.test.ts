import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uploadDocumentFields } from '../../common/contracts/documents.ts';
import { createSource } from '../../common/contracts/sources.ts';
import { agreements } from '../modules/agreements/agreements.table.ts';
import { partners } from '../modules/partners/partners.table.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { findAuditMismatches, findDanglingReferences } from '../test-consistency.ts';
import {
  type ApiOperation,
  type ApiRequest,
  type JsonSchema,
  type Registry,
  readApiOperations,
  seedRegistry,
  send,
} from '../test-registry.ts';

// Requests generated from the OpenAPI document's own schemas — valid values, boundaries and
// hostile ones — sent as an editor, an admin and anonymously. Whatever comes in, the answer is
// never a 5xx nor a stall, and the database stays consistent afterwards.
// Seeded: a failure names its seed and request, and the same run reproduces it.

const seed = 14;
const budget = { requests: 3000, milliseconds: 30_000 };
// A stall (a value that makes a request hang), not a speed target: speeds live in the benches,
// and a loaded CI machine takes a couple of seconds over a briefing PDF.
const slowMs = 10_000;
const atLimitMax = 100_000;

/** mulberry32: small, fast and the same on every platform. */
function createRandom(initial: number) {
  let state = initial >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (probability: number) => next() < probability,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof createRandom>;

const hostileStrings = [
  '',
  '   ',
  'x'.repeat(100_000),
  'Bộ Y tế 🇻🇳 ‮gnp.exe ‌ẞ ﷽ ',
  'a\u0301\u0302\u0303\u0304'.repeat(50),
  '\ud800',
  "' OR 1=1 --",
  '%00',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '2024-02-30',
  '0000-00-00',
  '9999-99-99',
  '2024-13-01T25:61:61Z',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '\u0000',
  'Hà\u0000Nội',
];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

const hostileValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  -1e308,
  1e308,
  2 ** 53 + 1,
  [],
  {},
  ['a'],
  { nested: { deeper: { deepest: 'x' } } },
  deepArray(2000),
  JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}'),
];

function hostileValue(random: Random): unknown {
  return random.chance(0.6) ? random.pick(hostileStrings) : random.pick(hostileValues);
}

/** A valid value for each pattern the API declares; a test checks every pattern has one. */
const patternValues: Record<string, (random: Random) => string> = {
  '^[^@\\s]+@[^@\\s]+$': (random) => `fuzz${random.integer(1, 99999)}@test.local`,
  '^[A-Za-z][A-Za-z0-9-]{1,15}$': (random) => `F${random.integer(1, 99999)}`,
  '^[A-Z]{2}$': (random) => random.pick(['VN', 'BY', 'JP', 'FR', 'US']),
  '^\\d{4}-\\d{2}-\\d{2}$': (random) => isoDate(random),
  '^[A-Za-z0-9_-]{20,100}\\.ics$': (random) => `${'x'.repeat(random.integer(20, 60))}.ics`,
  '^[a-z][a-z0-9_]{0,63}$': (random) =>
    random.pick(['research', 'training', `fuzz_${random.integer(1, 9999)}`]),
  '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$': (random) =>
    random.chance(0.5) ? isoDate(random).slice(0, 7) : isoDate(random),
};

function isoDate(random: Random): string {
  const day = new Date(Date.UTC(random.integer(1990, 2040), random.integer(0, 11), random.integer(1, 28)));
  return day.toISOString().slice(0, 10);
}

function randomUuid(random: Random): string {
  const hex = () => random.integer(0, 15).toString(16);
  const run = (length: number) => Array.from({ length }, hex).join('');
  return `${run(8)}-${run(4)}-4${run(3)}-a${run(3)}-${run(12)}`;
}

/** A request is valid (to get past validation into the services), at the boundaries, or hostile. */
type Mode = 'valid' | 'boundary' | 'hostile';

/** How often each mode breaks a value, by kind of break. */
const breakRates: Record<Mode, { hostile: number; boundary: number }> = {
  valid: { hostile: 0, boundary: 0 },
  boundary: { hostile: 0, boundary: 0.3 },
  hostile: { hostile: 0.15, boundary: 0.1 },
};

type Context = {
  random: Random;
  mode: Mode;
  /** Ids of real records (the registry's and those the run created), to aim requests at. */
  ids: string[];
  /** The same ids by the collection whose answers carried them (`/api/v1/sources`). */
  idsByCollection: Map<string, string[]>;
  /** Every string gets a U+0000 somewhere: the NUL run. */
  isNulRun: boolean;
  /** The version last seen for a record, so that some edits get past the version check. */
  versionOf: (id: string | undefined) => number | undefined;
  targetId?: string;
};

function validString(schema: JsonSchema, context: Context): string {
  const { random } = context;
  if (schema.format === 'uuid') return random.chance(0.8) ? random.pick(context.ids) : randomUuid(random);
  if (schema.format === 'date-time') {
    if (!random.chance(breakRates[context.mode].boundary)) return `${isoDate(random)}T08:30:00+07:00`;
    return random.pick(['9999-12-31T23:59:59-12:00', '0001-01-01T00:00:00+14:00', '2024-02-29T00:00:00Z']);
  }
  if (schema.format === 'uri') return `https://moh.gov.vn/tin/${random.integer(1, 9999)}`;
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' && random.chance(breakRates[context.mode].boundary)) {
    return random.pick(['0000-01-01', '9999-12-31', '2024-02-29', '2023-02-29']);
  }
  const fromPattern = schema.pattern ? patternValues[schema.pattern] : undefined;
  if (fromPattern) return fromPattern(random);
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 60);
  const words = ['Bộ', 'Y tế', 'hợp tác', 'Belarus', 'ung thư', 'đào tạo', 'vaccine', 'WHO'];
  let text = random.pick(words);
  while (text.length < min) text += ` ${random.pick(words)}`;
  return text.slice(0, Math.max(max, min));
}

/** Empty, blank, just over the limit, and at the limit where that stays under `atLimitMax`:
 * a source text at its 2,000,000-character limit takes the reader seconds, which is work asked
 * for, not a hang (see docs/SECURITY.md). */
function boundaryString(schema: JsonSchema, random: Random): string {
  const max = schema.maxLength ?? 300;
  const atLimit = 'ạ'.repeat(Math.min(max, atLimitMax));
  return random.pick([
    '',
    ' '.repeat(3),
    atLimit,
    'ạ'.repeat(max + 1),
    'A'.repeat(Math.min(max, atLimitMax)),
  ]);
}

function numberFor(schema: JsonSchema, random: Random, mode: Mode): number {
  const min = schema.minimum ?? -1000;
  const max = Math.min(schema.maximum ?? 1000, Math.max(min, 0) + 10_000);
  if (!random.chance(breakRates[mode].boundary))
    return random.integer(Math.max(min, -1000), Math.max(Math.max(min, -1000), max));
  return random.pick([min, max, min - 1, max + 1, 0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER]);
}

function withNul(text: string, random: Random): string {
  const at = random.integer(0, text.length);
  return `${text.slice(0, at)}\u0000${text.slice(at)}`;
}

/** A value for the schema: mostly valid, sometimes at a boundary, sometimes of the wrong kind. */
function generate(schema: JsonSchema, context: Context, depth = 0, name?: string): unknown {
  const { random } = context;
  const rates = breakRates[context.mode];
  if (random.chance(rates.hostile)) return hostileValue(random);
  if (schema.anyOf) return generate(random.pick(schema.anyOf), context, depth, name);
  if (schema.nullable && random.chance(0.1)) return null;
  if (name === 'version' && random.chance(0.7)) return context.versionOf(context.targetId) ?? 1;
  if (schema.enum)
    return random.chance(rates.hostile) ? random.pick(hostileStrings) : random.pick(schema.enum);
  switch (schema.type) {
    case 'string': {
      const text = random.chance(rates.boundary)
        ? boundaryString(schema, random)
        : validString(schema, context);
      return context.isNulRun ? withNul(text, random) : text;
    }
    case 'integer':
    case 'number':
      return numberFor(schema, random, context.mode);
    case 'boolean':
      return random.chance(0.5);
    case 'array': {
      const length = random.chance(rates.boundary / 3) ? (schema.maxItems ?? 50) + 1 : random.integer(0, 3);
      return Array.from({ length }, () => generate(schema.items ?? {}, context, depth + 1));
    }
    case 'object':
      return generateObject(schema, context, depth);
    default:
      return hostileValue(random);
  }
}

function generateObject(schema: JsonSchema, context: Context, depth: number): Record<string, unknown> {
  const { random } = context;
  const rates = breakRates[context.mode];
  const value: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const isRequired = schema.required?.includes(key) ?? false;
    if ((isRequired && !random.chance(rates.hostile / 3)) || random.chance(depth > 1 ? 0.2 : 0.5)) {
      value[key] = generate(property, context, depth + 1, key);
    }
  }
  if (random.chance(rates.hostile / 3))
    value[random.pick(['extra', 'id', 'isAdmin', 'role', 'createdAt'])] = 'x';
  return value;
}

/** Percent-encodes text for a URL; a lone surrogate, which has no UTF-8, becomes the bytes a
 * careless client would send for it. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A query string from the declared parameters, with the odd unknown, repeated or broken one. */
function generateQuery(operation: ApiOperation, context: Context): string {
  const { random } = context;
  const parts: string[] = [];
  for (const parameter of operation.parameters.filter((item) => item.in === 'query')) {
    if (!parameter.required && random.chance(0.6)) continue;
    const value = generate(parameter.schema, context, 0, parameter.name);
    const texts = Array.isArray(value)
      ? value.map(String)
      : [typeof value === 'object' ? JSON.stringify(value) : String(value)];
    for (const text of texts) parts.push(`${parameter.name}=${encodeLoosely(text)}`);
  }
  if (random.chance(breakRates[context.mode].hostile / 3))
    parts.push(random.pick(['unknown=1', 'page=1&page=2', 'q=%E0%A4%A', 'q=%', `q=${'%41'.repeat(5000)}`]));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** `/api/v1/sources/{id}/accept` → `/api/v1/sources`. */
function collectionOf(path: string): string {
  return path.split('/{')[0]!;
}

function generatePath(operation: ApiOperation, context: Context, registry: Registry): string {
  const { random } = context;
  return operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    if (random.chance(breakRates[context.mode].hostile)) return encodeLoosely(String(hostileValue(random)));
    if (name === 'code') return random.pick([registry.partnerCode, 'WHO', 'by', 'ZZ']);
    if (operation.path.startsWith('/api/v1/areas')) return random.pick(['research', 'training', 'nope']);
    const own = context.idsByCollection.get(collectionOf(operation.path)) ?? [];
    const id =
      own.length > 0 && random.chance(0.8)
        ? random.pick(own)
        : random.chance(0.9)
          ? random.pick(context.ids)
          : randomUuid(random);
    context.targetId = id;
    return id;
  });
}

type FuzzRequest = ApiRequest & { label: string };

function generateRequest(
  operation: ApiOperation,
  context: Context,
  registry: Registry,
  cookies: { editor: string; admin: string },
): FuzzRequest {
  const { random } = context;
  context.targetId = undefined;
  const pick = random.next();
  context.mode = pick < 0.5 ? 'valid' : pick < 0.75 ? 'boundary' : 'hostile';
  const path = generatePath(operation, context, registry);
  const url = `${path}${generateQuery(operation, context)}`;
  const caller = random.next();
  const cookie = caller < 0.7 ? cookies.editor : caller < 0.8 ? cookies.admin : null;
  const schema = operation.key === 'POST /api/v1/sources' ? sourceBodySchema : operation.body;
  const label = `${context.mode} ${operation.method} ${url.slice(0, 200)} as ${cookie === cookies.admin ? 'admin' : cookie ? 'editor' : 'anonymous'}`;
  if (operation.key === 'POST /api/v1/documents') {
    return { method: operation.method, url, cookie, label, rawBody: documentUpload(context) };
  }
  if (!schema) return { method: operation.method, url, cookie, label };
  const kind = context.mode === 'hostile' ? random.next() : 1;
  const rawBody =
    kind < 0.12
      ? { text: random.pick(['{"a":', '[1,2', '"', 'null', '{}{}']), contentType: 'application/json' }
      : kind < 0.2
        ? { text: 'text=hello', contentType: 'text/plain' }
        : { text: JSON.stringify(generate(schema, context)), contentType: 'application/json' };
  return { method: operation.method, url, cookie, label, rawBody };
}

/** POST /api/v1/sources takes JSON or an upload, so its body is read in the handler and not
 * declared on the route; the fuzz takes it from the contract the handler parses with. */
const sourceBodySchema = z.toJSONSchema(createSource, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** POST /api/v1/documents is a multipart upload: its fields from the contract the handler parses
 * with, and a file that is a PDF, an impostor, empty, or missing. */
const documentFieldsSchema = z.toJSONSchema(uploadDocumentFields, {
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

function documentUpload(context: Context): { text: string; contentType: string } {
  const { random } = context;
  const boundary = 'fuzz-document';
  const fields = generate(documentFieldsSchema, context);
  const parts = Object.entries(fields && typeof fields === 'object' ? fields : {}).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${typeof value === 'string' ? value : JSON.stringify(value)}\r\n`,
  );
  const content = random.pick([
    '%PDF-1.4\n%%EOF',
    '<html><script>alert(1)</script>',
    '',
    'PK\u0003\u0004[Content_Types].xml',
  ]);
  const name = random.pick(['Biên bản.pdf', '../../etc/passwd', '', 'a"b.docx', '‮fdp.exe']);
  const file = random.chance(0.9)
    ? `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n`
    : '';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    text: `${parts.join('')}${file}--${boundary}--\r\n`,
  };
}

function carriesNul(request: FuzzRequest): boolean {
  return Boolean(request.rawBody?.text.includes('\\u0000') || /%00/i.test(request.url));
}

let t: TestApp;
let operations: ApiOperation[];
let registry: Registry;
let cookies: { editor: string; admin: string };

beforeAll(async () => {
  t = await createTestApp();
  operations = (await readApiOperations(t.app)).filter(
    // Signing out would end the fuzz's own session; the matrix covers it.
    (operation) => operation.key !== 'POST /api/v1/auth/logout',
  );
  const editor = await t.signIn('editor');
  cookies = { editor: editor.cookie, admin: (await t.signIn('admin')).cookie };
  registry = await seedRegistry(t, editor.cookie);
});
afterAll(() => t.close());

type Outcome = { label: string; status: number; ms: number; body: string };

/** Remembers the id and version of every record an answer carries (one, or a page of them), so
 * that later requests aim at real records of the right kind with a version that passes. */
function learnRecords(body: unknown, collection: string, context: Context, versions: Map<string, number>) {
  const items = (body as { items?: unknown }).items;
  for (const record of (Array.isArray(items) ? items : [body]) as { id?: unknown; version?: unknown }[]) {
    if (typeof record?.id !== 'string' || typeof record.version !== 'number') continue;
    if (!versions.has(record.id) && context.ids.length < 300) {
      context.ids.push(record.id);
      const own = context.idsByCollection.get(collection) ?? [];
      context.idsByCollection.set(collection, [...own, record.id]);
    }
    versions.set(record.id, record.version);
  }
}

async function runFuzz(random: Random, isNulRun: boolean, limit: typeof budget) {
  const ids = Object.values(registry).filter((value) => /^[0-9a-f-]{36}$/.test(value));
  const versions = new Map<string, number>();
  const context: Context = {
    random,
    mode: 'valid',
    ids,
    idsByCollection: new Map(),
    isNulRun,
    versionOf: (id) => (id ? versions.get(id) : undefined),
  };
  const failures: Outcome[] = [];
  const started = performance.now();
  let sent = 0;
  let skippedNul = 0;
  while (sent < limit.requests && performance.now() - started < limit.milliseconds) {
    const operation = random.pick(operations);
    const request = generateRequest(operation, context, registry, cookies);
    if (!isNulRun && carriesNul(request)) {
      skippedNul += 1;
      continue;
    }
    const before = performance.now();
    const response = await send(t.app, request);
    const ms = performance.now() - before;
    sent += 1;
    if (response.statusCode >= 500 || ms > slowMs) {
      failures.push({
        label: request.label,
        status: response.statusCode,
        ms: Math.round(ms),
        body: response.body.slice(0, 300),
      });
    }
    if (
      String(response.headers['content-type']).startsWith('application/json') &&
      response.statusCode < 300
    ) {
      learnRecords(response.json(), collectionOf(operation.path), context, versions);
    }
  }
  return { sent, skippedNul, failures };
}

describe(`fuzz from the OpenAPI schemas (seed ${seed})`, () => {
  it('knows a valid value for every pattern the API declares', () => {
    const random = createRandom(seed);
    const declared = new Set<string>();
    const collect = (schema: unknown) => {
      if (!schema || typeof schema !== 'object') return;
      const { pattern, format } = schema as JsonSchema;
      if (pattern && format !== 'uuid' && format !== 'date-time') declared.add(pattern);
      for (const value of Object.values(schema)) collect(value);
    };
    for (const operation of operations) collect([operation.body, operation.parameters]);
    expect([...declared].filter((pattern) => !patternValues[pattern])).toEqual([]);
    for (const [pattern, value] of Object.entries(patternValues)) {
      expect(value(random)).toMatch(new RegExp(pattern));
    }
  });

  it('would notice a record changed behind the audit trail, or pointing at nothing', async () => {
    const rolledBack = new Error('roll back');
    const found = await t.database.db
      .transaction(async (tx) => {
        await tx
          .update(partners)
          .set({ nameEn: 'Changed without an audit row' })
          .where(eq(partners.id, registry.partnerId));
        await tx
          .update(agreements)
          .set({ partyIds: [randomUUID()] })
          .where(eq(agreements.id, registry.agreementId));
        const problems = [...(await findAuditMismatches(tx)), ...(await findDanglingReferences(tx))];
        throw Object.assign(rolledBack, { problems });
      })
      .catch((error: Error & { problems?: string[] }) => error.problems ?? []);
    expect(found).toEqual([
      expect.stringContaining(`partner:${registry.partnerId}.nameEn`),
      expect.stringContaining(`agreement:${registry.agreementId}.partyIds`),
      expect.stringMatching(
        new RegExp(`^agreement:${registry.agreementId}\\.partyIds points at missing partner`),
      ),
    ]);
  });

  it('answers every request without a 5xx or a stall', { timeout: 120_000 }, async () => {
    const { sent, skippedNul, failures } = await runFuzz(createRandom(seed), false, budget);
    expect(sent).toBeGreaterThan(500);
    expect(skippedNul).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('leaves every record as its latest audit row describes it', async () => {
    expect(await findAuditMismatches(t.database.db)).toEqual([]);
  });

  it('leaves no record pointing at one that is gone', async () => {
    expect(await findDanglingReferences(t.database.db)).toEqual([]);
  });

  it('refuses text carrying U+0000 with a 4xx, never a 5xx', { timeout: 60_000 }, async () => {
    const { sent, failures } = await runFuzz(createRandom(seed + 1), true, {
      requests: 600,
      milliseconds: 15_000,
    });
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(await findAuditMismatches(t.database.db)).toEqual([]);
  });
});
