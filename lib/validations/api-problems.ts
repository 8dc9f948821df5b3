import { z } from 'zod';
import { PROBLEM_LEVELS, PROBLEM_STATUSES } from '@/lib/domain/problems/flow';
import { parseProblemNumber } from '@/lib/domain/problems/numbering';
import {
  DEFAULT_PROBLEM_LIST_PARAMS,
  PROBLEM_LIST_MAX_PAGE_SIZE,
  PROBLEM_LIST_SORTS,
  PROBLEM_SEARCH_MAX,
} from './problem-list';
import { apiText, distinct, knownQuery, LIST_NOTE, listOf, listValues, one, wholeNumber, ZYear } from './api';

/**
 * The JSON API's problem (协调问题) parameters: the ledger's filters (lib/validations/problem-list.ts), strictly
 * (a bad or unknown parameter is a 400 naming it, as for the projects: lib/validations/api.ts).
 */

export const KNOWN_PROBLEM_LIST_PARAMS = [
  'year',
  'page',
  'pageSize',
  'sort',
  'dir',
  'q',
  'status',
  'category',
  'level',
  'lead',
  'leader',
  'project',
  'raisedBy',
  'overdue',
] as const;

const ids = (name: string, description: string) =>
  z
    .array(z.string())
    .optional()
    .transform(listValues)
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,9}$/, { error: `${name} must be ids (whole numbers)` })
            .transform(Number)
            .pipe(z.int()),
        )
        .max(50, { error: `${name} may name at most 50 ids` })
        .overwrite(distinct),
    )
    .meta({ description: `${description} ${LIST_NOTE}` });

/** GET /api/v1/problems?… */
export const ZApiProblemListQuery = knownQuery(KNOWN_PROBLEM_LIST_PARAMS).pipe(
  z.object({
    year: one('year', ZYear).meta({ description: 'the plan year the problems are numbered in; default: every year' }),
    page: one('page', wholeNumber('page', 1, 100_000))
      .default(1)
      .meta({ description: 'the page, from 1' }),
    pageSize: one('pageSize', wholeNumber('pageSize', 1, PROBLEM_LIST_MAX_PAGE_SIZE))
      .default(DEFAULT_PROBLEM_LIST_PARAMS.pageSize)
      .meta({ description: 'problems per page' }),
    sort: one('sort', z.enum(PROBLEM_LIST_SORTS, { error: `sort must be one of ${PROBLEM_LIST_SORTS.join(', ')}` }))
      .default(DEFAULT_PROBLEM_LIST_PARAMS.sort)
      .meta({ description: 'the column the list is sorted by (number: year and number)' }),
    dir: one('dir', z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' }))
      .default(DEFAULT_PROBLEM_LIST_PARAMS.dir)
      .meta({ description: 'the sort direction' }),
    q: one('q', apiText('q', PROBLEM_SEARCH_MAX))
      .default('')
      .meta({ description: 'part of the number, title or description; a number in either form finds that problem' }),
    status: listOf('status', PROBLEM_STATUSES).meta({ description: `办理状态. ${LIST_NOTE}` }),
    level: listOf('level', PROBLEM_LEVELS).meta({ description: `督办级别. ${LIST_NOTE}` }),
    category: ids('category', 'Category (问题类别) ids, as in `category.id` of the results.'),
    lead: ids('lead', 'Lead unit (牵头单位) department ids.'),
    leader: ids('leader', 'District leader (联系区领导) user ids.'),
    project: ids('project', 'Project ids, as in `project.id` of the results.'),
    raisedBy: ids('raisedBy', 'Raising department (提出单位) ids.'),
    overdue: one(
      'overdue',
      z
        .enum(['true', 'false'], { error: 'overdue must be true or false' })
        .transform((v) => v === 'true')
        .pipe(z.boolean()),
    ).meta({ description: 'true: only problems past their due date and not closed, as of today' }),
  }),
);
export type ApiProblemListQuery = z.output<typeof ZApiProblemListQuery>;

/** A problem number in either form (渝中协〔2025〕27号 or 2025-27); anything else names no problem. */
export const ZApiProblemNumberPath = z
  .string()
  .max(40)
  .refine((v) => parseProblemNumber(v) !== null)
  .meta({ description: 'the problem number, 渝中协〔2025〕27号 or its short form 2025-27' });

/** GET /api/v1/problems/{number}: no parameters. */
export const ZApiProblemQuery = knownQuery([]).pipe(z.object({}));
