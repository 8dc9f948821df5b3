import {
  BuildType,
  Direction,
  InvestorType,
  MilestoneKind,
  MilestoneStatus,
  PlanYearStatus,
  ReportStatus,
  Stage,
} from '@/generated/prisma/enums';
import { PROJECT_LIST_SORTS, WARNING_LEVELS } from '@/lib/validations/project-list';
import { API_PAGE_SIZE_MAX } from '@/lib/validations/api';

/**
 * The OpenAPI 3.1 description of /api/v1, written by hand beside the handlers it describes
 * (app/api/v1/…). tests/integration/api-v1.test.ts checks that it lists every path the API serves.
 */

const money = (description: string) => ({
  type: 'string',
  pattern: '^-?\\d+(\\.\\d+)?$',
  description: `${description} (万元, an exact decimal string; never a JSON number, so no precision is lost)`,
  examples: ['2478000.00'],
});
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });
const percent = (description: string) => ({ type: ['string', 'null'], description: `${description}; a decimal string, null without a base` });
const enumOf = (values: Record<string, string>) => ({ type: 'string', enum: Object.values(values) });
const date = { type: ['string', 'null'], format: 'date' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const listParam = (name: string, description: string, values?: readonly string[]) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Several values: repeat the parameter or separate them with commas.`,
  schema: { type: 'array', items: values ? { type: 'string', enum: values } : { type: 'string' } },
  style: 'form',
  explode: true,
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const UNAUTHORIZED = {
  ...errorResponse('No token, an unknown token or a revoked token. The answer carries `WWW-Authenticate: Bearer`.'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="keystone-api"' } },
};

const rollupCut = (key: Record<string, unknown>) => ({
  type: 'object',
  required: ['key', 'label', 'count', 'annualPlan', 'completed', 'percent'],
  properties: {
    key,
    label: { type: 'string', description: 'a department’s or area’s name; for enum cuts the enum value itself' },
    count: { type: 'integer', description: 'number of projects' },
    annualPlan: money('annual planned investment'),
    completed: money('investment completed in months 1…N'),
    percent: percent('completed ÷ annualPlan × 100, 2 decimals'),
  },
});

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Keystone JSON API',
    version: '1.0.0',
    description: [
      'Read-only access to the key-project investment figures of 重庆市渝中区 (Yuzhong District), for the city’s platform.',
      '',
      '- Authenticate with `Authorization: Bearer <token>`; an administrator issues and revokes tokens under 系统管理 → API 令牌.',
      '- Every figure is computed by the same code as the Keystone pages, with the read rights of a district leader (all projects, every rollup).',
      '- Money is in 万元 (10,000 yuan) as exact decimal strings; each resource says so in `unit`.',
      '- Errors are `{ "error": { "code", "message", "details"? } }`. Messages are in English (validation messages are zod’s, naming the parameter), while names of projects, departments and areas are Chinese as stored.',
      '- Unknown query parameters are refused with 400 rather than ignored.',
      '- Every answer carries `Cache-Control: no-store`.',
    ].join('\n'),
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/plan-years/{year}/rollup': {
      get: {
        operationId: 'getRollup',
        summary: 'The district’s rollup of a plan year through a month',
        description:
          'Totals, 序时进度 (pace), and breakdowns by stage, investor type, direction, department (with reporting timeliness) and area, plus the monthly S-curve, as the dashboard shows them.',
        parameters: [
          { name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: 1000, maximum: 9999 }, description: 'the plan year, e.g. 2025' },
          {
            name: 'month',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 12 },
            description: 'figures through this month; default: the last closed month (the plan year’s reporting month − 1)',
          },
          {
            name: 'basis',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['approved', 'submitted'], default: 'approved' },
            description: '`approved`: official figures, approved reports only. `submitted`: also counts reports submitted and not yet reviewed.',
          },
        ],
        responses: {
          '200': { description: 'the rollup', content: { 'application/json': { schema: ref('Rollup') } } },
          '400': errorResponse('a bad month or basis, or an unknown parameter'),
          '401': UNAUTHORIZED,
          '404': errorResponse('no such plan year'),
        },
      },
    },
    '/projects': {
      get: {
        operationId: 'listProjects',
        summary: 'The key projects of a plan year, filtered, sorted and paginated',
        parameters: [
          { name: 'year', in: 'query', required: false, schema: { type: 'integer' }, description: 'the plan year; default: the active year, else the latest' },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: API_PAGE_SIZE_MAX, default: 50 } },
          { name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: PROJECT_LIST_SORTS, default: 'code' } },
          { name: 'dir', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } },
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'part of the project’s name or code, case-insensitive' },
          listParam('stage', 'Project category (项目类别).', Object.values(Stage)),
          listParam('investor', 'Investor type (投资主体).', Object.values(InvestorType)),
          listParam('direction', 'Investment direction (投资方向).', Object.values(Direction)),
          { ...listParam('department', 'Lead department (责任单位) ids, as in `departmentId` of the results.'), schema: { type: 'array', items: { type: 'integer' } } },
          listParam('area', 'Area (片区), exactly as in `area` of the results.'),
          listParam('warning', 'Pace warning level against 序时进度.', WARNING_LEVELS),
        ],
        responses: {
          '200': { description: 'one page of projects', content: { 'application/json': { schema: ref('ProjectPage') } } },
          '400': errorResponse('a bad parameter value, or an unknown parameter'),
          '401': UNAUTHORIZED,
          '404': errorResponse('no such plan year'),
        },
      },
    },
    '/projects/{code}': {
      get: {
        operationId: 'getProject',
        summary: 'A project with its plan of a year and the monthly history',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: 'the project code (项目代码)' },
          { name: 'year', in: 'query', required: false, schema: { type: 'integer' }, description: 'the plan year; default: the active year, else the project’s latest' },
        ],
        responses: {
          '200': { description: 'the project; `plan` is null when the project has no plan in that year', content: { 'application/json': { schema: ref('Project') } } },
          '400': errorResponse('a bad year, or an unknown parameter'),
          '401': UNAUTHORIZED,
          '404': errorResponse('no project with this code, or no such plan year'),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'the OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'A Keystone API token (`ks_…`), issued by an administrator.' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', enum: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'INTERNAL'] },
              message: { type: 'string', description: 'in English' },
              details: {
                type: 'array',
                description: 'for BAD_REQUEST: each parameter and what is wrong with it',
                items: { type: 'object', required: ['parameter', 'message'], properties: { parameter: { type: 'string' }, message: { type: 'string' } } },
              },
            },
          },
        },
      },
      Rollup: {
        type: 'object',
        required: ['unit', 'year', 'month', 'basis', 'currentMonth', 'projectCount', 'annualPlan', 'completed', 'percentOfPlan', 'pacePercent', 'gapPoints', 'byStage', 'starts', 'completions', 'byInvestor', 'byDirection', 'byDepartment', 'byArea', 'preliminary', 'monthly'],
        properties: {
          unit: { const: '万元' },
          year: { type: 'integer' },
          month: { type: 'integer', minimum: 1, maximum: 12, description: 'figures are through this month' },
          basis: { type: 'string', enum: ['approved', 'submitted'] },
          currentMonth: { type: 'integer', description: 'the month departments are reporting for now' },
          projectCount: { type: 'integer' },
          annualPlan: money('年度计划投资, annual planned investment'),
          completed: money('1–N月累计完成投资, investment completed in months 1…N'),
          percentOfPlan: { type: 'string', description: 'completed ÷ annualPlan × 100, 2 decimals' },
          pacePercent: { type: 'string', description: '序时进度: month ÷ 12 × 100, 2 decimals' },
          gapPoints: { type: 'string', description: 'percentOfPlan − pacePercent, percentage points, signed' },
          byStage: { type: 'array', items: rollupCut(enumOf(Stage)) },
          starts: {
            type: 'object',
            description: '开工率: new starts started by the end of the month',
            properties: { planned: { type: 'integer' }, started: { type: 'integer' }, percent: percent('started ÷ planned × 100') },
          },
          completions: {
            type: 'object',
            description: '竣工率: completions done by the end of the month',
            properties: { planned: { type: 'integer' }, completed: { type: 'integer' }, percent: percent('completed ÷ planned × 100') },
          },
          byInvestor: { type: 'array', items: rollupCut(enumOf(InvestorType)) },
          byDirection: { type: 'array', items: rollupCut(enumOf(Direction)) },
          byDepartment: {
            type: 'array',
            items: {
              allOf: [
                rollupCut({ type: 'integer', description: 'department id' }),
                {
                  type: 'object',
                  properties: {
                    reportsDue: { type: 'integer' },
                    reportsOnTime: { type: 'integer' },
                    onTimePercent: percent('reports of months 1…N submitted by the deadline ÷ reports due × 100'),
                  },
                },
              ],
            },
          },
          byArea: { type: 'array', items: rollupCut({ type: 'string' }) },
          preliminary: {
            type: 'object',
            description: '前期 (preliminary-stage) projects and their milestones reached by the end of the month',
            properties: {
              total: { type: 'integer' },
              milestones: {
                type: 'array',
                items: { type: 'object', properties: { kind: enumOf(MilestoneKind), reached: { type: 'integer' } } },
              },
              readyToStart: { type: 'integer' },
            },
          },
          monthly: {
            type: 'array',
            description: 'the S-curve: each month’s planned and actual investment, 12 entries',
            items: {
              type: 'object',
              required: ['month', 'planned', 'actual'],
              properties: {
                month: { type: 'integer' },
                planned: money('planned investment of the month'),
                actual: { ...nullable(money('investment of the month')), description: 'null after `month`' },
              },
            },
          },
        },
      },
      ProjectListItem: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          code: { type: 'string' },
          name: { type: 'string' },
          departmentId: { type: 'integer' },
          departmentName: { type: 'string' },
          area: { type: 'string' },
          stage: enumOf(Stage),
          investorType: enumOf(InvestorType),
          direction: enumOf(Direction),
          totalInvestment: money('total investment'),
          annualPlan: nullable(money('annual planned investment; null for 前期 projects')),
          ytdApproved: money('approved investment of months 1…ytdThroughMonth'),
          ratePercent: percent('ytdApproved ÷ annualPlan × 100, unrounded'),
          warning: { type: 'string', enum: WARNING_LEVELS },
          currentMonthStatus: { type: ['string', 'null'], enum: [...Object.values(ReportStatus), null] },
        },
      },
      ProjectPage: {
        type: 'object',
        required: ['data', 'page', 'pageSize', 'total', 'year', 'unit'],
        properties: {
          data: { type: 'array', items: ref('ProjectListItem') },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
          total: { type: 'integer', description: 'projects matching the filters, over all pages' },
          year: { type: 'integer' },
          ytdThroughMonth: { type: 'integer' },
          totals: {
            type: 'object',
            description: 'sums over every matching project, not just this page',
            properties: {
              count: { type: 'integer' },
              totalInvestment: money('total investment'),
              annualPlan: money('annual planned investment'),
              ytdApproved: money('approved investment year to date'),
              ratePercent: percent('ytdApproved ÷ annualPlan × 100'),
            },
          },
          unit: { const: '万元' },
        },
      },
      ProjectMonth: {
        type: 'object',
        required: ['month', 'planned', 'reported', 'status', 'approved'],
        properties: {
          month: { type: 'integer', minimum: 1, maximum: 12 },
          planned: nullable(money('planned investment of the month')),
          reported: nullable(money('the figure of the department’s report as it stands; see status (a DRAFT is not submitted yet)')),
          status: { type: ['string', 'null'], enum: [...Object.values(ReportStatus), null], description: 'null when no report was started' },
          approved: nullable(money('the approved figure official rollups count; null until approved')),
        },
      },
      Project: {
        type: 'object',
        required: ['code', 'name', 'department', 'plan', 'unit'],
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          department: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
          ownerUnit: { type: 'string', description: '建设单位/项目业主' },
          area: { type: 'string' },
          buildType: enumOf(BuildType),
          scope: { type: 'string', description: '建设内容' },
          totalInvestment: money('total investment'),
          plannedStart: date,
          plannedCompletion: date,
          actualStart: date,
          actualCompletion: date,
          leaderInCharge: { type: ['string', 'null'] },
          years: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, status: enumOf(PlanYearStatus) } } },
          milestones: {
            type: 'array',
            items: {
              type: 'object',
              properties: { kind: enumOf(MilestoneKind), status: enumOf(MilestoneStatus), plannedDate: date, actualDate: date },
            },
          },
          plan: {
            oneOf: [
              {
                type: 'object',
                properties: {
                  year: { type: 'integer' },
                  planYearStatus: enumOf(PlanYearStatus),
                  currentMonth: { type: 'integer' },
                  stage: enumOf(Stage),
                  investorType: enumOf(InvestorType),
                  direction: enumOf(Direction),
                  cumulativeBeforeYear: money('investment completed before the year'),
                  annualPlan: nullable(money('annual planned investment')),
                  milestoneTarget: { type: ['string', 'null'] },
                  totals: {
                    type: 'object',
                    properties: { planned: money('sum of the monthly plan'), reported: money('sum of reported figures'), approved: money('sum of approved figures') },
                  },
                  months: { type: 'array', minItems: 12, maxItems: 12, items: ref('ProjectMonth') },
                },
              },
              { type: 'null' },
            ],
          },
          unit: { const: '万元' },
        },
      },
    },
  },
} as const;
