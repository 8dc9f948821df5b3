'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { callAction, failureMessage } from '@/components/forms/action-result';
import { Field, FormAlert, Select } from '@/components/forms/controls';
import { Button } from '@/components/ui/button';
import { createBulletinDraft } from '@/lib/actions/bulletins';

/** The bureau drafts a month's bulletin from the rollup and goes straight to editing it. */
export function CreateDraftForm({ year, months }: { year: number; months: number[] }) {
  const t = useTranslations('bulletins');
  const router = useRouter();
  const id = useId();
  const [month, setMonth] = useState(months[0] ?? 1);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (months.length === 0) return <p className="text-sm text-slate-500">{t('create.none')}</p>;

  async function create() {
    setPending(true);
    setError(null);
    const result = await callAction(() => createBulletinDraft({ year, month }), t('editor.failed'));
    if (!result.ok) {
      setPending(false);
      setError(failureMessage(result));
      return;
    }
    router.push(`/bulletins/${year}/${month}/edit`);
    // drafting from the edit page itself: the same URL, so re-read it
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-40">
          <Field id={`${id}-month`} label={t('create.month')} hint={t('create.hint')}>
            {(aria) => (
              <Select {...aria} value={month} onChange={(e) => setMonth(Number(e.target.value))}>
                {months.map((m) => (
                  <option key={m} value={m}>
                    {t('month', { month: m })}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Button type="button" onClick={create} disabled={pending} className="mb-6">
          {pending ? t('create.creating') : t('create.submit')}
        </Button>
      </div>
    </div>
  );
}
