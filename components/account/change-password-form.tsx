'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert } from '@/components/forms/controls';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { changeOwnPassword } from '@/lib/actions/account';
import { ZChangePassword } from '@/lib/validations/account';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const t = useTranslations('account.password');
  const router = useRouter();
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZChangePassword, changeOwnPassword, {
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    onSuccess: () => {
      router.replace('/');
      router.refresh();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      {FIELDS.map((field) => (
        <Field
          key={field}
          id={field}
          label={t(field)}
          hint={field === 'newPassword' ? t('policy') : undefined}
          error={errorOf(field)}
        >
          {(aria) => (
            <Input
              {...aria}
              type="password"
              autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
              {...form.register(field)}
            />
          )}
        </Field>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
