'use client';

import { useEffect, useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { applyActionFailure, callAction } from '@/components/admin/action-result';
import { Field, FormAlert } from '@/components/admin/form-controls';
import { Modal } from '@/components/admin/modal';
import { Textarea } from '@/components/reports/textarea';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { publishBulletin, regenerateBulletin, updateBulletin } from '@/lib/actions/bulletins';
import { BULLETIN_TITLE_MAX, ZUpdateBulletin } from '@/lib/validations/bulletin';

type Values = z.output<typeof ZUpdateBulletin>;

export interface EditableBulletin {
  id: number;
  year: number;
  month: number;
  version: number;
  title: string;
  body: string;
}

/**
 * Messages of the schema are keys under `bulletins.validation`, or the shared text rule's under `validation`; the
 * server's are already in the user's language.
 */
function useBulletinErrorText() {
  const tv = useTranslations('bulletins.validation');
  const shared = useTranslations('validation');
  return (message: string | undefined) => {
    if (message === undefined) return undefined;
    const key = message as Parameters<typeof tv.has>[0];
    if (tv.has(key)) return tv(key);
    const sharedKey = message as Parameters<typeof shared.has>[0];
    return shared.has(sharedKey) ? shared(sharedKey) : message;
  };
}

/**
 * The bureau's editor of a draft: title and text (react-hook-form with the action's own schema), "重新生成" from the
 * latest approved figures, and publishing after a confirmation. Every change names the version it was made on, so
 * a colleague's save in between is refused with their name rather than overwritten.
 */
export function BulletinEditor({ bulletin }: { bulletin: EditableBulletin }) {
  const t = useTranslations('bulletins.editor');
  const router = useRouter();
  const errorText = useBulletinErrorText();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'regenerate' | 'publish' | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const form = useForm<z.input<typeof ZUpdateBulletin>, unknown, Values>({
    resolver: zodResolver(ZUpdateBulletin),
    defaultValues: { id: bulletin.id, version: bulletin.version, title: bulletin.title, body: bulletin.body },
  });
  const {
    register,
    handleSubmit,
    reset,
    getValues,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  // The page re-reads the bulletin after every change: the form follows the version it shows.
  useEffect(() => {
    reset({ id: bulletin.id, version: bulletin.version, title: bulletin.title, body: bulletin.body });
  }, [bulletin.id, bulletin.version, bulletin.title, bulletin.body, reset]);

  async function onSubmit(values: Values) {
    setFormError(null);
    setNotice(null);
    const result = await callAction(() => updateBulletin(values), t('failed'));
    if (!result.ok) return setFormError(applyActionFailure(result, ['title', 'body'], form.setError));
    reset({ ...values, version: result.data.version });
    setNotice(t('saved', { version: result.data.version }));
    router.refresh();
  }

  async function confirm() {
    setPending(true);
    setDialogError(null);
    const ref = { id: bulletin.id, version: Number(getValues('version')) };
    if (dialog === 'regenerate') {
      const result = await callAction(() => regenerateBulletin(ref), t('failed'));
      setPending(false);
      if (!result.ok) return setDialogError(result.message);
      setDialog(null);
      setNotice(t('regenerated', { version: result.data.version }));
      router.refresh();
    } else if (dialog === 'publish') {
      const result = await callAction(() => publishBulletin(ref), t('failed'));
      if (!result.ok) {
        setPending(false);
        return setDialogError(result.message);
      }
      router.push(`/bulletins/${bulletin.year}/${bulletin.month}`);
    }
  }

  const open = (which: 'regenerate' | 'publish') => {
    setDialogError(null);
    setDialog(which);
  };
  const year = String(bulletin.year);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" data-testid="bulletin-editor">
      <div role="status" aria-live="polite">
        {notice && (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{notice}</p>
        )}
      </div>
      <FormAlert message={formError} />
      <input type="hidden" {...register('id')} />
      <input type="hidden" {...register('version')} />
      <Field id={`${id}-title`} label={t('fieldTitle')} error={errorText(errors.title?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" maxLength={BULLETIN_TITLE_MAX} {...register('title')} />}
      </Field>
      <Field id={`${id}-body`} label={t('fieldBody')} hint={t('bodyHint')} error={errorText(errors.body?.message)}>
        {(aria) => <Textarea {...aria} rows={18} className="leading-7" {...register('body')} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          {t('version', { version: Number(getValues('version')) })}
          {isDirty && <span className="ml-2 text-amber-700">{t('unsaved')}</span>}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => open('regenerate')}>
            {t('regenerate')}
          </Button>
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? t('saving') : t('save')}
          </Button>
          <Button type="button" onClick={() => open('publish')}>
            {t('publish')}
          </Button>
        </div>
      </div>

      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'publish' ? t('publishTitle', { year, month: bulletin.month }) : t('regenerateTitle')}
        description={dialog === 'publish' ? t('publishDescription') : t('regenerateDescription')}
      >
        <div className="flex flex-col gap-4">
          {dialog === 'publish' && isDirty ? (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t('publishUnsaved')}
            </p>
          ) : (
            <FormAlert message={dialogError} />
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            {!(dialog === 'publish' && isDirty) && (
              <Button type="button" disabled={pending} onClick={confirm}>
                {pending ? t('working') : dialog === 'publish' ? t('publishConfirm') : t('regenerate')}
              </Button>
            )}
          </div>
        </div>
      </Modal>
    </form>
  );
}
