'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormAlert } from './controls';

/**
 * A form in a dialog: the form-level error first, the fields, then cancel and submit. The submit button says it is
 * working while the action runs.
 */
export function DialogForm({
  action: { onSubmit, formError, pending },
  submitText,
  pendingText,
  onCancel,
  children,
}: {
  /** the form's useActionForm */
  action: { onSubmit: React.FormEventHandler<HTMLFormElement>; formError: string | null; pending: boolean };
  submitText: string;
  /** "正在保存…" unless the action is not a save */
  pendingText?: string;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  const t = useTranslations('admin.common');
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      {children}
      <div className="flex justify-end gap-2 pt-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? (pendingText ?? t('saving')) : submitText}
        </Button>
      </div>
    </form>
  );
}
