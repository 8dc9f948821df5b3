'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { changeOwnPassword } from '@/lib/actions/account';
import { ZChangePassword, type ChangePasswordInput } from '@/lib/validations/account';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const t = useTranslations('account.password');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(ZChangePassword),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  async function onSubmit(values: ChangePasswordInput) {
    setFormError(null);
    const result = await changeOwnPassword(values);
    if (result.ok) {
      router.replace('/');
      router.refresh();
      return;
    }
    // Field errors from the server arrive already translated.
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if ((FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message: messages[0] });
    }
    if (!result.fieldErrors) setFormError(result.message);
  }

  // zod issues carry message keys; the server's field errors are already sentences
  const messageOf = (m: string | undefined) =>
    m === undefined ? undefined : tv.has(m as Parameters<typeof tv>[0]) ? tv(m as Parameters<typeof tv>[0]) : m;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      {FIELDS.map((field) => {
        const error = messageOf(errors[field]?.message);
        return (
          <div key={field} className="flex flex-col gap-1.5">
            <Label htmlFor={field}>{t(field)}</Label>
            <Input
              id={field}
              type="password"
              autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${field}-error` : field === 'newPassword' ? 'password-policy' : undefined}
              {...register(field)}
            />
            {field === 'newPassword' && (
              <p id="password-policy" className="text-xs text-slate-500">
                {t('policy')}
              </p>
            )}
            {error && (
              <p id={`${field}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
