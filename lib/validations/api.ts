import { z } from 'zod';
import { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import {
  DEFAULT_PROJECT_LIST_PARAMS,
  PROJECT_LIST_SORTS,
  WARNING_LEVELS,
} from '@/lib/validations/project-list';

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
  name: z
    .string({ error: 'nameRequired' })
    .trim()
    .min(1, { error: 'nameRequired' })
    .max(API_TOKEN_NAME_MAX, { error: 'nameTooLong' }),
});

export const ZRevokeApiToken = z.object({
  id: z.number({ error: 'recordInvalid' }).int({ error: 'recordInvalid' }).positive({ error: 'recordInvalid' }),
});

// ------------------------------------------------------------------------------------------- the API

/** Largest page the API serves; listProjects clamps to the same bound. */
export const API_PAGE_SIZE_MAX = 200;

type RawQuery = Record<string, string[]>;

/** Query parameters as name → every value given (?stage=A&stage=B keeps both). */
export function rawQuery(searchParams: URLSearchParams): RawQuery {
  const out: RawQuery = {};
  for (const [key, value] of searchParams.entries()) (out[key] ??= []).push(value);
  return out;
}

const ZYear = z.string().regex(/^\d{4}$/, { error: 'must be a four-digit year, e.g. 2025' }).transform(Number);

/** A whole number in a range, from a query string. */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be a whole number from ${min} to ${max}` });

/** One value: a repeated single-valued parameter is refused rather than one of its values picked. */
const one = <O>(name: string, schema: z.ZodType<O, string>) =>
  z
    .array(z.string())
    .max(1, { error: `${name} may be given once` })
    .optional()
    .transform((values) => values?.[0])
    .pipe(schema.optional());

/** A list given repeated or comma-separated, every value one of `allowed`. */
const listOf = <T extends string>(name: string, allowed: readonly T[]) =>
  z
    .array(z.string())
    .optional()
    .transform((values) =>
      (values ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    )
    .pipe(z.array(z.enum(allowed as unknown as [T, ...T[]], { error: `${name} must be one of ${allowed.join(', ')}` })))
    .transform((values) => [...new Set(values)]);

const KNOWN_ROLLUP_PARAMS = ['month', 'basis'] as const;
const KNOWN_LIST_PARAMS = [
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

/** A misspelt parameter (?stages=…) would otherwise be ignored and answer with unfiltered data. */
const onlyKnown = (known: readonly string[]) => (query: RawQuery, ctx: z.RefinementCtx) => {
  for (const key of Object.keys(query)) {
    if (!known.includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter; known: ${known.join(', ')}` });
    }
  }
};

export const ZApiYearPath = ZYear;

/** GET /api/v1/plan-years/{year}/rollup?month=&basis= */
export const ZApiRollupQuery = z
  .record(z.string(), z.array(z.string()))
  .superRefine(onlyKnown(KNOWN_ROLLUP_PARAMS))
  .pipe(
    z.object({
      month: one('month', wholeNumber('month', 1, 12)),
      basis: one('basis', z.enum(['approved', 'submitted'], { error: 'basis must be approved or submitted' })),
    }),
  );

/** GET /api/v1/projects?… — the project list's filters, strictly. */
export const ZApiProjectListQuery = z
  .record(z.string(), z.array(z.string()))
  .superRefine(onlyKnown(KNOWN_LIST_PARAMS))
  .pipe(
    z.object({
      year: one('year', ZYear),
      page: one('page', wholeNumber('page', 1, 100_000)).transform((v) => v ?? 1),
      pageSize: one('pageSize', wholeNumber('pageSize', 1, API_PAGE_SIZE_MAX)).transform(
        (v) => v ?? DEFAULT_PROJECT_LIST_PARAMS.pageSize,
      ),
      sort: one('sort', z.enum(PROJECT_LIST_SORTS, { error: `sort must be one of ${PROJECT_LIST_SORTS.join(', ')}` })).transform(
        (v) => v ?? DEFAULT_PROJECT_LIST_PARAMS.sort,
      ),
      dir: one('dir', z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' })).transform(
        (v) => v ?? DEFAULT_PROJECT_LIST_PARAMS.dir,
      ),
      q: one('q', z.string().trim().max(100, { error: 'q must be at most 100 characters' })).transform((v) => v ?? ''),
      stage: listOf('stage', Object.values(Stage)),
      investor: listOf('investor', Object.values(InvestorType)),
      direction: listOf('direction', Object.values(Direction)),
      department: z
        .array(z.string())
        .optional()
        .transform((values) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
        .pipe(z.array(z.string().regex(/^\d{1,9}$/, { error: 'department must be department ids (whole numbers)' })))
        .transform((ids) => [...new Set(ids.map(Number))]),
      area: z
        .array(z.string())
        .optional()
        .transform((values) => [...new Set((values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))]),
      warning: listOf('warning', WARNING_LEVELS),
    }),
  );
export type ApiProjectListQuery = z.output<typeof ZApiProjectListQuery>;

/** GET /api/v1/projects/{code}?year= */
export const ZApiProjectQuery = z
  .record(z.string(), z.array(z.string()))
  .superRefine(onlyKnown(['year']))
  .pipe(z.object({ year: one('year', ZYear) }));

/** zod's issues as the API reports them: the parameter and what is wrong with it. */
export function apiIssues(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.length > 0 ? String(issue.path[0]) : '(query)',
    message: issue.message,
  }));
}
