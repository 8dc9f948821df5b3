'use client';

import { useTranslations } from 'next-intl';
import { Field, Select } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { Input } from '@/components/ui/input';
import type { BuildType } from '@/generated/prisma/enums';
import type { ProjectFormOption, ProjectFormParts } from './project-form-values';

export type ProjectTextField =
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

const MONEY_FIELDS = new Set<ProjectTextField>(['totalInvestment', 'cumulativeBeforeYear', 'annualPlan']);
const DATE_FIELDS = new Set<ProjectTextField>(['plannedStart', 'plannedCompletion', 'actualStart', 'actualCompletion']);
const BUILD_TYPES: BuildType[] = ['NEW', 'CONTINUED', 'EXPANSION'];

/** One line of text, a date or an amount (万元, right-aligned), by the field's kind. */
export function ProjectTextInput({
  name,
  hint,
  form,
  errorOf,
}: ProjectFormParts & { name: ProjectTextField; hint?: string }) {
  const t = useTranslations('projectEdit');
  const money = MONEY_FIELDS.has(name);
  return (
    <Field id={`pf-${name}`} label={t(`fields.${name}`)} hint={hint} error={errorOf(name)}>
      {(aria) => (
        <Input
          {...aria}
          type={DATE_FIELDS.has(name) ? 'date' : 'text'}
          inputMode={money ? 'decimal' : undefined}
          autoComplete="off"
          className={money ? 'text-right tabular-nums' : undefined}
          data-testid={`pf-${name}`}
          {...form.register(name)}
        />
      )}
    </Field>
  );
}

/** A choice among an enum's values, with "请选择" first. */
export function ProjectSelect<V extends string>({
  name,
  values,
  label,
  form,
  errorOf,
}: ProjectFormParts & {
  name: 'buildType' | 'stage' | 'investorType' | 'direction';
  values: readonly V[];
  label: (value: V) => string;
}) {
  const t = useTranslations('projectEdit');
  return (
    <Field id={`pf-${name}`} label={t(`fields.${name}`)} error={errorOf(name)}>
      {(aria) => (
        <Select {...aria} data-testid={`pf-${name}`} {...form.register(name)}>
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
}

/** A few lines of text across both columns. */
export function ProjectTextArea({
  name,
  rows,
  hint,
  form,
  errorOf,
}: ProjectFormParts & { name: 'scope' | 'milestoneTarget' | 'reason'; rows: number; hint?: string }) {
  const t = useTranslations('projectEdit');
  return (
    <div className="sm:col-span-2">
      <Field id={`pf-${name}`} label={t(`fields.${name}`)} hint={hint} error={errorOf(name)}>
        {(aria) => <Textarea {...aria} rows={rows} data-testid={`pf-${name}`} {...form.register(name)} />}
      </Field>
    </div>
  );
}

/** The project itself: what it is, who owns it, its total investment and its dates. */
export function ProjectSection({ departments, ...parts }: ProjectFormParts & { departments: ProjectFormOption[] }) {
  const t = useTranslations('projectEdit');
  const tBuild = useTranslations('projects.buildType');
  const text = (name: ProjectTextField, hint?: string) => <ProjectTextInput name={name} hint={hint} {...parts} />;
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-base font-semibold text-slate-900">{t('projectSection')}</legend>
      {text('code')}
      {text('name')}
      <Field id="pf-departmentId" label={t('fields.departmentId')} error={parts.errorOf('departmentId')}>
        {(aria) => (
          <Select {...aria} data-testid="pf-departmentId" {...parts.form.register('departmentId')}>
            <option value="">{t('select')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text('ownerUnit')}
      {text('area')}
      <ProjectSelect name="buildType" values={BUILD_TYPES} label={(v) => tBuild(v)} {...parts} />
      {text('totalInvestment', t('moneyHint'))}
      <ProjectTextArea name="scope" rows={3} {...parts} />
      {text('plannedStart')}
      {text('plannedCompletion')}
      {text('actualStart')}
      {text('actualCompletion')}
      {text('leaderInCharge')}
      {text('contactName')}
      {text('contactPhone')}
    </fieldset>
  );
}
