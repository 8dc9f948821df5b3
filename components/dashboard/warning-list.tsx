import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ProjectFigure } from '@/lib/server/dashboard/get-project-figures';

/** Projects with their warnings, each saying in words why it fired. */
export function WarningList({
  projects,
  year,
  message,
}: {
  projects: readonly ProjectFigure[];
  year: number;
  message: (key: string, values: Record<string, string | number>) => string;
}) {
  return (
    <ul className="divide-y divide-slate-100 px-5 pb-4" data-testid="warning-list">
      {projects.map((p) => (
        <li
          key={p.planId}
          className="flex flex-col gap-1 py-2 text-sm"
          data-testid="warning-project"
          data-level={p.level}
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={p.level === 'red' ? 'danger' : 'warning'}>{p.level === 'red' ? '●' : '○'}</Badge>
            <Link href={`/projects/${p.projectId}?year=${year}`} className="font-medium text-brand-800 hover:underline">
              {p.name}
            </Link>
            <span className="text-xs text-slate-500" data-testid="warning-project-department">
              {p.departmentName}
            </span>
          </div>
          <ul className="ml-8 list-disc text-xs text-slate-700">
            {p.warnings.map((w, i) => (
              <li key={i} data-rule={w.rule} data-level={w.level}>
                {message(w.message.key, w.message.params)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
