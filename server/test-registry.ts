import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.ts';

// What the API-wide tests (authorization matrix, fuzz) share: the operations the OpenAPI document
// declares, one request helper, and a small registry of real records to point ids at.

/** The subset of JSON Schema that fastify-type-provider-zod writes into the OpenAPI document. */
export type JsonSchema = {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  nullable?: boolean;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

export type ApiParameter = { in: 'query' | 'path'; name: string; required?: boolean; schema: JsonSchema };

/** One path × method of the OpenAPI document, keyed as `POST /api/v1/agreements/{id}`. */
export type ApiOperation = {
  key: string;
  method: string;
  path: string;
  parameters: ApiParameter[];
  body: JsonSchema | null;
};

export async function readApiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: ApiParameter[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

export type ApiRequest = {
  method: string;
  url: string;
  payload?: unknown;
  cookie?: string | null;
  /** Sent as is, for bodies that are not JSON or not well-formed. */
  rawBody?: { text: string; contentType: string };
};

/** Every request of the API-wide tests goes through here, so a header the app comes to require
 * of browsers is added once. */
export function send(app: FastifyInstance, request: ApiRequest): Promise<LightMyRequestResponse> {
  const body = request.rawBody
    ? { payload: request.rawBody.text, contentType: request.rawBody.contentType }
    : request.payload === undefined
      ? {}
      : { payload: request.payload as object };
  return app.inject({
    method: request.method as 'GET',
    url: request.url,
    ...('payload' in body ? { payload: body.payload } : {}),
    headers: {
      ...(request.cookie ? { cookie: request.cookie } : {}),
      ...('contentType' in body ? { 'content-type': body.contentType } : {}),
    },
  });
}

/** Real records of every kind, linked as the app links them, for requests that need ids. */
export type Registry = {
  partnerId: string;
  partnerCode: string;
  /** The organisation that owns `commitmentId`, and one that owns nothing. */
  owningOrganisationId: string;
  otherOrganisationId: string;
  personId: string;
  agreementId: string;
  eventId: string;
  commitmentId: string;
  sourceId: string;
  areaId: string;
};

let serial = 0;
/** A value no other call in this process returns, for unique codes, e-mails and area ids. */
export function nextSerial(): number {
  serial += 1;
  return serial;
}

/** Creates a record through the API as the caller and returns it; throws on anything but 201. */
export async function createThrough(
  app: FastifyInstance,
  cookie: string,
  path: string,
  payload: Record<string, unknown>,
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const response = await send(app, { method: 'POST', url: path, payload, cookie });
  if (response.statusCode !== 201) {
    throw new Error(`POST ${path} gave ${response.statusCode}: ${response.body}`);
  }
  return response.json();
}

export async function seedRegistry(t: TestApp, editorCookie: string): Promise<Registry> {
  const create = (path: string, payload: Record<string, unknown>) =>
    createThrough(t.app, editorCookie, path, payload);
  const partner = await create('/api/v1/partners', { kind: 'country', code: 'BY' });
  const owning = await create('/api/v1/organisations', {
    nameVi: 'Vụ Hợp tác quốc tế',
    kind: 'department',
    countryCode: 'VN',
  });
  const other = await create('/api/v1/organisations', {
    nameVi: 'Cục Quản lý Dược',
    kind: 'department',
    countryCode: 'VN',
  });
  const person = await create('/api/v1/people', {
    name: 'Nguyễn Thị Lan',
    countryCode: 'VN',
    positions: [{ title: 'Vụ trưởng', organisationId: owning.id }],
  });
  // Published, so that the portal's article route has something to answer with.
  const source = await create('/api/v1/sources', {
    text: 'Ngày 12/9/2025, Bộ Y tế Việt Nam và Bộ Y tế Belarus ký kế hoạch hợp tác về ung thư.',
    title: 'Việt Nam và Belarus ký kế hoạch hợp tác',
  });
  const published = await send(t.app, {
    method: 'PATCH',
    url: `/api/v1/sources/${source.id}`,
    payload: { version: source.version, isPublished: true, partnerIds: [partner.id] },
    cookie: editorCookie,
  });
  if (published.statusCode !== 200) throw new Error(`publishing the source gave ${published.body}`);
  const agreement = await create('/api/v1/agreements', {
    kind: 'plan',
    titleVi: 'Kế hoạch hợp tác y tế 2025–2027',
    status: 'signed',
    signedOn: '2025-09-12',
    partyIds: [partner.id],
    areaIds: ['research'],
    sourceIds: [source.id],
    isPublished: true,
  });
  const event = await create('/api/v1/events', {
    kind: 'signing',
    title: 'Lễ ký kế hoạch hợp tác',
    startOn: '2025-09-12',
    partnerIds: [partner.id],
    agreementIds: [agreement.id],
    participants: [{ personId: person.id, role: 'signatory' }],
  });
  const commitment = await create('/api/v1/commitments', {
    text: 'Đào tạo 20 bác sĩ ung bướu',
    agreementId: agreement.id,
    eventId: event.id,
    vnOwnerIds: [owning.id],
    horizonYear: 2027,
  });
  return {
    partnerId: partner.id,
    partnerCode: 'BY',
    owningOrganisationId: owning.id,
    otherOrganisationId: other.id,
    personId: person.id,
    agreementId: agreement.id,
    eventId: event.id,
    commitmentId: commitment.id,
    sourceId: source.id,
    areaId: 'research',
  };
}
