'use client';

import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field, Select } from '@/components/forms/controls';
import { DialogForm } from '@/components/forms/dialog-form';
import { ModalButton } from '@/components/forms/modal';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Input } from '@/components/ui/input';
import { activatePlanYear, closePlanYear, createPlanYear, updatePlanYear } from '@/lib/actions/admin';
import type { AdminPlanYearRow } from '@/lib/server/admin/list-plan-years';
import { DEADLINE_DAY_MAX, toWholeNumber, ZCreatePlanYear, ZUpdatePlanYear } from '@/lib/validations/admin';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const DAYS = Array.from({ length: DEADLINE_DAY_MAX }, (_, i) => i + 1);

export function CreatePlanYearButton({ suggestedYear }: { suggestedYear: number }) {
  const t = useTranslations('admin.planYears');
  return (
    <ModalButton openText={t('create.open')} title={t('create.title')} description={t('create.description')}>
      {(close) => <CreatePlanYearForm suggestedYear={suggestedYear} onDone={close} />}
    </ModalButton>
  );
}

type TitleField = 'title' | 'approvedInvestment';

/** The plan's title and its approved investment (万元): what creating a year and editing one share. */
function PlanYearTitleFields({
  id,
  register,
  errorOf,
}: {
  id: string;
  register: (name: TitleField) => UseFormRegisterReturn;
  errorOf: (name: TitleField) => string | undefined;
}) {
  const t = useTranslations('admin.planYears');
  return (
    <>
      <Field id={`${id}-title`} label={t('fields.title')} error={errorOf('title')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('title')} />}
      </Field>
      <Field
        id={`${id}-approvedInvestment`}
        label={t('fields.approvedInvestment')}
        hint={t('fields.approvedInvestmentHint')}
        error={errorOf('approvedInvestment')}
      >
        {(aria) => <Input {...aria} inputMode="decimal" autoComplete="off" {...register('approvedInvestment')} />}
      </Field>
    </>
  );
}

function CreatePlanYearForm({ suggestedYear, onDone }: { suggestedYear: number; onDone: () => void }) {
  const t = useTranslations('admin.planYears');
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZCreatePlanYear, createPlanYear, {
    defaultValues: { year: suggestedYear, title: '', approvedInvestment: '' },
    onSuccess: (created) => {
      notify(t('create.done', { year: String(created.year) }));
      onDone();
    },
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={t('create.submit')} onCancel={onDone}>
      <Field id={`${id}-year`} label={t('fields.year')} error={errorOf('year')}>
        {(aria) => (
          <Input
            {...aria}
            inputMode="numeric"
            autoComplete="off"
            className="w-32"
            {...register('year', { setValueAs: toWholeNumber })}
          />
        )}
      </Field>
      <PlanYearTitleFields id={id} register={register} errorOf={errorOf} />
    </DialogForm>
  );
}

function PlanYearSettingsForm({ planYear, onDone }: { planYear: AdminPlanYearRow; onDone: () => void }) {
  const t = useTranslations('admin.planYears');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const id = useId();
  const year = String(planYear.year);
  const action = useActionForm(ZUpdatePlanYear, updatePlanYear, {
    defaultValues: {
      id: planYear.id,
      title: planYear.title,
      approvedInvestment: planYear.approvedInvestment,
      currentMonth: planYear.currentMonth,
      reportDeadlineDay: planYear.reportDeadlineDay,
    },
    onSuccess: ({ changed }) => {
      notify(changed ? t('edit.done', { year }) : tc('unchanged'));
      onDone();
    },
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={tc('save')} onCancel={onDone}>
      <PlanYearTitleFields id={id} register={register} errorOf={errorOf} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={`${id}-currentMonth`} label={t('fields.currentMonth')} error={errorOf('currentMonth')}>
          {(aria) => (
            <Select {...aria} {...register('currentMonth', { setValueAs: toWholeNumber })}>
              {MONTHS.map((month) => (
                <option key={month} value={month}>
                  {t('fields.monthOption', { month: String(month) })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id={`${id}-reportDeadlineDay`}
          label={t('fields.reportDeadlineDay')}
          hint={t('fields.reportDeadlineDayHint')}
          error={errorOf('reportDeadlineDay')}
        >
          {(aria) => (
            <Select {...aria} {...register('reportDeadlineDay', { setValueAs: toWholeNumber })}>
              {DAYS.map((day) => (
                <option key={day} value={day}>
                  {t('fields.dayOption', { day: String(day) })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
    </DialogForm>
  );
}

export function PlanYearRowActions({ planYear }: { planYear: AdminPlanYearRow }) {
  const t = useTranslations('admin.planYears');
  const year = String(planYear.year);
  if (planYear.status === 'CLOSED') return <span className="text-xs text-slate-500">{t('locked')}</span>;

  return (
    <div className="flex justify-end gap-1">
      <ModalButton
        openText={t('edit.open')}
        title={t('edit.title', { year })}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('edit.label', { year }) }}
      >
        {(close) => <PlanYearSettingsForm planYear={planYear} onDone={close} />}
      </ModalButton>
      {planYear.status === 'DRAFT' && (
        <ConfirmAction
          openText={t('activate.open')}
          label={t('activate.label', { year })}
          title={t('activate.title', { year })}
          description={t('activate.description')}
          confirmText={t('activate.confirm')}
          doneText={t('activate.done', { year })}
          run={() => activatePlanYear({ id: planYear.id })}
        />
      )}
      <ConfirmAction
        openText={t('close.open')}
        label={t('close.label', { year })}
        title={t('close.title', { year })}
        description={t('close.description')}
        confirmText={t('close.confirm')}
        doneText={t('close.done', { year })}
        danger
        run={() => closePlanYear({ id: planYear.id, confirmYear: planYear.year })}
      />
    </div>
  );
}
