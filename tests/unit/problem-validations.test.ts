import { describe, expect, it } from 'vitest';
import { ZAssignProblem, ZProblemEscalationDays, ZRaiseProblem } from '@/lib/validations/problem';

/**
 * A form validates with the action's schema and sends the schema's output, which the action parses again: each
 * schema must accept what it produces, or a form that passed in the browser is refused by the server.
 */
describe('problem schemas accept their own output (form → action)', () => {
  it.each([
    [
      'assign without a requirement',
      ZAssignProblem,
      {
        problemId: '1',
        version: '1',
        leadDepartmentId: '2',
        leaderId: '3',
        dueDate: '2025-12-20',
        level: 'NORMAL',
        requirement: '',
      },
    ],
    [
      'assign with a requirement',
      ZAssignProblem,
      {
        problemId: 1,
        version: 1,
        leadDepartmentId: 2,
        supportingDepartmentIds: ['4', '5'],
        leaderId: 3,
        dueDate: '2025-12-20',
        level: 'SUPERVISED',
        requirement: '限期办结',
      },
    ],
    ['raise without a project', ZRaiseProblem, { projectId: '', categoryId: '1', title: '标题', description: '描述' }],
    ['escalation days', ZProblemEscalationDays, { days: '10' }],
  ] as const)('%s', (_name, schema, input) => {
    const once = (schema as typeof ZAssignProblem).parse(input);
    expect((schema as typeof ZAssignProblem).parse(once)).toEqual(once);
  });
});
