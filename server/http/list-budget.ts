import type { FastifyInstance } from 'fastify';

// Every list answer is cut to a byte budget, so no page size, however large its records, can make
// one response (and the memory behind it) unbounded. A cut page stays reachable with the same
// `page`/`pageSize` parameters: see `next` below.

type Page = { items: unknown[]; page: number; pageSize: number };

/** The items that fit `byteLimit` (at least one, so every record can be read), and where the
 * rest of the page starts. */
export function fitToByteBudget<P extends Page>(page: P, byteLimit: number) {
  let bytes = 0;
  let fitting = 0;
  for (const item of page.items) {
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes > byteLimit && fitting > 0) break;
    fitting += 1;
  }
  if (fitting === page.items.length) return { ...page, isTruncated: false };
  // The rest must be a page of its own: a size that divides this page's offset makes the cut a
  // page boundary (on page 1 any size does; 1 always does).
  const offset = (page.page - 1) * page.pageSize;
  let size = fitting;
  while (offset % size !== 0) size -= 1;
  return {
    ...page,
    items: page.items.slice(0, size),
    isTruncated: true,
    next: { page: offset / size + 2, pageSize: size },
  };
}

/** Cuts every list response (`{ items, page, pageSize }`) to the budget before it is serialised. */
export function registerListBudget(app: FastifyInstance, byteLimit: number) {
  app.addHook('preSerialization', async (_request, _reply, payload) => {
    const page = payload as Partial<Page> | null;
    const isList = Array.isArray(page?.items) && typeof page?.pageSize === 'number';
    return isList ? fitToByteBudget(page as Page, byteLimit) : payload;
  });
}
