'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, Select } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { assignProblem } from '@/lib/actions/problems';
import { PROBLEM_LEVELS } from '@/lib/domain/problems/flow';
import { ZAssignProblem } from '@/lib/validations/problem';

export interface Option {
  id: number;
  name: string;
}

/** The bureau's assignment: lead unit (any active department), supporting units, leader, due date, level. */
export function AssignForm({
  problemId,
  version,
  departments,
  leaders,
  current,
  reassign,
}: {
  problemId: number;
  version: number;
  departments: Option[];
  leaders: Option[];
  current: {
    leadDepartmentId?: number;
    supportingDepartmentIds: number[];
    leaderId?: number;
    dueDate?: string;
    level: string;
  };
  reassign: boolean;
}) {
  const t = useTranslations('problems.forms');
  const tl = useTranslations('enums.problemLevel');
  const router = useRouter();
  const id = useId();
  const action = useActionForm(ZAssignProblem, (values) => assignProblem(values), {
    defaultValues: {
      problemId,
      version,
      leadDepartmentId: current.leadDepartmentId,
      supportingDepartmentIds: current.supportingDepartmentIds,
      leaderId: current.leaderId,
      dueDate: current.dueDate ?? '',
      level: current.level as 'NORMAL',
      requirement: '',
    },
    onSuccess: () => router.refresh(),
  });
  const { register } = action.form;
  return (
    <form onSubmit={action.onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="problem-assign-form" noValidate>
      <Field id={`${id}-lead`} label={t('leadUnit')} error={action.errorOf('leadDepartmentId')}>
        {(aria) => (
          <Select {...aria} {...register('leadDepartmentId')}>
            <option value="">{t('choose')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-leader`} label={t('leader')} error={action.errorOf('leaderId')}>
        {(aria) => (
          <Select {...aria} {...register('leaderId')}>
            <option value="">{t('choose')}</option>
            {leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${id}-supporting`}
        label={t('supportingUnits')}
        hint={t('supportingHint')}
        error={action.errorOf('supportingDepartmentIds')}
      >
        {(aria) => (
          <Select {...aria} multiple size={5} className="h-auto" {...register('supportingDepartmentIds')}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex flex-col gap-3">
        <Field id={`${id}-due`} label={t('dueDate')} error={action.errorOf('dueDate')}>
          {(aria) => <Input {...aria} type="date" {...register('dueDate')} />}
        </Field>
        <Field id={`${id}-level`} label={t('level')} error={action.errorOf('level')}>
          {(aria) => (
            <Select {...aria} {...register('level')}>
              {PROBLEM_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {tl(level)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field
          id={`${id}-req`}
          label={t('requirement')}
          hint={t('requirementHint')}
          error={action.errorOf('requirement')}
        >
          {(aria) => <Textarea {...aria} rows={2} {...register('requirement')} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <FormAlert message={action.formError} />
        <Button type="submit" disabled={action.pending}>
          {action.pending ? t('saving') : reassign ? t('reassign') : t('assign')}
        </Button>
      </div>
    </form>
  );
}
