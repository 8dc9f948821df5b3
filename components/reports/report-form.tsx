'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { applyActionFailure, callAction } from '@/components/forms/action-result';
import { FormAlert, FormSuccess } from '@/components/forms/controls';
import { useHydrated } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import type { Stage } from '@/generated/prisma/enums';
import { submitReport } from '@/lib/actions/reports';
import type { SaveReportDraftValues } from '@/lib/validations/report';
import { reportFormDefaults, type RecordedMilestone, type StoredReportFields } from './draft/report-draft-values';
import { useReportDraft, type ReportDraft } from './draft/use-report-draft';
import { ReportExplanationField } from './report-explanation';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { MilestoneDocumentFields, ReportPhotos, type MilestoneDocuments } from './report-attachments';
import { ReportFigureFields, ReportNarrativeFields, ReportPreliminaryFields } from './report-form-fields';

export interface ReportFormReport extends StoredReportFields {
  id: number;
}

/** What the form needs to know of the project beyond the report. */
export interface ReportFormProject {
  stage: Stage;
  actualStart: string | null;
  actualCompletion: string | null;
  milestones: RecordedMilestone[];
}

type Busy = 'save' | 'submit' | null;

/**
 * The department's monthly report for the plan year's current month. The same schema validates here and in
 * the action; "提交" saves unsaved edits first, so what the bureau receives is what the user sees.
 */
export function ReportForm({
  projectPlanId,
  month,
  report,
  project,
  canSubmit,
  attachments = [],
  milestoneDocuments = [],
}: {
  projectPlanId: number;
  month: number;
  project: ReportFormProject;
  /** null while nobody has started this month's report */
  report: ReportFormReport | null;
  canSubmit: boolean;
  /** the report's attachments */
  attachments?: readonly AttachmentSummary[];
  /** a 前期 project's milestones with their documents */
  milestoneDocuments?: readonly MilestoneDocuments[];
}) {
  const t = useTranslations('reports.form');
  const router = useRouter();
  const [notice, setNotice] = useState<{ kind: 'saved' | 'submitted'; version: number } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const draft = useReportDraft({
    report,
    defaultValues: reportFormDefaults({
      projectPlanId,
      month,
      stage: project.stage,
      projectActualStart: project.actualStart,
      projectActualCompletion: project.actualCompletion,
      report,
      start: { kind: 'blank' },
    }),
  });
  const { form, formError, setFormError } = draft;

  async function run(intent: 'save' | 'submit', values: SaveReportDraftValues) {
    setNotice(null);
    setFormError(null);
    setBusy(intent);
    try {
      const current = await draft.save(values);
      if (!current) return;
      if (intent === 'save') {
        setNotice({ kind: 'saved', version: current.version });
        router.refresh();
        return;
      }
      const result = await callAction(() => submitReport(current), t('failed'));
      if (!result.ok) {
        setFormError(applyActionFailure(form, result));
        return;
      }
      draft.markSaved({ reportId: result.data.reportId, version: result.data.version });
      setNotice({ kind: 'submitted', version: result.data.version });
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit((values) => run('save', values))}
      noValidate
      className="flex flex-col gap-4"
      data-testid="report-form"
      aria-busy={busy !== null}
    >
      <FormSuccess message={notice && t(notice.kind, { version: notice.version })} testId="report-form-message" />
      <FormAlert message={formError} testId="report-form-error" />
      <ReportFigureFields stage={project.stage} {...draft} />
      {project.stage === 'PRELIMINARY' && <ReportPreliminaryFields milestones={project.milestones} {...draft} />}
      {project.stage === 'PRELIMINARY' && <MilestoneDocumentFields milestones={milestoneDocuments} />}
      <ReportNarrativeFields {...draft} />
      <ReportPhotos reportId={draft.saved.reportId} attachments={attachments} />
      <ReportExplanationField {...draft} />
      <ReportFormActions
        draft={draft}
        busy={busy}
        canSubmit={canSubmit}
        onSubmitReport={form.handleSubmit((values) => run('submit', values))}
      />
    </form>
  );
}

/** Save, submit, and which version the form holds. */
function ReportFormActions({
  draft,
  busy,
  canSubmit,
  onSubmitReport,
}: {
  draft: ReportDraft;
  busy: Busy;
  canSubmit: boolean;
  onSubmitReport: () => void;
}) {
  const t = useTranslations('reports.form');
  // Until hydration a click would post the form natively (a GET with the figures in the URL); wait for React.
  const disabled = !useHydrated() || busy !== null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={disabled} data-testid="report-save">
        {busy === 'save' ? t('saving') : t('save')}
      </Button>
      {canSubmit && (
        <Button type="button" disabled={disabled} onClick={onSubmitReport} data-testid="report-submit">
          {busy === 'submit' ? t('submitting') : t('submit')}
        </Button>
      )}
      <span className="text-xs text-slate-500" data-testid="report-version">
        {draft.saved.reportId === null ? t('notStarted') : t('version', { version: draft.saved.version })}
        {draft.form.formState.isDirty && ` · ${t('unsaved')}`}
      </span>
    </div>
  );
}
