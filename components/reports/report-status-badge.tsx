import { getTranslations } from 'next-intl/server';
import type { ReportStatus } from '@/generated/prisma/enums';
import { Badge, type BadgeProps } from '@/components/ui/badge';

const VARIANT: Record<ReportStatus | 'MISSING', NonNullable<BadgeProps['variant']>> = {
  DRAFT: 'neutral',
  SUBMITTED: 'brand',
  APPROVED: 'success',
  RETURNED: 'warning',
  MISSING: 'danger',
};

/** A report's state; `null` is a month nobody has started, which the bureau chases. */
export async function ReportStatusBadge({ status, testId }: { status: ReportStatus | null; testId?: string }) {
  const t = await getTranslations('reports.status');
  const key = status ?? 'MISSING';
  return (
    <Badge variant={VARIANT[key]} data-testid={testId} data-status={key}>
      {t(key)}
    </Badge>
  );
}
