import { z } from 'zod';
import { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { DEFAULT_PROJECT_LIST_PARAMS, PROJECT_LIST_SORTS, WARNING_LEVELS } from '@/lib/validations/project-list';
import { RECORD_ID_MAX } from './record-id';
import { queryText, text } from './text';

/**
 * Inputs of the read-only JSON API (/api/v1) and of the admin page that issues its tokens.
 *
 * The page's inputs carry message keys under `apiTokens.validation` in messages/*.json. The API's query
 * parameters carry English messages that go to the caller as they are: unlike the project list's URL state
 * (lib/validations/project-list.ts, which falls back to defaults so an old bookmark still opens), a machine
 * client asking for something we do not understand gets a 400 naming the parameter, never a silently different
 * answer. The allowed values are the list's own.
 */

// ------------------------------------------------------------------------------------------- admin page

export const API_TOKEN_NAME_MAX = 64;

export const ZIssueApiToken = z.object({
  name: text(z.string().min(1, { error: 'nameRequired' }).max(API_TOKEN_NAME_MAX, { error: 'nameTooLong' }), {
    typeError: 'nameRequired',
  }),
});

export const ZRevokeApiToken = z.object({
  id: z
    .number({ error: 'recordInvalid' })
    .int({ error: 'recordInvalid' })
    .positive({ error: 'recordInvalid' })
    .max(RECORD_ID_MAX, { error: 'recordInvalid' }),
});

// ------------------------------------------------------------------------------------------- the API

/** Largest page the API serves; listProjects clamps to the same bound. */
export const API_PAGE_SIZE_MAX = 200;

type RawQuery = Record<string, string[]>;

/**
 * Query parameters as name → every value given (?stage=A&stage=B keeps both). A null-prototype object: on a plain
 * one, ?__proto__=1 or ?constructor=1 found Object.prototype's members and the request failed with a server error.
 */
export function rawQuery(searchParams: URLSearchParams): RawQuery {
  const out: RawQuery = Object.create(null) as RawQuery;
  for (const [key, value] of searchParams.entries()) {
    if (!Object.hasOwn(out, key)) out[key] = [];
    out[key]!.push(value);
  }
  return out;
}

/**
 * Each schema below ends in a plain, typed zod schema carrying its description, so the OpenAPI document's
 * parameters are generated from the very schemas that validate them (lib/server/api/openapi.ts): what the
 * document says a parameter takes is what the API accepts.
 */

/** A text parameter under the shared text rule (lib/validations/text.ts), with the API's English messages. */
export const apiText = (name: string, max: number) =>
  z
    .string()
    .transform((raw, ctx) => {
      if (raw.length > max * 4) {
        ctx.addIssue({ code: 'custom', message: `${name} must be at most ${max} characters` });
        return z.NEVER;
      }
      const cleaned = queryText(raw, max * 4);
      if (!cleaned.ok) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must not contain control characters, Unicode non-characters or lone surrogates`,
        });
        return z.NEVER;
      }
      if (cleaned.value.length > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be at most ${max} characters` });
        return z.NEVER;
      }
      return cleaned.value;
    })
    .pipe(z.string().max(max));

export const ZYear = z
  .string()
  .regex(/^\d{4}$/, { error: 'must be a four-digit year, e.g. 2025' })
  .transform(Number)
  .pipe(z.int().min(0).max(9999));

/** A whole number in a range, from a query string. */
export const wholeNumber = (name: string, min: number, max: number) => {
  const error = `${name} must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,9}$/, { error })
    .transform(Number)
    .pipe(z.int().min(min, { error }).max(max, { error }));
};

/** One value: a repeated single-valued parameter is refused rather than one of its values picked. */
export const one = <O>(name: string, schema: z.ZodType<O, string>) =>
  z
    .array(z.string())
    .max(1, { error: `${name} may be given once` })
    .optional()
    .transform((values) => values?.[0])
    .pipe(schema.optional());

/** The values of a list parameter given repeated or comma-separated, blanks left out. */
export const listValues = (values: string[] | undefined) =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

export const distinct = <T>(values: T[]) => [...new Set(values)];

/** A list given repeated or comma-separated, every value one of `allowed`. */
export const listOf = <T extends string>(name: string, allowed: readonly T[]) =>
  z
    .array(z.string())
    .optional()
    .transform(listValues)
    .pipe(
      z
        .array(z.enum(allowed as unknown as [T, ...T[]], { error: `${name} must be one of ${allowed.join(', ')}` }))
        .overwrite(distinct),
    );

export const LIST_NOTE = 'Several values: repeat the parameter or separate them with commas.';

const KNOWN_ROLLUP_PARAMS = ['month', 'basis'] as const;
export const KNOWN_LIST_PARAMS = [
  'year',
  'page',
  'pageSize',
  'sort',
  'dir',
  'q',
  'stage',
  'investor',
  'direction',
  'department',
  'area',
  'warning',
] as const;

/**
 * The query as name → values, every name known: a misspelt parameter (?stages=…) would otherwise be ignored and
 * answer with unfiltered data. Only the known names are passed on, copied onto a fresh object (so ?__proto__= is
 * just another unknown name, never a prototype).
 */
export const knownQuery = (known: readonly string[]) =>
  z
    .custom<RawQuery>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      error: 'the query must be name=value pairs',
    })
    .superRefine((query, ctx) => {
      for (const key of Object.keys(query)) {
        if (!known.includes(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter; known: ${known.join(', ')}` });
        } else if (!Array.isArray(query[key]) || !query[key]!.every((v) => typeof v === 'string')) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'must be text' });
        }
      }
    })
    .transform((query) => Object.fromEntries(known.filter((k) => Object.hasOwn(query, k)).map((k) => [k, query[k]])));

export const ZApiYearPath = ZYear.meta({ description: 'the plan year, e.g. 2025' });

/** /plan-years/{year}/indicators takes no parameters (an unknown one is refused like everywhere). */
export const ZApiIndicatorQuery = knownQuery([]).pipe(z.object({}));

/** A project code as the project form allows it; anything else names no project (and never reaches a query). */
export const ZApiProjectCodePath = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/)
  .meta({ description: 'the project code (项目代码)' });

/** GET /api/v1/plan-years/{year}/rollup?month=&basis= */
export const ZApiRollupQuery = knownQuery(KNOWN_ROLLUP_PARAMS).pipe(
  z.object({
    month: one('month', wholeNumber('month', 1, 12)).meta({
      description: 'figures through this month; default: the last closed month (the plan year’s reporting month − 1)',
    }),
    basis: one('basis', z.enum(['approved', 'submitted'], { error: 'basis must be approved or submitted' })).meta({
      description:
        '`approved` (the default): official figures, approved reports only. `submitted`: also counts reports submitted and not yet reviewed.',
    }),
  }),
);

/** GET /api/v1/projects?… — the project list's filters, strictly. */
export const ZApiProjectListQuery = knownQuery(KNOWN_LIST_PARAMS).pipe(
  z.object({
    year: one('year', ZYear).meta({ description: 'the plan year; default: the active year, else the latest' }),
    page: one('page', wholeNumber('page', 1, 100_000))
      .default(1)
      .meta({ description: 'the page, from 1' }),
    pageSize: one('pageSize', wholeNumber('pageSize', 1, API_PAGE_SIZE_MAX))
      .default(DEFAULT_PROJECT_LIST_PARAMS.pageSize)
      .meta({ description: 'projects per page' }),
    sort: one('sort', z.enum(PROJECT_LIST_SORTS, { error: `sort must be one of ${PROJECT_LIST_SORTS.join(', ')}` }))
      .default(DEFAULT_PROJECT_LIST_PARAMS.sort)
      .meta({
        description:
          'the column the list is sorted by (ytd: approved investment year to date; rate: ytd ÷ annual plan)',
      }),
    dir: one('dir', z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' }))
      .default(DEFAULT_PROJECT_LIST_PARAMS.dir)
      .meta({ description: 'the sort direction' }),
    q: one('q', apiText('q', 100))
      .default('')
      .meta({ description: 'part of the project’s name or code, case-insensitive' }),
    stage: listOf('stage', Object.values(Stage)).meta({ description: `Project category (项目类别). ${LIST_NOTE}` }),
    investor: listOf('investor', Object.values(InvestorType)).meta({
      description: `Investor type (投资主体). ${LIST_NOTE}`,
    }),
    direction: listOf('direction', Object.values(Direction)).meta({
      description: `Investment direction (投资方向). ${LIST_NOTE}`,
    }),
    department: z
      .array(z.string())
      .optional()
      .transform(listValues)
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^\d{1,9}$/, { error: 'department must be department ids (whole numbers)' })
              .transform(Number)
              .pipe(z.int()),
          )
          .overwrite(distinct),
      )
      .meta({ description: `Lead department (责任单位) ids, as in \`departmentId\` of the results. ${LIST_NOTE}` }),
    area: z
      .array(z.string())
      .max(50, { error: 'area may be given at most 50 times' })
      .optional()
      .transform((values) => (values ?? []).flatMap((v) => v.split(',')).filter((v) => v.trim() !== ''))
      .pipe(z.array(apiText('area', 100)).max(50, { error: 'area may name at most 50 areas' }).overwrite(distinct))
      .meta({ description: `Area (片区), exactly as in \`area\` of the results. ${LIST_NOTE}` }),
    warning: listOf('warning', WARNING_LEVELS).meta({
      description: `Pace warning level against 序时进度. ${LIST_NOTE}`,
    }),
  }),
);
export type ApiProjectListQuery = z.output<typeof ZApiProjectListQuery>;

/** GET /api/v1/projects/{code}?year= */
export const ZApiProjectQuery = knownQuery(['year']).pipe(
  z.object({
    year: one('year', ZYear).meta({
      description: 'the plan year; default: the active year, else the project’s latest',
    }),
  }),
);

/** zod's issues as the API reports them: the parameter and what is wrong with it. */
export function apiIssues(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.length > 0 ? String(issue.path[0]) : '(query)',
    message: issue.message,
  }));
}
