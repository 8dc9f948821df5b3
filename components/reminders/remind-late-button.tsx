'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { useNotice } from '@/components/forms/notice';
import { sendReportReminders } from '@/lib/actions/reminders';

/**
 * The bureau's 催报 on the deadline board, after a confirmation: to every late department of the month, or to the
 * one named. The page's notice then says how many departments and users were reminded.
 */
export function RemindLateButton({
  year,
  month,
  lateCount,
  department,
}: {
  year: number;
  month: number;
  lateCount: number;
  /** one department's row; absent: every late department */
  department?: { id: number; name: string };
}) {
  const t = useTranslations('reminders.board');
  const notify = useNotice();
  const router = useRouter();
  return (
    <ConfirmAction
      openText={department ? t('openOne') : t('open')}
      label={department ? t('openOneLabel', { department: department.name }) : undefined}
      title={department ? t('titleOne', { department: department.name }) : t('title')}
      description={
        department ? t('descriptionOne', { department: department.name }) : t('description', { count: lateCount })
      }
      confirmText={t('confirm')}
      button={department ? undefined : { size: 'sm', variant: 'primary' }}
      onDone={(sent) => {
        notify(t('done', { departments: sent.departments, users: sent.users }));
        router.refresh();
      }}
      run={() => sendReportReminders({ year, month, ...(department ? { departmentId: department.id } : {}) })}
    />
  );
}
