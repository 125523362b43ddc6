import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordHistory } from '../../common/contracts/audit.ts';
import { deleteQuery, idParams, listResponse, problem } from '../../common/contracts/common.ts';
import type { Role } from '../../common/domain/enums.ts';
import type { ListPage } from '../db/records.ts';
import { actorOf, readRoles, requireRole, writeRoles } from './auth.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

/** The six routes of a collection (the sixth its audited history), each declaring its input and output schemas. Routes stay
 * thin: check the role, call one service function, return. */
export function registerCollectionRoutes<
  R extends z.ZodType,
  L extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
>(
  app: FastifyInstance,
  spec: {
    path: string;
    tag: string;
    record: R;
    /** What a list shows of each record, when less than the record (source summaries). */
    listItem?: L;
    create: C;
    update: U;
    listQuery: Q;
    service: {
      list(query: z.output<Q>): Promise<ListPage<z.output<L>>>;
      get(id: string): Promise<z.output<R>>;
      create(input: z.output<C>, actor: ReturnType<typeof actorOf>): Promise<z.output<R>>;
      update(id: string, input: z.output<U>, actor: ReturnType<typeof actorOf>): Promise<z.output<R>>;
      remove(id: string, version: number, actor: ReturnType<typeof actorOf>): Promise<void>;
      history(id: string): Promise<z.output<typeof recordHistory>>;
    };
    roles?: { read?: readonly Role[]; write?: readonly Role[] };
    /** Set when the module registers its own POST (sources take uploads too). */
    hasCustomCreate?: boolean;
    /** Areas use stable text ids; everything else a UUID. */
    params?: z.ZodObject<{ id: z.ZodType<string> }>;
  },
) {
  const params = spec.params ?? idParams;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const read = requireRole(spec.roles?.read ?? readRoles);
  const write = requireRole(spec.roles?.write ?? writeRoles);
  const tags = [spec.tag];

  typed.get(
    spec.path,
    {
      onRequest: read,
      schema: {
        tags,
        querystring: spec.listQuery,
        response: { 200: listResponse(spec.listItem ?? spec.record), ...problems },
      },
    },
    (request) => spec.service.list(request.query as z.output<Q>) as never,
  );
  typed.get(
    `${spec.path}/:id`,
    { onRequest: read, schema: { tags, params, response: { 200: spec.record, ...problems } } },
    (request) => spec.service.get(request.params.id) as never,
  );
  // Whoever may read a record may read its history: the audit images hold what the record
  // showed, without search columns or password hashes (records.ts toAuditImage).
  typed.get(
    `${spec.path}/:id/history`,
    { onRequest: read, schema: { tags, params, response: { 200: recordHistory, ...problems } } },
    (request) => spec.service.history(request.params.id),
  );
  // Registered without the type provider: with generic schemas TypeScript cannot resolve the
  // reply type, and the body is validated against spec.create all the same.
  if (!spec.hasCustomCreate)
    app.post(
      spec.path,
      { onRequest: write, schema: { tags, body: spec.create, response: { 201: spec.record, ...problems } } },
      async (request, reply) => {
        const created = await spec.service.create(request.body as z.output<C>, actorOf(request));
        return reply.code(201).send(created);
      },
    );
  typed.patch(
    `${spec.path}/:id`,
    {
      onRequest: write,
      schema: { tags, params, body: spec.update, response: { 200: spec.record, ...problems } },
    },
    (request) =>
      spec.service.update(request.params.id, request.body as z.output<U>, actorOf(request)) as never,
  );
  typed.delete(
    `${spec.path}/:id`,
    {
      onRequest: write,
      schema: { tags, params, querystring: deleteQuery, response: { 204: z.null(), ...problems } },
    },
    async (request, reply) => {
      await spec.service.remove(request.params.id, request.query.version, actorOf(request));
      return reply.code(204).send(null);
    },
  );
}
