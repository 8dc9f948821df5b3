import { z } from 'zod';
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
import { WARNING_LEVELS } from '@/lib/validations/project-list';

/**
 * What the JSON API answers, as zod schemas. The OpenAPI document's components are generated from them
 * (openapi.ts), resources.ts builds its answers to their types, and tests/integration/api-openapi.test.ts checks
 * every endpoint's real answers against the document: an answer with a field the document does not describe,
 * or without one it promises, fails there.
 */

/** The named schemas, by their component name in the document. */
export const apiSchemas = z.registry<{ id: string }>();

export const named = <S extends z.ZodType>(id: string, schema: S): S => {
  apiSchemas.add(schema, { id });
  return schema;
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

const money = (description: string) =>
  z
    .string()
    .regex(DECIMAL)
    .meta({
      description: `${description} (万元, an exact decimal string; never a JSON number, so no precision is lost)`,
      examples: ['2478000.00'],
    });
const percent = (description: string) =>
  z
    .string()
    .regex(DECIMAL)
    .nullable()
    .meta({ description: `${description}; a decimal string, null without a base` });
const date = z.iso.date().nullable();
const unit = z.literal('万元').meta({ description: 'the unit of every amount in this answer' });

export const ZApiError = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'RATE_LIMITED', 'INTERNAL']),
      message: z.string().meta({ description: 'in English' }),
      details: z
        .array(z.object({ parameter: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'for BAD_REQUEST: each parameter and what is wrong with it' }),
    }),
  }),
);

const cut = <K extends z.ZodType>(key: K) =>
  z.object({
    key,
    label: z.string().meta({ description: 'a department’s or area’s name; for enum cuts the enum value itself' }),
    count: z.int().meta({ description: 'number of projects' }),
    annualPlan: money('annual planned investment'),
    completed: money('investment completed in months 1…N'),
    percent: percent('completed ÷ annualPlan × 100, 2 decimals'),
  });

export const ZApiRollup = named(
  'Rollup',
  z.object({
    unit,
    year: z.int(),
    month: z.int().min(1).max(12).meta({ description: 'figures are through this month' }),
    basis: z.enum(['approved', 'submitted']),
    currentMonth: z.int().meta({ description: 'the month departments are reporting for now' }),
    projectCount: z.int(),
    annualPlan: money('年度计划投资, annual planned investment'),
    completed: money('1–N月累计完成投资, investment completed in months 1…N'),
    percentOfPlan: z.string().regex(DECIMAL).meta({ description: 'completed ÷ annualPlan × 100, 2 decimals' }),
    pacePercent: z.string().regex(DECIMAL).meta({ description: '序时进度: month ÷ 12 × 100, 2 decimals' }),
    gapPoints: z.string().regex(DECIMAL).meta({
      description:
        'the gap to 序时进度 in percentage points, signed, one decimal: (completed ÷ annualPlan − month ÷ 12) × 100 from the unrounded figures, rounded once (half up), as bulletins print it',
    }),
    byStage: z.array(cut(z.enum(Stage))),
    starts: z
      .object({ planned: z.int(), started: z.int(), percent: percent('started ÷ planned × 100') })
      .meta({ description: '开工率: new starts started by the end of the month' }),
    completions: z
      .object({ planned: z.int(), completed: z.int(), percent: percent('completed ÷ planned × 100') })
      .meta({ description: '竣工率: completions done by the end of the month' }),
    construction: z
      .object({
        count: z.int(),
        annualPlan: money('annual planned investment'),
        completed: money('investment completed in months 1…N'),
        percent: percent('completed ÷ annualPlan × 100, 2 decimals'),
      })
      .meta({
        description:
          'the construction projects (完工, 续建, 新开工): the whole that byInvestor and byDirection divide, as the plan report counts them; 前期 projects are the PRELIMINARY line of byStage',
      }),
    byInvestor: z.array(cut(z.enum(InvestorType))).meta({
      description: 'construction projects only (the plan report counts 市级 23 / 社会 42 / 区级 201 in 2025)',
    }),
    byDirection: z.array(cut(z.enum(Direction))).meta({ description: 'construction projects only, as byInvestor' }),
    byDepartment: z.array(
      cut(z.int().meta({ description: 'department id' })).extend({
        reportsDue: z.int(),
        reportsOnTime: z.int(),
        onTimePercent: percent('reports of months 1…N submitted by the deadline ÷ reports due × 100'),
      }),
    ),
    byArea: z.array(cut(z.string())),
    preliminary: z
      .object({
        total: z.int(),
        milestones: z.array(z.object({ kind: z.enum(MilestoneKind), reached: z.int() })),
        readyToStart: z.int(),
      })
      .meta({ description: '前期 (preliminary-stage) projects and their milestones reached by the end of the month' }),
    monthly: z
      .array(
        z.object({
          month: z.int(),
          planned: money('planned investment of the month'),
          actual: money('investment of the month')
            .nullable()
            .meta({ description: 'investment of the month; null after `month`' }),
        }),
      )
      .meta({ description: 'the S-curve: each month’s planned and actual investment, 12 entries' }),
    thresholds: z
      .object({ yellowPoints: z.string().regex(DECIMAL), redPoints: z.string().regex(DECIMAL) })
      .meta({ description: 'the plan year’s pace-warning lines, in points behind 序时进度' }),
    yearOnYear: z
      .object({
        previousYear: z.int(),
        previousCompleted: money('the previous year’s investment completed in the same months 1…N, same basis'),
        percent: percent('同比增长率: (completed − previousCompleted) ÷ previousCompleted × 100, signed, 1 decimal'),
        byStage: z
          .array(
            z.object({
              stage: z.enum(Stage),
              previousCompleted: money('the previous year’s stage completed in months 1…N'),
              percent: percent('this year’s stage against the previous year’s, signed, 1 decimal'),
            }),
          )
          .meta({ description: 'each year’s stage as planned that year (完工, 续建, 新开工, 前期)' }),
      })
      .nullable()
      .meta({
        description:
          '同比 (year on year): months 1…N against the same months of the previous plan year; null when that year is not in Keystone',
      }),
  }),
);

export const ZApiProjectListItem = named(
  'ProjectListItem',
  z.object({
    id: z.int(),
    code: z.string(),
    name: z.string(),
    departmentId: z.int(),
    departmentName: z.string(),
    area: z.string(),
    stage: z.enum(Stage),
    investorType: z.enum(InvestorType),
    direction: z.enum(Direction),
    totalInvestment: money('total investment'),
    annualPlan: money('annual planned investment')
      .nullable()
      .meta({ description: 'annual planned investment; null for 前期 projects' }),
    ytdApproved: money('approved investment of months 1…ytdThroughMonth'),
    ratePercent: percent('ytdApproved ÷ annualPlan × 100, unrounded'),
    warning: z.enum(WARNING_LEVELS),
    currentMonthStatus: z
      .enum(ReportStatus)
      .nullable()
      .meta({ description: 'the report of the reporting month; null when none was started' }),
  }),
);

export const ZApiProjectPage = named(
  'ProjectPage',
  z.object({
    data: z.array(ZApiProjectListItem),
    page: z.int(),
    pageSize: z.int(),
    total: z.int().meta({ description: 'projects matching the filters, over all pages' }),
    year: z.int(),
    ytdThroughMonth: z.int().meta({ description: 'year-to-date figures count approved reports of months 1 … this' }),
    totals: z
      .object({
        count: z.int(),
        totalInvestment: money('total investment'),
        annualPlan: money('annual planned investment'),
        ytdApproved: money('approved investment year to date'),
        ratePercent: percent('ytdApproved ÷ annualPlan × 100'),
      })
      .meta({ description: 'sums over every matching project, not just this page' }),
    unit,
  }),
);

export const ZApiProjectMonth = named(
  'ProjectMonth',
  z.object({
    month: z.int().min(1).max(12),
    planned: money('planned investment of the month').nullable(),
    reported: money(
      'the figure of the department’s report as it stands; see status (a DRAFT is not submitted yet)',
    ).nullable(),
    status: z.enum(ReportStatus).nullable().meta({ description: 'null when no report was started' }),
    approved: money('the approved figure official rollups count; kept while a reopened report is corrected').nullable(),
  }),
);

const ZApiProjectPlan = z.object({
  year: z.int(),
  planYearStatus: z.enum(PlanYearStatus),
  currentMonth: z.int(),
  stage: z.enum(Stage),
  investorType: z.enum(InvestorType),
  direction: z.enum(Direction),
  cumulativeBeforeYear: money('investment completed before the year'),
  annualPlan: money('annual planned investment').nullable(),
  milestoneTarget: z.string().nullable(),
  totals: z.object({
    planned: money('sum of the monthly plan'),
    reported: money('sum of reported figures'),
    approved: money('sum of approved figures'),
  }),
  months: z.array(ZApiProjectMonth).length(12),
});

export const ZApiProject = named(
  'Project',
  z.object({
    code: z.string(),
    name: z.string(),
    department: z.object({ id: z.int(), name: z.string() }),
    ownerUnit: z.string().meta({ description: '建设单位/项目业主' }),
    area: z.string(),
    buildType: z.enum(BuildType),
    scope: z.string().meta({ description: '建设内容' }),
    totalInvestment: money('total investment'),
    plannedStart: date,
    plannedCompletion: date,
    actualStart: date,
    actualCompletion: date,
    leaderInCharge: z.string().nullable(),
    years: z.array(z.object({ year: z.int(), status: z.enum(PlanYearStatus) })),
    milestones: z.array(
      z.object({ kind: z.enum(MilestoneKind), status: z.enum(MilestoneStatus), plannedDate: date, actualDate: date }),
    ),
    plan: ZApiProjectPlan.nullable().meta({
      description: 'the plan of the year asked for; null when the project has none that year',
    }),
    unit,
  }),
);

export type ApiRollup = z.output<typeof ZApiRollup>;
export type ApiProjectList = z.output<typeof ZApiProjectPage>;
export type ApiProjectMonth = z.output<typeof ZApiProjectMonth>;
export type ApiProjectPlan = z.output<typeof ZApiProjectPlan>;
export type ApiProject = z.output<typeof ZApiProject>;
