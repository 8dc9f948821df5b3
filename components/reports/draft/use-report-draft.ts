'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { failureMessage } from '@/components/forms/action-result';
import { useActionForm } from '@/components/forms/use-action-form';
import type { MilestoneKind } from '@/generated/prisma/enums';
import { saveReportDraft } from '@/lib/actions/reports';
import { ZSaveReportDraft, type SaveReportDraftInput, type SaveReportDraftValues } from '@/lib/validations/report';
import { withMilestoneReached } from './report-draft-values';

/** The report as stored: what a later save or a submission names. */
export interface SavedDraft {
  reportId: number;
  version: number;
}

export type DraftState =
  | { kind: 'idle' | 'saving' | 'saved' }
  /** `invalid`: the fields say what is wrong (the row shows "fix the fields"); else `text` does */
  | { kind: 'error'; text: string; invalid: boolean };

/** How long after the user leaves a changed field a draft saves itself. */
const AUTOSAVE_MS = 800;

/**
 * A month's report as a draft being edited, for the project page's form and for each row of batch entry: one
 * react-hook-form form on the action's schema, and saving it. A save names the version last saved, so a colleague's
 * save in between is refused rather than overwritten; nothing is sent while the form is unchanged since then.
 *
 * `autosave` is batch entry's way: the draft saves itself after a change (`scheduleSave`), keeps what the user
 * typed (a save must not rewrite a field they are typing in) and never moves the focus. Otherwise the saved
 * figures become the form's clean state, the amount shown as stored ("1234.50").
 */
export function useReportDraft({
  defaultValues,
  report,
  autosave = false,
  editable = true,
}: {
  defaultValues: SaveReportDraftInput;
  /** the stored report the defaults came from, null while nobody has started it */
  report: { id: number; version: number; flags?: string[] } | null;
  autosave?: boolean;
  /** false once the report is submitted or approved: nothing saves itself */
  editable?: boolean;
}) {
  const tf = useTranslations('reports.form');
  const initiallySaved = { reportId: report?.id ?? null, version: report?.version ?? 0 };
  const savedRef = useRef(initiallySaved);
  const [saved, setSavedState] = useState(initiallySaved);
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const [flags, setFlags] = useState<string[]>(report?.flags ?? []);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<SavedDraft | null> | null>(null);

  const markSaved = useCallback((next: SavedDraft) => {
    savedRef.current = next;
    setSavedState(next);
  }, []);

  const action = useActionForm(
    ZSaveReportDraft,
    (values) => saveReportDraft({ ...values, version: savedRef.current.version }),
    {
      defaultValues,
      failedMessage: tf('failed'),
      focusOnError: !autosave,
      onSuccess: (data, values, form) => {
        markSaved({ reportId: data.reportId, version: data.version });
        setFlags(data.flags.map((f) => f.code));
        if (autosave) form.reset(form.getValues(), { keepValues: true });
        else form.reset({ ...values, version: data.version } as SaveReportDraftInput);
      },
    },
  );
  const { form } = action;

  /** The stored report, when the form holds nothing unsaved. */
  const unchanged = (): SavedDraft | null => {
    const { reportId, version } = savedRef.current;
    return reportId !== null && !form.formState.isDirty ? { reportId, version } : null;
  };

  /** Saves valid values when there is something to save: the report to go on with, or null. */
  async function save(values: SaveReportDraftValues): Promise<SavedDraft | null> {
    const current = unchanged();
    if (current) return current;
    setState({ kind: 'saving' });
    const result = await action.run(values);
    if (!result.ok) {
      setState({ kind: 'error', text: failureMessage(result), invalid: result.fieldErrors !== undefined });
      return null;
    }
    setState({ kind: 'saved' });
    return { reportId: result.data.reportId, version: result.data.version };
  }

  /** Saves unsaved edits now (validating first, after a save already under way): the report, or null. */
  const flushNow = async (): Promise<SavedDraft | null> => {
    if (timer.current) clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const current = unchanged();
    if (current) return current;
    let outcome: SavedDraft | null = null;
    await form.handleSubmit(
      async (values) => {
        const pending = save(values);
        inFlight.current = pending;
        outcome = await pending;
        inFlight.current = null;
      },
      () => setState({ kind: 'error', text: '', invalid: true }),
    )();
    return outcome;
  };
  // One stable function for the batch's row handles and the autosave timer, always running this render's code.
  const flushRef = useRef(flushNow);
  useLayoutEffect(() => {
    flushRef.current = flushNow;
  });
  const flush = useCallback(() => flushRef.current(), []);

  /** Drafts save themselves shortly after the user leaves a field with a change. */
  const scheduleSave = () => {
    if (!autosave || !editable) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (form.formState.isDirty) void flushRef.current();
    }, AUTOSAVE_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const milestoneUpdates = useWatch({ control: form.control, name: 'milestoneUpdates' }) ?? [];
  const reached = {
    dateOf: (kind: MilestoneKind) => milestoneUpdates.find((m) => m.kind === kind)?.date ?? '',
    set: (kind: MilestoneKind, date: string) => {
      form.setValue('milestoneUpdates', withMilestoneReached(milestoneUpdates, kind, date), { shouldDirty: true });
      scheduleSave();
    },
  };

  return {
    form,
    errorOf: action.errorOf,
    formError: action.formError,
    setFormError: action.setFormError,
    saved,
    markSaved,
    state,
    flags,
    save,
    flush,
    scheduleSave,
    reached,
  };
}

export type ReportDraft = ReturnType<typeof useReportDraft>;
