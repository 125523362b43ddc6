import type { FastifyInstance, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { safeEncode, type ZodType } from 'zod';
import { $ZodType } from 'zod/v4/core';

// Every list answer is cut to a byte budget, so no page size, however large its records, can make
// one response (and the memory behind it) unbounded. A cut page stays reachable with the same
// `page`/`pageSize` parameters: see `next` below.

type Page = { items: unknown[]; page: number; pageSize: number };

function isListPage(payload: unknown): payload is Page {
  const page = payload as Partial<Page> | null;
  return Array.isArray(page?.items) && typeof page?.pageSize === 'number';
}

/** How many of the items (sized in bytes, in order) fit `byteLimit`: at least one, so every
 * record can be read; and when not all, the page size that keeps the rest on a page boundary. */
function fitSizes(sizes: number[], page: Page, byteLimit: number) {
  let bytes = 0;
  let fitting = 0;
  for (const size of sizes) {
    bytes += size + 1;
    if (bytes > byteLimit && fitting > 0) break;
    fitting += 1;
  }
  if (fitting === sizes.length) return null;
  // The rest must be a page of its own: a size that divides this page's offset makes the cut a
  // page boundary (on page 1 any size does; 1 always does).
  const offset = (page.page - 1) * page.pageSize;
  let size = fitting;
  while (offset % size !== 0) size -= 1;
  return { size, next: { page: offset / size + 2, pageSize: size } };
}

/** The items that fit `byteLimit` (at least one, so every record can be read), and where the
 * rest of the page starts. */
export function fitToByteBudget<P extends Page>(page: P, byteLimit: number) {
  const sizes = page.items.map((item) => Buffer.byteLength(JSON.stringify(item)));
  const cut = fitSizes(sizes, page, byteLimit);
  if (!cut) return { ...page, isTruncated: false };
  return { ...page, items: page.items.slice(0, cut.size), isTruncated: true, next: cut.next };
}

/** A list page as JSON, cut to the budget, each item stringified once: the text measured is the
 * text sent (stringifying each item to measure it, then the page again, cost a third of a list's
 * time). */
export function stringifyWithinBudget(page: Page, byteLimit: number): string {
  const { items, ...rest } = page;
  const texts = items.map((item) => JSON.stringify(item));
  const cut = fitSizes(
    texts.map((text) => Buffer.byteLength(text)),
    page,
    byteLimit,
  );
  const fields = cut ? { ...rest, isTruncated: true, next: cut.next } : { ...rest, isTruncated: false };
  const kept = cut ? texts.slice(0, cut.size) : texts;
  return `{"items":[${kept.join(',')}],${JSON.stringify(fields).slice(1)}`;
}

/** Fastify's serializer for Zod response schemas (fastify-type-provider-zod's, encode then
 * stringify), cutting every list response (`{ items, page, pageSize }`) to the budget as it
 * stringifies it. */
export function createSerializerCompiler(byteLimit: number): FastifySerializerCompiler<ZodType> {
  return ({ schema: declared, method, url }) => {
    // As fastify-type-provider-zod resolves it: Fastify may hand the schema over wrapped.
    const wrapped = declared as unknown as { properties?: unknown };
    const schema = declared instanceof $ZodType ? declared : (wrapped.properties as ZodType);
    return (data) => {
      const result = safeEncode(schema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      return isListPage(result.data)
        ? stringifyWithinBudget(result.data, byteLimit)
        : JSON.stringify(result.data);
    };
  };
}

/** Cuts a list response of a route without a response schema (which the serializer above never
 * sees) before Fastify stringifies it. */
export function registerListBudget(app: FastifyInstance, byteLimit: number) {
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (!isListPage(payload)) return payload;
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const hasSchema = responses?.[reply.statusCode] ?? responses?.[`${String(reply.statusCode)[0]}xx`];
    return hasSchema ? payload : fitToByteBudget(payload, byteLimit);
  });
}
