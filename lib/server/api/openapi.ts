import { z } from 'zod';
import {
  ZApiIndicatorQuery,
  ZApiProjectCodePath,
  ZApiProjectListQuery,
  ZApiProjectQuery,
  ZApiRollupQuery,
  ZApiYearPath,
} from '@/lib/validations/api';
import { ZApiProblemListQuery, ZApiProblemNumberPath, ZApiProblemQuery } from '@/lib/validations/api-problems';
import { ZApiIndicatorList } from './indicator-schemas';
import { ZApiProblem, ZApiProblemPage } from './problem-schemas';
import { apiSchemas, ZApiError, ZApiProject, ZApiProjectPage, ZApiRollup } from './response-schemas';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the code: each operation's parameters from the zod
 * schemas that validate them (lib/validations/api.ts), its answers from the schemas the answers are typed by
 * (response-schemas.ts). tests/integration/api-openapi.test.ts calls every endpoint and validates what it
 * answers against this document.
 */

type JsonSchema = Record<string, unknown>;

const ref = (schema: z.ZodType): JsonSchema => {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error('the schema is not one of the named API schemas');
  return { $ref: `#/components/schemas/${id}` };
};

/**
 * A schema as it sits inside the document: what the value is, without JSON Schema's document keywords, and
 * without the bounds zod gives every integer (±2^53 − 1), which say nothing to a reader.
 */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest), (key, value: unknown) =>
    (key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER
      ? undefined
      : value,
  ) as JsonSchema;
}

/** The object schema of what a validated input holds: a query's parameters. */
function outputOf(schema: z.ZodType): JsonSchema {
  return embedded(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema);
}

function pathParameter(name: string, schema: z.ZodType) {
  const { description, ...rest } = outputOf(schema);
  return { name, in: 'path', required: true, description, schema: rest };
}

/** Every parameter of a query schema; all are optional, lists are repeated or comma-separated (form, exploded). */
function queryParameters(schema: z.ZodType) {
  const properties = (outputOf(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref(ZApiError)) });

const UNAUTHORIZED = {
  ...error('No token, an unknown token or a revoked token. The answer carries `WWW-Authenticate: Bearer`.'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="keystone-api"' } },
};

const TOO_MANY_REQUESTS = {
  ...error(
    'More requests from this token than its rate limit allows (600 a minute unless the operator set otherwise).',
  ),
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait before the next request' } },
};

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  path?: Record<string, z.ZodType>;
  query: z.ZodType;
  ok: { description: string; schema: z.ZodType };
  badRequest: string;
  notFound: string;
}

function get(op: Operation) {
  return {
    get: {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: [
        ...Object.entries(op.path ?? {}).map(([name, schema]) => pathParameter(name, schema)),
        ...queryParameters(op.query),
      ],
      responses: {
        '200': { description: op.ok.description, content: json(ref(op.ok.schema)) },
        '400': error(op.badRequest),
        '401': UNAUTHORIZED,
        '404': error(op.notFound),
        '429': TOO_MANY_REQUESTS,
      },
    },
  };
}

const DESCRIPTION = [
  'Read-only access to the key-project investment figures of 重庆市渝中区 (Yuzhong District), for the city’s platform.',
  '',
  '- Authenticate with `Authorization: Bearer <token>`; an administrator issues and revokes tokens under 系统管理 → API 令牌.',
  '- Every figure is computed by the same code as the Keystone pages, with the read rights of a district leader (all projects, every rollup, every coordination problem).',
  '- Money is in 万元 (10,000 yuan) as exact decimal strings; each resource says so in `unit`.',
  '- Errors are `{ "error": { "code", "message", "details"? } }`. Messages are in English (validation messages name the parameter), while names of projects, departments and areas are Chinese as stored.',
  '- Unknown query parameters are refused with 400 rather than ignored.',
  '- Every answer carries `Cache-Control: no-store`.',
  '- Each token may make 600 requests a minute (unless the operator set otherwise); beyond that the answer is 429 with `Retry-After`.',
].join('\n');

function buildDocument() {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Keystone JSON API', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/plan-years/{year}/rollup': get({
        operationId: 'getRollup',
        summary: 'The district’s rollup of a plan year through a month',
        description:
          'Totals, 序时进度 (pace), and breakdowns by stage, investor type, direction, department (with reporting timeliness) and area, plus the monthly S-curve and 同比 (months 1…N against the same months of the previous plan year, when that year is in Keystone), as the dashboard shows them.',
        path: { year: ZApiYearPath },
        query: ZApiRollupQuery,
        ok: { description: 'the rollup', schema: ZApiRollup },
        badRequest: 'a bad month or basis, or an unknown parameter',
        notFound: 'no such plan year (or a path that names no year)',
      }),
      '/plan-years/{year}/indicators': get({
        operationId: 'listIndicators',
        summary: 'The plan year’s economic and social indicators (附件2) and their status',
        description:
          'Each indicator’s target as printed and as read, the previous year’s outcome, the responsible department, the latest approved figure and its status against the target, as the indicator page shows them.',
        path: { year: ZApiYearPath },
        query: ZApiIndicatorQuery,
        ok: { description: 'the indicators', schema: ZApiIndicatorList },
        badRequest: 'an unknown parameter',
        notFound: 'no such plan year (or a path that names no year)',
      }),
      '/projects': get({
        operationId: 'listProjects',
        summary: 'The key projects of a plan year, filtered, sorted and paginated',
        query: ZApiProjectListQuery,
        ok: { description: 'one page of projects', schema: ZApiProjectPage },
        badRequest: 'a bad parameter value, or an unknown parameter',
        notFound: 'no such plan year',
      }),
      '/projects/{code}': get({
        operationId: 'getProject',
        summary: 'A project with its plan of a year and the monthly history',
        path: { code: ZApiProjectCodePath },
        query: ZApiProjectQuery,
        ok: {
          description: 'the project; `plan` is null when the project has no plan in that year',
          schema: ZApiProject,
        },
        badRequest: 'a bad year, or an unknown parameter',
        notFound: 'no project with this code, or no such plan year',
      }),
      '/problems': get({
        operationId: 'listProblems',
        summary: 'The coordination problems (协调问题), filtered, sorted and paginated',
        description: 'The 问题台账 as the bureau sees it: every problem, overdue counted against today.',
        query: ZApiProblemListQuery,
        ok: { description: 'one page of problems', schema: ZApiProblemPage },
        badRequest: 'a bad parameter value, or an unknown parameter',
        notFound: 'no such plan year (a filter that matches nothing answers an empty page)',
      }),
      '/problems/{number}': get({
        operationId: 'getProblem',
        summary: 'A coordination problem with its timeline',
        path: { number: ZApiProblemNumberPath },
        query: ZApiProblemQuery,
        ok: { description: 'the problem', schema: ZApiProblem },
        badRequest: 'an unknown parameter',
        notFound: 'no problem with this number',
      }),
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'the OpenAPI 3.1 document', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Keystone API token (`ks_…`), issued by an administrator.',
        },
      },
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)])),
    },
  };
}

/** Built once, on first use: the schemas do not change while the server runs. */
let document: ReturnType<typeof buildDocument> | undefined;

export function openApiDocument(): ReturnType<typeof buildDocument> {
  document ??= buildDocument();
  return document;
}
