import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatWan, MISSING } from '@/lib/format';
import type { ProjectDetail } from '@/lib/server/projects/get-project';

export function Field({
  label,
  value,
  wide,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm whitespace-pre-line text-slate-900" data-testid={testId}>
        {value === null || value === '' ? MISSING : value}
      </dd>
    </div>
  );
}

/** Every attribute of the project itself (what stays the same from one plan year to the next). */
export async function ProjectAttributes({ project }: { project: ProjectDetail }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('projects.detail.attributes')]);
  const tBuild = await getTranslations('projects.buildType');
  const contact = [project.contactName, project.contactPhone].filter(Boolean).join(' · ');
  return (
    <Card data-testid="project-attributes">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Field label={t('code')} value={project.code} testId="project-code" />
          <Field label={t('department')} value={project.departmentName} testId="project-department" />
          <Field label={t('name')} value={project.name} wide />
          <Field label={t('ownerUnit')} value={project.ownerUnit} />
          <Field label={t('area')} value={project.area} />
          <Field label={t('buildType')} value={tBuild(project.buildType)} />
          <Field
            label={t('totalInvestment')}
            value={formatWan(project.totalInvestment, locale)}
            testId="project-total-investment"
          />
          <Field label={t('scope')} value={project.scope} wide />
          <Field label={t('plannedStart')} value={project.plannedStart} />
          <Field label={t('plannedCompletion')} value={project.plannedCompletion} />
          <Field label={t('actualStart')} value={project.actualStart} />
          <Field label={t('actualCompletion')} value={project.actualCompletion} />
          <Field label={t('leaderInCharge')} value={project.leaderInCharge} />
          <Field label={t('contact')} value={contact} />
        </dl>
      </CardContent>
    </Card>
  );
}
