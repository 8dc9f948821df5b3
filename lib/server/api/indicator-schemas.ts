import { z } from 'zod';
import { IndicatorFrequency, IndicatorJudgement, IndicatorNature } from '@/generated/prisma/enums';
import { named } from './response-schemas';

/** The JSON API's plan indicator answers (附件2); the OpenAPI document's components are generated from them. */

const STATUSES = ['MET', 'NEAR', 'OFF', 'NO_DATA', 'TO_JUDGE'] as const;

const comparison = z
  .object({
    op: z.enum(['gt', 'ge', 'lt', 'le', 'about', 'between']),
    value: z.string().meta({ description: 'the number the target names (for between, the lower bound)' }),
    upper: z.string().optional().meta({ description: 'between only: the upper bound' }),
  })
  .nullable()
  .meta({
    description:
      'the target read as a comparison ("6左右" → about 6, reached from 5.7; "＞30" → gt 30; a bare number → ge); null when the target is not one and the bureau judges each figure',
  });

export const ZApiIndicator = named(
  'Indicator',
  z.object({
    seq: z.int().meta({ description: '序号 in the plan report’s 附件2' }),
    category: z.string(),
    name: z.string(),
    unit: z.string(),
    nature: z
      .enum(IndicatorNature)
      .meta({ description: 'EXPECTED 预期性 (judged on pace with a 10% tolerance), BINDING 约束性 (must hold)' }),
    target: z.string().meta({ description: 'the target as printed, e.g. "6左右"' }),
    comparison,
    previousOutcome: z.string().meta({ description: 'the previous year’s outcome as printed (附件1)' }),
    department: z.string().meta({ description: 'the responsible department' }),
    frequency: z.enum(IndicatorFrequency),
    cumulative: z
      .boolean()
      .meta({ description: 'a year-to-date total judged against the target prorated to the period' }),
    latest: z
      .object({
        period: z.int().meta({ description: 'the month (1–12), quarter (1–4) or 1 for the year, by `frequency`' }),
        value: z.string(),
        source: z.string(),
        note: z.string(),
        judgement: z
          .enum(IndicatorJudgement)
          .nullable()
          .meta({ description: 'the bureau’s verdict where `comparison` is null' }),
      })
      .nullable()
      .meta({ description: 'the latest approved figure; unapproved figures are never served' }),
    status: z.enum(STATUSES).meta({
      description:
        'MET on target, NEAR slightly below (预期性 only), OFF off target, NO_DATA nothing approved yet, TO_JUDGE awaiting the bureau',
    }),
  }),
);

export const ZApiIndicatorList = named(
  'IndicatorList',
  z.object({
    year: z.int(),
    data: z.array(ZApiIndicator),
    counts: z.object(
      Object.fromEntries(STATUSES.map((s) => [s, z.int()])) as Record<(typeof STATUSES)[number], z.ZodInt>,
    ),
  }),
);

export type ApiIndicatorList = z.infer<typeof ZApiIndicatorList>;
