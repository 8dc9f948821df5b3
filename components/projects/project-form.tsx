'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, Select, useErrorText } from '@/components/admin/form-controls';
import { Textarea } from '@/components/reports/textarea';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { BuildType, Direction, InvestorType, PlanYearStatus, Stage } from '@/generated/prisma/enums';
import { createProject, updateProject } from '@/lib/actions/projects';
import { ProjectSplitSummary } from './project-split-summary';
import {
  ZCreateProject,
  type CreateProjectInput,
  type CreateProjectValues,
} from '@/lib/validations/project';

export interface ProjectFormOption {
  id: number;
  name: string;
}

export interface ProjectFormYear {
  id: number;
  year: number;
  status: PlanYearStatus;
}

/** Every field as the form's inputs hold it: text, "" for empty. */
export interface ProjectFormDefaults {
  code: string;
  name: string;
  departmentId: number | '';
  ownerUnit: string;
  area: string;
  buildType: BuildType | '';
  scope: string;
  totalInvestment: string;
  plannedStart: string;
  plannedCompletion: string;
  actualStart: string;
  actualCompletion: string;
  leaderInCharge: string;
  contactName: string;
  contactPhone: string;
  planYearId: number | '';
  stage: Stage | '';
  investorType: InvestorType | '';
  direction: Direction | '';
  cumulativeBeforeYear: string;
  annualPlan: string;
  monthly: string[];
  milestoneTarget: string;
}

const STAGES: Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
const INVESTORS: InvestorType[] = ['MUNICIPAL', 'DISTRICT', 'SOCIAL'];
const DIRECTIONS: Direction[] = ['INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY'];
const BUILD_TYPES: BuildType[] = ['NEW', 'CONTINUED', 'EXPANSION'];
const MONTH_NUMBERS = Array.from({ length: 12 }, (_, i) => i + 1);

type TextFieldName =
  | 'code'
  | 'name'
  | 'ownerUnit'
  | 'area'
  | 'totalInvestment'
  | 'plannedStart'
  | 'plannedCompletion'
  | 'actualStart'
  | 'actualCompletion'
  | 'leaderInCharge'
  | 'contactName'
  | 'contactPhone'
  | 'cumulativeBeforeYear'
  | 'annualPlan'
  | 'milestoneTarget';

const MONEY_FIELDS = new Set<TextFieldName>(['totalInvestment', 'cumulativeBeforeYear', 'annualPlan']);
const DATE_FIELDS = new Set<TextFieldName>(['plannedStart', 'plannedCompletion', 'actualStart', 'actualCompletion']);

type Notice = { kind: 'created' | 'saved' | 'unchanged'; projectId: number; year: number };

/** The parsed values back into the form's text, so a saved form is clean and shows amounts as stored. */
function toDefaults(values: CreateProjectValues): ProjectFormDefaults {
  return {
    ...values,
    plannedStart: values.plannedStart ?? '',
    plannedCompletion: values.plannedCompletion ?? '',
    actualStart: values.actualStart ?? '',
    actualCompletion: values.actualCompletion ?? '',
    leaderInCharge: values.leaderInCharge ?? '',
    contactName: values.contactName ?? '',
    contactPhone: values.contactPhone ?? '',
    annualPlan: values.annualPlan ?? '',
    monthly: values.monthly.map((m) => m ?? ''),
    milestoneTarget: values.milestoneTarget ?? '',
  };
}

/**
 * Create or edit a project and its plan for one year (bureau and administrators). The schema is the action's own,
 * so the invariants (前期 without a plan, the split adding up, the plan within what is left to invest, dates in
 * order) show here as they would on the server; the server checks them again with the code's uniqueness and, for
 * a year already under way, the reason for the change.
 */
export function ProjectForm({
  projectId,
  planVersion: readVersion = null,
  defaults,
  departments,
  years,
  fixedYear,
}: {
  /** absent for a new project */
  projectId?: number;
  /** the version of the edited year's plan the defaults were read from; null when the project has none yet */
  planVersion?: number | null;
  defaults: ProjectFormDefaults;
  departments: ProjectFormOption[];
  /** the plan years the plan may be for (open ones) */
  years: ProjectFormYear[];
  /** the year being edited: the plan of that year, not a choice */
  fixedYear?: ProjectFormYear;
}) {
  const t = useTranslations('projectEdit');
  const tEnums = useTranslations('enums');
  const tBuild = useTranslations('projects.buildType');
  const errorText = useErrorText();
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // each save answers with the plan's new version, which the next save of this form names
  const [planVersion, setPlanVersion] = useState(readVersion);
  // Until hydration a click would post the form natively; wait for React.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors },
  } = useForm<CreateProjectInput, unknown, CreateProjectValues>({
    resolver: zodResolver(ZCreateProject),
    defaultValues: { ...defaults, reason: '' } as CreateProjectInput,
  });

  const [stage, planYearId, annualPlan, monthly, totalInvestment, cumulativeBeforeYear] = useWatch({
    control,
    name: ['stage', 'planYearId', 'annualPlan', 'monthly', 'totalInvestment', 'cumulativeBeforeYear'],
  });
  const year = fixedYear ?? years.find((y) => String(y.id) === String(planYearId ?? ''));
  const closed = year?.status === 'CLOSED';
  const preliminary = stage === 'PRELIMINARY';

  async function onSubmit(values: CreateProjectValues) {
    setNotice(null);
    setFormError(null);
    setBusy(true);
    try {
      const result = projectId === undefined ? await createProject(values) : await updateProject({ ...values, id: projectId, planVersion });
      if (!result.ok) {
        let focused = false;
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          const message = messages[0];
          if (field === '_form' || message === undefined) continue;
          setError(field as FieldPath<CreateProjectInput>, { type: 'server', message }, { shouldFocus: !focused });
          focused = true;
        }
        setFormError(result.fieldErrors?._form?.[0] ?? result.message);
        return;
      }
      reset({ ...toDefaults(values), reason: '' } as CreateProjectInput);
      setPlanVersion(result.data.planVersion);
      setNotice({
        kind: projectId === undefined ? 'created' : result.data.changed ? 'saved' : 'unchanged',
        projectId: result.data.id,
        year: result.data.year,
      });
      router.refresh();
    } catch {
      setFormError(t('failed'));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: FieldPath<CreateProjectInput>): string | undefined => {
    const parts = name.split('.');
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return errorText((node as { message?: string } | undefined)?.message);
  };

  const textField = (name: TextFieldName, options: { hint?: string; disabled?: boolean } = {}) => (
    <Field id={`pf-${name}`} label={t(`fields.${name}`)} hint={options.hint} error={fieldError(name)}>
      {(aria) => (
        <Input
          {...aria}
          type={DATE_FIELDS.has(name) ? 'date' : 'text'}
          inputMode={MONEY_FIELDS.has(name) ? 'decimal' : undefined}
          autoComplete="off"
          className={MONEY_FIELDS.has(name) ? 'text-right tabular-nums' : undefined}
          disabled={options.disabled}
          data-testid={`pf-${name}`}
          {...register(name)}
        />
      )}
    </Field>
  );

  const selectField = <V extends string>(
    name: 'buildType' | 'stage' | 'investorType' | 'direction',
    values: readonly V[],
    label: (value: V) => string,
  ) => (
    <Field id={`pf-${name}`} label={t(`fields.${name}`)} error={fieldError(name)}>
      {(aria) => (
        <Select {...aria} data-testid={`pf-${name}`} {...register(name)}>
          <option value="">{t('select')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {label(v)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  // zodResolver files an error on the array itself under `root`; an error the server sent is on the array
  const monthlyError = errorText(errors.monthly?.root?.message ?? errors.monthly?.message);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-6" data-testid="project-form" aria-busy={busy}>
      <div role="status" aria-live="polite">
        {notice && (
          <div
            className="flex flex-col gap-1 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
            data-testid="project-form-notice"
          >
            <span>{t(notice.kind)}</span>
            <span className="flex flex-wrap gap-4">
              <Link href={`/projects/${notice.projectId}?year=${notice.year}`} className="underline" data-testid="project-form-view-project">
                {t('viewProject')}
              </Link>
              <Link href={`/plan?year=${notice.year}`} className="underline" data-testid="project-form-view-plan">
                {t('viewPlan')}
              </Link>
            </span>
          </div>
        )}
      </div>
      <div data-testid="project-form-error">
        <FormAlert message={formError} />
      </div>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('projectSection')}</legend>
        {textField('code')}
        {textField('name')}
        <Field id="pf-departmentId" label={t('fields.departmentId')} error={fieldError('departmentId')}>
          {(aria) => (
            <Select {...aria} data-testid="pf-departmentId" {...register('departmentId')}>
              <option value="">{t('select')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {textField('ownerUnit')}
        {textField('area')}
        {selectField('buildType', BUILD_TYPES, (v) => tBuild(v))}
        {textField('totalInvestment', { hint: t('moneyHint') })}
        <div className="sm:col-span-2">
          <Field id="pf-scope" label={t('fields.scope')} error={fieldError('scope')}>
            {(aria) => <Textarea {...aria} rows={3} data-testid="pf-scope" {...register('scope')} />}
          </Field>
        </div>
        {textField('plannedStart')}
        {textField('plannedCompletion')}
        {textField('actualStart')}
        {textField('actualCompletion')}
        {textField('leaderInCharge')}
        {textField('contactName')}
        {textField('contactPhone')}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2" disabled={closed}>
        <legend className="mb-2 text-base font-semibold text-slate-900">
          {year ? t('planSection', { year: String(year.year) }) : t('planSectionNoYear')}
        </legend>
        {closed && year && (
          <p className="text-sm text-amber-800 sm:col-span-2" data-testid="project-form-closed">
            {t('closedYear', { year: String(year.year) })}
          </p>
        )}
        {fixedYear ? (
          <input type="hidden" {...register('planYearId')} />
        ) : (
          <Field id="pf-planYearId" label={t('fields.planYearId')} error={fieldError('planYearId')}>
            {(aria) => (
              <Select {...aria} data-testid="pf-planYearId" {...register('planYearId')}>
                <option value="">{t('select')}</option>
                {years.map((y) => (
                  <option key={y.id} value={y.id}>
                    {t('yearOption', { year: String(y.year), status: tEnums(`planYearStatus.${y.status}`) })}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {selectField('stage', STAGES, (v) => tEnums(`stage.${v}`))}
        {selectField('investorType', INVESTORS, (v) => tEnums(`investor.${v}`))}
        {selectField('direction', DIRECTIONS, (v) => tEnums(`direction.${v}`))}
        {textField('cumulativeBeforeYear', { hint: t('moneyHint') })}
        {textField('annualPlan', { hint: preliminary ? t('preliminaryNote') : t('moneyHint') })}
        <div className="sm:col-span-2">
          <Field id="pf-milestoneTarget" label={t('fields.milestoneTarget')} error={fieldError('milestoneTarget')}>
            {(aria) => <Textarea {...aria} rows={2} data-testid="pf-milestoneTarget" {...register('milestoneTarget')} />}
          </Field>
        </div>

        <div className="flex flex-col gap-2 sm:col-span-2" data-testid="pf-monthly">
          <h3 className="text-sm font-medium text-slate-900">{t('monthlySection')}</h3>
          <div className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6">
            {MONTH_NUMBERS.map((month) => {
              const name = `monthly.${month - 1}` as const;
              const error = fieldError(name);
              return (
                <div key={month} className="flex flex-col gap-1">
                  <label htmlFor={`pf-month-${month}`} className="text-xs text-slate-600">
                    {t('monthLabel', { month })}
                  </label>
                  <Input
                    id={`pf-month-${month}`}
                    inputMode="decimal"
                    autoComplete="off"
                    className="text-right tabular-nums"
                    aria-invalid={error || monthlyError ? true : undefined}
                    aria-describedby={[error ? `pf-month-${month}-error` : null, 'pf-monthly-summary'].filter(Boolean).join(' ')}
                    data-testid={`pf-month-${month}`}
                    {...register(name)}
                  />
                  {error && (
                    <p id={`pf-month-${month}-error`} className="text-xs text-red-700">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
          <ProjectSplitSummary
            id="pf-monthly-summary"
            preliminary={preliminary}
            annualPlan={annualPlan ?? ''}
            monthly={(monthly ?? []).map((m) => m ?? '')}
            totalInvestment={totalInvestment ?? ''}
            cumulativeBeforeYear={cumulativeBeforeYear ?? ''}
          />
          {monthlyError && (
            <p className="text-sm text-red-700" role="alert" data-testid="pf-monthly-error">
              {monthlyError}
            </p>
          )}
        </div>

        {year?.status === 'ACTIVE' && (
          <div className="sm:col-span-2">
            <Field id="pf-reason" label={t('fields.reason')} hint={t('reasonHint')} error={fieldError('reason')}>
              {(aria) => <Textarea {...aria} rows={2} data-testid="pf-reason" {...register('reason')} />}
            </Field>
          </div>
        )}
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!hydrated || busy || closed} data-testid="project-form-submit">
          {busy ? t('saving') : projectId === undefined ? t('create') : t('save')}
        </Button>
      </div>
    </form>
  );
}
