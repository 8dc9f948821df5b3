'use client';

import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { activatePlanYear, closePlanYear, createPlanYear, updatePlanYear } from '@/lib/actions/admin';
import type { AdminPlanYearRow } from '@/lib/server/admin/list-plan-years';
import { DEADLINE_DAY_MAX, toWholeNumber, ZCreatePlanYear, ZUpdatePlanYear } from '@/lib/validations/admin';
import { applyActionFailure, callAction } from './action-result';
import { ConfirmAction } from './confirm-action';
import { Field, FormAlert, Select, useErrorText } from './form-controls';
import { Modal } from './modal';
import { useNotice } from './notice';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const DAYS = Array.from({ length: DEADLINE_DAY_MAX }, (_, i) => i + 1);

function FormButtons({ pending, submitText, onCancel }: { pending: boolean; submitText: string; onCancel: () => void }) {
  const t = useTranslations('admin.common');
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : submitText}
      </Button>
    </div>
  );
}

export function CreatePlanYearButton({ suggestedYear }: { suggestedYear: number }) {
  const t = useTranslations('admin.planYears');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        {t('create.open')}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t('create.title')} description={t('create.description')}>
        <CreatePlanYearForm suggestedYear={suggestedYear} onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function CreatePlanYearForm({ suggestedYear, onDone }: { suggestedYear: number; onDone: () => void }) {
  const t = useTranslations('admin.planYears');
  const tc = useTranslations('admin.common');
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZCreatePlanYear>, unknown, z.output<typeof ZCreatePlanYear>>({
    resolver: zodResolver(ZCreatePlanYear),
    defaultValues: { year: suggestedYear, title: '', approvedInvestment: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: z.output<typeof ZCreatePlanYear>) {
    setFormError(null);
    const result = await callAction(() => createPlanYear(values), tc('failed'));
    if (!result.ok) return setFormError(applyActionFailure(result, ['year', 'title', 'approvedInvestment'], form.setError));
    notify(t('create.done', { year: String(result.data.year) }));
    onDone();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-year`} label={t('fields.year')} error={errorText(errors.year?.message)}>
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
      <Field id={`${id}-title`} label={t('fields.title')} error={errorText(errors.title?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('title')} />}
      </Field>
      <Field
        id={`${id}-approvedInvestment`}
        label={t('fields.approvedInvestment')}
        hint={t('fields.approvedInvestmentHint')}
        error={errorText(errors.approvedInvestment?.message)}
      >
        {(aria) => <Input {...aria} inputMode="decimal" autoComplete="off" {...register('approvedInvestment')} />}
      </Field>
      <FormButtons pending={isSubmitting} submitText={t('create.submit')} onCancel={onDone} />
    </form>
  );
}

function PlanYearSettingsForm({ planYear, onDone }: { planYear: AdminPlanYearRow; onDone: () => void }) {
  const t = useTranslations('admin.planYears');
  const tc = useTranslations('admin.common');
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZUpdatePlanYear>, unknown, z.output<typeof ZUpdatePlanYear>>({
    resolver: zodResolver(ZUpdatePlanYear),
    defaultValues: {
      id: planYear.id,
      title: planYear.title,
      approvedInvestment: planYear.approvedInvestment,
      currentMonth: planYear.currentMonth,
      reportDeadlineDay: planYear.reportDeadlineDay,
    },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const year = String(planYear.year);

  async function onSubmit(values: z.output<typeof ZUpdatePlanYear>) {
    setFormError(null);
    const result = await callAction(() => updatePlanYear(values), tc('failed'));
    if (!result.ok) {
      return setFormError(
        applyActionFailure(result, ['title', 'approvedInvestment', 'currentMonth', 'reportDeadlineDay'], form.setError),
      );
    }
    notify(result.data.changed ? t('edit.done', { year }) : tc('unchanged'));
    onDone();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-title`} label={t('fields.title')} error={errorText(errors.title?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('title')} />}
      </Field>
      <Field
        id={`${id}-approvedInvestment`}
        label={t('fields.approvedInvestment')}
        hint={t('fields.approvedInvestmentHint')}
        error={errorText(errors.approvedInvestment?.message)}
      >
        {(aria) => <Input {...aria} inputMode="decimal" autoComplete="off" {...register('approvedInvestment')} />}
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={`${id}-currentMonth`} label={t('fields.currentMonth')} error={errorText(errors.currentMonth?.message)}>
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
          error={errorText(errors.reportDeadlineDay?.message)}
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
      <FormButtons pending={isSubmitting} submitText={tc('save')} onCancel={onDone} />
    </form>
  );
}

export function PlanYearRowActions({ planYear }: { planYear: AdminPlanYearRow }) {
  const t = useTranslations('admin.planYears');
  const [editing, setEditing] = useState(false);
  const year = String(planYear.year);
  if (planYear.status === 'CLOSED') return <span className="text-xs text-slate-500">{t('locked')}</span>;

  return (
    <div className="flex justify-end gap-1">
      <Button type="button" size="sm" variant="ghost" aria-label={t('edit.label', { year })} onClick={() => setEditing(true)}>
        {t('edit.open')}
      </Button>
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
        run={() => closePlanYear({ id: planYear.id })}
      />
      <Modal open={editing} onClose={() => setEditing(false)} title={t('edit.title', { year })}>
        <PlanYearSettingsForm planYear={planYear} onDone={() => setEditing(false)} />
      </Modal>
    </div>
  );
}
