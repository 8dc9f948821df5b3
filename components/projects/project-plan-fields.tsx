'use client';

import { useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Field, Select } from '@/components/forms/controls';
import { useErrorText } from '@/components/forms/error-text';
import { Input } from '@/components/ui/input';
import type { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import { ProjectSelect, ProjectTextArea, ProjectTextInput } from './project-form-fields';
import type { ProjectFormParts, ProjectFormYear } from './project-form-values';
import { ProjectSplitSummary } from './project-split-summary';

const STAGES: Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
const INVESTORS: InvestorType[] = ['MUNICIPAL', 'DISTRICT', 'SOCIAL'];
const DIRECTIONS: Direction[] = ['INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY'];
const MONTH_NUMBERS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The project's plan for one year: stage and attributes, the annual plan and its monthly split. A closed year's
 * plan is shown but not editable; a year under way asks for the reason of a change.
 */
export function PlanSection({
  year,
  years,
  fixedYear,
  preliminary,
  splitDerived = null,
  ...parts
}: ProjectFormParts & {
  /** the year the plan is for, once chosen */
  year: ProjectFormYear | undefined;
  years: ProjectFormYear[];
  fixedYear?: ProjectFormYear;
  preliminary: boolean;
  /** the stored split was derived by an import from this profile */
  splitDerived?: SplitProfile | null;
}) {
  const t = useTranslations('projectEdit');
  const tEnums = useTranslations('enums');
  const { form, errorOf } = parts;
  const closed = year?.status === 'CLOSED';
  return (
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
        <input type="hidden" {...form.register('planYearId')} />
      ) : (
        <Field id="pf-planYearId" label={t('fields.planYearId')} error={errorOf('planYearId')}>
          {(aria) => (
            <Select {...aria} data-testid="pf-planYearId" {...form.register('planYearId')}>
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
      <ProjectSelect name="stage" values={STAGES} label={(v) => tEnums(`stage.${v}`)} {...parts} />
      <ProjectSelect name="investorType" values={INVESTORS} label={(v) => tEnums(`investor.${v}`)} {...parts} />
      <ProjectSelect name="direction" values={DIRECTIONS} label={(v) => tEnums(`direction.${v}`)} {...parts} />
      <ProjectTextInput name="cumulativeBeforeYear" hint={t('moneyHint')} {...parts} />
      <ProjectTextInput name="annualPlan" hint={preliminary ? t('preliminaryNote') : t('moneyHint')} {...parts} />
      <ProjectTextArea name="milestoneTarget" rows={2} {...parts} />
      <MonthlySplit preliminary={preliminary} splitDerived={splitDerived} {...parts} />
      {year?.status === 'ACTIVE' && <ProjectTextArea name="reason" rows={2} hint={t('reasonHint')} {...parts} />}
    </fieldset>
  );
}

/** Twelve monthly amounts and, under them, whether they add up to the annual plan, live as the user types. */
function MonthlySplit({
  preliminary,
  splitDerived,
  form,
  errorOf,
}: ProjectFormParts & { preliminary: boolean; splitDerived: SplitProfile | null }) {
  const t = useTranslations('projectEdit');
  const tProfiles = useTranslations('projectImport.split.profiles');
  const errorText = useErrorText();
  const [annualPlan, monthly, totalInvestment, cumulativeBeforeYear] = useWatch({
    control: form.control,
    name: ['annualPlan', 'monthly', 'totalInvestment', 'cumulativeBeforeYear'],
  });
  const errors = form.formState.errors.monthly;
  // zodResolver files an error on the array itself under `root`; an error the server sent is on the array
  const monthlyError = errorText(errors?.root?.message ?? errors?.message);

  return (
    <div className="flex flex-col gap-2 sm:col-span-2" data-testid="pf-monthly">
      <h3 className="text-sm font-medium text-slate-900">{t('monthlySection')}</h3>
      {splitDerived && !preliminary ? (
        <p className="text-sm text-amber-800" data-testid="pf-monthly-derived">
          {t('monthlyDerived', { profile: tProfiles(splitDerived) })}
        </p>
      ) : null}
      <div className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6">
        {MONTH_NUMBERS.map((month) => {
          const name = `monthly.${month - 1}` as const;
          const error = errorOf(name);
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
                aria-describedby={[error ? `pf-month-${month}-error` : null, 'pf-monthly-summary']
                  .filter(Boolean)
                  .join(' ')}
                data-testid={`pf-month-${month}`}
                {...form.register(name)}
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
  );
}
