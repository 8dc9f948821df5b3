import { z } from 'zod';
import { ProblemEntryKind, ProblemSourceField } from '@/generated/prisma/enums';
import { PROBLEM_LEVELS, PROBLEM_STATUSES } from '@/lib/domain/problems/flow';
import { named } from './response-schemas';

/** The JSON API's problem (协调问题) answers; the OpenAPI document's components are generated from them. */

const date = z.iso.date().nullable();
/** A moment, as JSON carries a JavaScript Date: "2025-11-20T02:00:00.000Z". */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
  .meta({ description: 'an ISO 8601 time in UTC' });
const idName = z.object({ id: z.int(), name: z.string() });

export const ZApiProblemListItem = named(
  'ProblemListItem',
  z.object({
    id: z.int(),
    number: z.string().meta({ description: '渝中协〔2025〕27号' }),
    slug: z.string().meta({ description: 'the short form, 2025-27, also accepted as {number}' }),
    title: z.string(),
    project: z.object({ id: z.int(), code: z.string(), name: z.string() }).nullable(),
    category: idName,
    lead: idName.nullable().meta({ description: '牵头单位; null until assigned' }),
    leader: idName.nullable().meta({ description: '联系区领导' }),
    raisedBy: z.string().meta({ description: 'the raising department’s name (提出单位)' }),
    dueDate: date,
    daysOverdue: z.int().meta({ description: 'whole days past due as of today; 0 when not overdue' }),
    overdue: z.boolean(),
    level: z.enum(PROBLEM_LEVELS),
    status: z.enum(PROBLEM_STATUSES),
    lastActivity: instant,
  }),
);

export const ZApiProblemPage = named(
  'ProblemPage',
  z.object({
    data: z.array(ZApiProblemListItem),
    page: z.int(),
    pageSize: z.int(),
    total: z.int().meta({ description: 'problems matching the filters, over all pages' }),
    today: z.iso.date().meta({ description: 'the day overdue is counted against' }),
    counts: z
      .object({
        PENDING: z.int(),
        IN_PROGRESS: z.int(),
        CLOSE_PROPOSED: z.int(),
        CLOSED: z.int(),
        overdue: z.int(),
        all: z.int(),
      })
      .meta({ description: 'per status over every filter but `status`' }),
  }),
);

export const ZApiProblem = named(
  'Problem',
  z.object({
    id: z.int(),
    number: z.string(),
    slug: z.string(),
    year: z.int(),
    title: z.string(),
    description: z.string(),
    status: z.enum(PROBLEM_STATUSES),
    level: z.enum(PROBLEM_LEVELS),
    category: idName,
    project: z.object({ id: z.int(), code: z.string(), name: z.string(), departmentName: z.string() }).nullable(),
    source: z
      .object({ reportId: z.int(), month: z.int(), field: z.enum(ProblemSourceField) })
      .nullable()
      .meta({ description: 'the monthly report and field it was taken from; null when raised directly' }),
    raisedBy: z.object({ departmentId: z.int(), department: z.string(), user: z.string().nullable() }),
    lead: idName.nullable(),
    supporting: z.array(idName).meta({ description: '配合单位' }),
    leader: idName.nullable(),
    dueDate: date,
    overdue: z.boolean(),
    daysOverdue: z.int(),
    dueSoon: z.boolean(),
    supervision: z
      .object({ number: z.string(), requirement: z.string().nullable(), escalatedAt: instant.nullable() })
      .nullable()
      .meta({ description: 'the 督办单, once escalated to 挂牌督办' }),
    closure: z.object({ resolution: z.string(), closedBy: z.string().nullable(), closedAt: instant }).nullable(),
    createdAt: instant,
    updatedAt: instant,
    entries: z
      .array(
        z.object({
          id: z.int(),
          kind: z.enum(ProblemEntryKind),
          author: z.string().nullable(),
          department: z.string().nullable(),
          body: z.string(),
          details: z.unknown().meta({ description: 'what an assignment changed, or the 督办单 number' }),
          createdAt: instant,
        }),
      )
      .meta({ description: 'the timeline, oldest first' }),
  }),
);

export type ApiProblemPage = z.output<typeof ZApiProblemPage>;
export type ApiProblem = z.output<typeof ZApiProblem>;
