import { useTranslations } from 'next-intl';
import type { ReportStatus } from '@/generated/prisma/enums';
import { Badge, type BadgeProps } from '@/components/ui/badge';

const VARIANT: Record<ReportStatus | 'MISSING', NonNullable<BadgeProps['variant']>> = {
  DRAFT: 'neutral',
  SUBMITTED: 'brand',
  APPROVED: 'success',
  RETURNED: 'warning',
  MISSING: 'danger',
};

/**
 * A report's state; `null` is a month nobody has started, which the bureau chases. Synchronous with
 * `useTranslations`, so server pages and the client grids (batch entry, review queue) share it.
 */
export function ReportStatusBadge({ status, testId }: { status: ReportStatus | null; testId?: string }) {
  const t = useTranslations('reports.status');
  const key = status ?? 'MISSING';
  return (
    <Badge variant={VARIANT[key]} data-testid={testId} data-status={key}>
      {t(key)}
    </Badge>
  );
}
