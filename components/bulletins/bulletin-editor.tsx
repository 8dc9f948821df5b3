'use client';

import { useEffect, useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field, FormAlert, FormSuccess } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { publishBulletin, regenerateBulletin, updateBulletin } from '@/lib/actions/bulletins';
import { BULLETIN_TITLE_MAX, ZUpdateBulletin } from '@/lib/validations/bulletin';

export interface EditableBulletin {
  id: number;
  year: number;
  month: number;
  version: number;
  title: string;
  body: string;
}

/**
 * The bureau's editor of a draft: title and text (react-hook-form with the action's own schema), "重新生成" from the
 * latest approved figures, and publishing after a confirmation. Every change names the version it was made on, so
 * a colleague's save in between is refused with their name rather than overwritten.
 */
export function BulletinEditor({ bulletin }: { bulletin: EditableBulletin }) {
  const t = useTranslations('bulletins.editor');
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);

  // Messages of the schema are keys under `bulletins.validation`, or the shared text rule's under `validation`.
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZUpdateBulletin, updateBulletin, {
    defaultValues: { id: bulletin.id, version: bulletin.version, title: bulletin.title, body: bulletin.body },
    messages: 'bulletins.validation',
    failedMessage: t('failed'),
    onSuccess: (saved, values, self) => {
      self.reset({ ...values, version: saved.version });
      setNotice(t('saved', { version: saved.version }));
      router.refresh();
    },
    onFailure: () => setNotice(null),
  });
  const {
    register,
    reset,
    getValues,
    formState: { isDirty },
  } = form;

  // The page re-reads the bulletin after every change: the form follows the version it shows.
  useEffect(() => {
    reset({ id: bulletin.id, version: bulletin.version, title: bulletin.title, body: bulletin.body });
  }, [bulletin.id, bulletin.version, bulletin.title, bulletin.body, reset]);

  // the version the form holds: the one a regeneration or publication is made on
  const ref = () => ({ id: bulletin.id, version: Number(getValues('version')) });
  const year = String(bulletin.year);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="bulletin-editor">
      <FormSuccess message={notice} />
      <FormAlert message={formError} />
      <input type="hidden" {...register('id')} />
      <input type="hidden" {...register('version')} />
      <Field id={`${id}-title`} label={t('fieldTitle')} error={errorOf('title')}>
        {(aria) => <Input {...aria} autoComplete="off" maxLength={BULLETIN_TITLE_MAX} {...register('title')} />}
      </Field>
      <Field id={`${id}-body`} label={t('fieldBody')} hint={t('bodyHint')} error={errorOf('body')}>
        {(aria) => <Textarea {...aria} rows={18} className="leading-7" {...register('body')} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          {t('version', { version: Number(getValues('version')) })}
          {isDirty && <span className="ml-2 text-amber-700">{t('unsaved')}</span>}
        </p>
        <div className="flex flex-wrap gap-2">
          <ConfirmAction
            openText={t('regenerate')}
            title={t('regenerateTitle')}
            description={t('regenerateDescription')}
            confirmText={t('regenerate')}
            button={{ size: 'md', variant: 'secondary' }}
            run={() => regenerateBulletin(ref())}
            onDone={(regenerated) => {
              setNotice(t('regenerated', { version: regenerated.version }));
              router.refresh();
            }}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? t('saving') : t('save')}
          </Button>
          <ConfirmAction
            openText={t('publish')}
            title={t('publishTitle', { year, month: bulletin.month })}
            description={t('publishDescription')}
            confirmText={t('publishConfirm')}
            blockedReason={isDirty ? t('publishUnsaved') : undefined}
            button={{ size: 'md', variant: 'primary' }}
            run={() => publishBulletin(ref())}
            onDone={() => router.push(`/bulletins/${bulletin.year}/${bulletin.month}`)}
          />
        </div>
      </div>
    </form>
  );
}
