import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { ProblemLevel, ProblemStatus } from '@/lib/domain/problems/flow';

const STATUS_VARIANT = {
  PENDING: 'warning',
  IN_PROGRESS: 'brand',
  CLOSE_PROPOSED: 'neutral',
  CLOSED: 'success',
} as const satisfies Record<ProblemStatus, string>;

const LEVEL_VARIANT = { NORMAL: 'neutral', KEY: 'warning', SUPERVISED: 'danger' } as const satisfies Record<
  ProblemLevel,
  string
>;

/** A problem's 办理状态 as a badge. */
export async function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const t = await getTranslations('enums.problemStatus');
  return (
    <Badge variant={STATUS_VARIANT[status]} data-status={status} className="whitespace-nowrap">
      {t(status)}
    </Badge>
  );
}

/** A problem's 督办级别 as a badge; 一般 stays plain text, so the raised levels stand out. */
export async function ProblemLevelBadge({ level }: { level: ProblemLevel }) {
  const t = await getTranslations('enums.problemLevel');
  if (level === 'NORMAL') return <span className="text-slate-600">{t(level)}</span>;
  return (
    <Badge variant={LEVEL_VARIANT[level]} data-level={level} className="whitespace-nowrap">
      {t(level)}
    </Badge>
  );
}
