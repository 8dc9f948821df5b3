'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { setSplitProfile } from '@/lib/actions/project-import';
import { SPLIT_PROFILES, type SplitProfile } from '@/lib/domain/monthly-split';
import type { SplitSetting } from '@/lib/server/projects/split-profile';

const ERROR_KEYS = ['yearInvalid', 'profileInvalid', 'weightsCount', 'weightInvalid', 'weightsZero'] as const;
type ErrorKey = (typeof ERROR_KEYS)[number];
const isErrorKey = (key: string | undefined): key is ErrorKey => ERROR_KEYS.includes(key as ErrorKey);

/**
 * 分月方案 of the chosen year: how the import derives a monthly split a file lacks. The page mounts it anew per
 * year (key), so what it shows is always that year's stored setting.
 */
export function SplitProfileCard({ setting, onSaved }: { setting: SplitSetting; onSaved(): void }) {
  const t = useTranslations('projectImport.split');
  const [profile, setProfile] = useState<SplitProfile>(setting.profile);
  const [weights, setWeights] = useState<string[]>(setting.weights);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const year = String(setting.year);

  async function save() {
    setPending(true);
    setNotice(null);
    try {
      const result = await setSplitProfile({ year: setting.year, profile, weights });
      if (result.ok) {
        setNotice({ ok: true, text: result.data.changed ? t('saved', { year }) : t('unchanged') });
        // a dry run shown before the change derived with the old profile
        if (result.data.changed) onSaved();
      } else {
        const key = Object.values(result.fieldErrors ?? {})[0]?.[0];
        setNotice({ ok: false, text: isErrorKey(key) ? t(`errors.${key}`) : result.message });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Card data-testid="split-profile">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 p-5 pt-0">
        <fieldset className="flex flex-wrap items-center gap-4 text-sm">
          <legend className="mb-2 text-sm font-medium text-slate-700">{t('profile', { year })}</legend>
          {SPLIT_PROFILES.map((p) => (
            <label key={p} className="flex items-center gap-2">
              <input
                type="radio"
                name="split-profile"
                value={p}
                checked={profile === p}
                disabled={pending}
                onChange={() => setProfile(p)}
              />
              {t(`profiles.${p}`)}
            </label>
          ))}
        </fieldset>
        {profile === 'S_CURVE' ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">{t('weights')}</legend>
            <p id="split-weights-hint" className="text-xs text-slate-500">
              {t('weightsHint')}
            </p>
            <div className="grid grid-cols-4 gap-2 sm:grid-cols-6 lg:grid-cols-12">
              {weights.map((w, i) => (
                <label key={i} className="flex flex-col gap-1 text-xs text-slate-600">
                  {t('month', { month: i + 1 })}
                  <input
                    inputMode="decimal"
                    value={w}
                    disabled={pending}
                    aria-describedby="split-weights-hint"
                    className="h-9 w-full rounded-md border border-slate-300 px-2 text-sm tabular-nums"
                    onChange={(e) => setWeights(weights.map((old, j) => (j === i ? e.target.value : old)))}
                  />
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" size="sm" onClick={save} disabled={pending}>
            {t('save')}
          </Button>
          {notice ? (
            <p
              role={notice.ok ? 'status' : 'alert'}
              className={notice.ok ? 'text-sm text-emerald-800' : 'text-sm text-red-800'}
            >
              {notice.text}
            </p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
