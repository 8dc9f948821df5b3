'use client';

import { useTranslations } from 'next-intl';
import { Textarea } from '@/components/forms/textarea';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { Stage } from '@/generated/prisma/enums';
import { MILESTONE_KINDS } from '@/lib/validations/report';
import type { RecordedMilestone } from './draft/report-draft-values';
import type { ReportDraft } from './draft/use-report-draft';

type DraftParts = Pick<ReportDraft, 'form' | 'errorOf'>;

type TextField = 'progressText' | 'problems' | 'coordinationNeeded' | 'nextSteps';
const TEXT_FIELDS: readonly { name: TextField; testId: string; rows: number }[] = [
  { name: 'progressText', testId: 'report-progress', rows: 3 },
  { name: 'problems', testId: 'report-problems', rows: 2 },
  { name: 'coordinationNeeded', testId: 'report-coordination', rows: 2 },
  { name: 'nextSteps', testId: 'report-next-steps', rows: 2 },
];

const describedBy = (id: string, error: string | undefined, hint?: string) =>
  [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** The month's figures: the amount invested, percent complete, and the actual start or completion by stage. */
export function ReportFigureFields({ stage, form, errorOf }: DraftParts & { stage: Stage }) {
  const t = useTranslations('reports.form');
  const { register } = form;
  const investedError = errorOf('investedThisMonth');
  return (
    <>
      <div className="flex max-w-sm flex-col gap-1.5">
        <Label htmlFor="report-invested">{t('invested')}</Label>
        <Input
          id="report-invested"
          inputMode="decimal"
          autoComplete="off"
          className="text-right tabular-nums"
          aria-invalid={investedError ? true : undefined}
          aria-describedby={describedBy('report-invested', investedError, 'report-invested-hint')}
          data-testid="report-invested"
          {...register('investedThisMonth')}
        />
        <p id="report-invested-hint" className="text-xs text-slate-500">
          {t('investedHint')}
        </p>
        {investedError && (
          <p id="report-invested-error" className="text-sm text-red-700" data-testid="report-invested-error">
            {investedError}
          </p>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <SmallField id="report-percent" label={t('percentComplete')} error={errorOf('percentComplete')}>
          <Input
            id="report-percent"
            inputMode="decimal"
            className="text-right"
            data-testid="report-percent"
            {...register('percentComplete')}
          />
        </SmallField>
        {stage === 'NEW_START' && (
          <SmallField id="report-actual-start" label={t('actualStart')} error={errorOf('actualStart')}>
            <Input
              id="report-actual-start"
              type="date"
              data-testid="report-actual-start"
              {...register('actualStart')}
            />
          </SmallField>
        )}
        {stage === 'COMPLETION' && (
          <SmallField id="report-actual-completion" label={t('actualCompletion')} error={errorOf('actualCompletion')}>
            <Input
              id="report-actual-completion"
              type="date"
              data-testid="report-actual-completion"
              {...register('actualCompletion')}
            />
          </SmallField>
        )}
      </div>
    </>
  );
}

/** 前期: the milestones reached this month (those already done show their date), what blocks the next, readiness. */
export function ReportPreliminaryFields({
  milestones,
  reached,
  form,
  errorOf,
}: DraftParts & Pick<ReportDraft, 'reached'> & { milestones: readonly RecordedMilestone[] }) {
  const t = useTranslations('reports.form');
  const tMilestone = useTranslations('enums.milestoneKind');
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="report-preliminary">
      <legend className="px-1 text-sm font-medium text-slate-700">{t('milestonesReached')}</legend>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {MILESTONE_KINDS.map((kind) => {
          const recorded = milestones.find((m) => m.kind === kind);
          const done = recorded?.status === 'DONE';
          return (
            <div key={kind} className="flex flex-col gap-1 text-sm">
              {/* a milestone already done has no input to label, only its date */}
              <Label htmlFor={done ? undefined : `report-milestone-${kind}`}>{tMilestone(kind)}</Label>
              {done ? (
                <span className="text-emerald-700">✓ {recorded?.actualDate}</span>
              ) : (
                <Input
                  id={`report-milestone-${kind}`}
                  type="date"
                  value={reached.dateOf(kind)}
                  onChange={(e) => reached.set(kind, e.target.value)}
                  data-testid={`report-milestone-${kind}`}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <SmallField id="report-blockers" label={t('blockers')} error={errorOf('blockers')}>
          <Input id="report-blockers" data-testid="report-blockers" {...form.register('blockers')} />
        </SmallField>
        <SmallField id="report-ready" label={t('readyToStart')} error={errorOf('readyToStart')}>
          <select
            id="report-ready"
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
            data-testid="report-ready"
            {...form.register('readyToStart')}
          >
            <option value="">{t('readyUnknown')}</option>
            <option value="true">{t('readyYes')}</option>
            <option value="false">{t('readyNo')}</option>
          </select>
        </SmallField>
      </div>
    </fieldset>
  );
}

/** 形象进度, 存在问题, 需协调事项, 下步计划. */
export function ReportNarrativeFields({ form, errorOf }: DraftParts) {
  const t = useTranslations('reports.form');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {TEXT_FIELDS.map(({ name, testId, rows }) => {
        const error = errorOf(name);
        return (
          <div key={name} className="flex flex-col gap-1.5">
            <Label htmlFor={testId}>{t(name)}</Label>
            <Textarea
              id={testId}
              rows={rows}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(testId, error)}
              data-testid={testId}
              {...form.register(name)}
            />
            {error && (
              <p id={`${testId}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function SmallField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
