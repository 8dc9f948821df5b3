'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/controls';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { createProject, updateProject } from '@/lib/actions/projects';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import { ZCreateProject, type CreateProjectInput } from '@/lib/validations/project';
import { ProjectSection } from './project-form-fields';
import {
  toProjectFormDefaults,
  type ProjectFormDefaults,
  type ProjectFormOption,
  type ProjectFormParts,
  type ProjectFormYear,
} from './project-form-values';
import { PlanSection } from './project-plan-fields';

export type { ProjectFormDefaults, ProjectFormOption, ProjectFormYear } from './project-form-values';

type Notice = { kind: 'created' | 'saved' | 'unchanged'; projectId: number; year: number };

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
  splitDerived = null,
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
  /** the edited plan's split was derived by an import (from this profile) */
  splitDerived?: SplitProfile | null;
}) {
  const t = useTranslations('projectEdit');
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  // each save answers with the plan's new version, which the next save of this form names
  const [planVersion, setPlanVersion] = useState(readVersion);

  const { form, formError, errorOf, onSubmit, pending } = useActionForm(
    ZCreateProject,
    async (values) =>
      projectId === undefined ? createProject(values) : updateProject({ ...values, id: projectId, planVersion }),
    {
      defaultValues: { ...defaults, reason: '' } as CreateProjectInput,
      failedMessage: t('failed'),
      onSuccess: (saved, values, self) => {
        self.reset({ ...toProjectFormDefaults(values), reason: '' } as CreateProjectInput);
        setPlanVersion(saved.planVersion);
        const changed = 'changed' in saved ? saved.changed : true;
        setNotice({
          kind: projectId === undefined ? 'created' : changed ? 'saved' : 'unchanged',
          projectId: saved.id,
          year: saved.year,
        });
        router.refresh();
      },
      onFailure: () => setNotice(null),
    },
  );
  const parts: ProjectFormParts = { form, errorOf };

  const [stage, planYearId] = useWatch({ control: form.control, name: ['stage', 'planYearId'] });
  const year = fixedYear ?? years.find((y) => String(y.id) === String(planYearId ?? ''));
  const closed = year?.status === 'CLOSED';

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="project-form" aria-busy={pending}>
      <div role="status" aria-live="polite">
        {notice && <SavedNotice notice={notice} />}
      </div>
      <div data-testid="project-form-error">
        <FormAlert message={formError} />
      </div>

      <ProjectSection departments={departments} {...parts} />
      <PlanSection
        year={year}
        years={years}
        fixedYear={fixedYear}
        preliminary={stage === 'PRELIMINARY'}
        splitDerived={splitDerived}
        {...parts}
      />

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || closed} data-testid="project-form-submit">
          {pending ? t('saving') : projectId === undefined ? t('create') : t('save')}
        </Button>
      </div>
    </form>
  );
}

/** Saved: with the way to the project and to the plan overview where the change shows. */
function SavedNotice({ notice }: { notice: Notice }) {
  const t = useTranslations('projectEdit');
  return (
    <div
      className="flex flex-col gap-1 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
      data-testid="project-form-notice"
    >
      <span>{t(notice.kind)}</span>
      <span className="flex flex-wrap gap-4">
        <Link
          href={`/projects/${notice.projectId}?year=${notice.year}`}
          className="underline"
          data-testid="project-form-view-project"
        >
          {t('viewProject')}
        </Link>
        <Link href={`/plan?year=${notice.year}`} className="underline" data-testid="project-form-view-plan">
          {t('viewPlan')}
        </Link>
      </span>
    </div>
  );
}
