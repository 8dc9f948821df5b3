'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Cancel and submit at the foot of a dialog's form; the submit button says it is working while the action runs. */
export function FormButtons({
  pending,
  submitText,
  pendingText,
  onCancel,
}: {
  pending: boolean;
  submitText: string;
  /** "正在保存…" unless the action is not a save */
  pendingText?: string;
  onCancel: () => void;
}) {
  const t = useTranslations('admin.common');
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? (pendingText ?? t('saving')) : submitText}
      </Button>
    </div>
  );
}
