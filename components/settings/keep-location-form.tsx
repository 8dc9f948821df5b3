'use client';

import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/controls';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { setAttachmentKeepLocation } from '@/lib/actions/attachment-settings';
import { ZAttachmentKeepLocation } from '@/lib/validations/attachment-settings';

/** Whether uploaded photos keep their GPS location as evidence (off by default; never in the served images). */
export function KeepLocationForm({ keepLocation }: { keepLocation: boolean }) {
  const t = useTranslations('attachmentSettings');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const action = useActionForm(ZAttachmentKeepLocation, setAttachmentKeepLocation, {
    defaultValues: { keepLocation },
    onSuccess: (saved, _values, form) => {
      form.reset({ keepLocation: saved.keepLocation });
      notify(saved.keepLocation ? t('doneOn') : t('doneOff'));
    },
  });
  return (
    <form onSubmit={action.onSubmit} noValidate className="flex flex-col gap-3" data-testid="keep-location-form">
      <FormAlert message={action.formError} />
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="checkbox" {...action.form.register('keepLocation')} data-testid="keep-location" />
        {t('label')}
      </label>
      <p className="text-sm text-slate-600">{t('hint')}</p>
      <div>
        <Button type="submit" disabled={action.pending}>
          {action.pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
