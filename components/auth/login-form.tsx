'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { isSignInMessageKey, retryAfterSeconds, ZSignIn, type SignInInput } from '@/lib/validations/auth';

type FormError = 'invalidCredentials' | 'failed' | { retryInMinutes: number };

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: 'sessionExpired' }) {
  const t = useTranslations('login');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [formError, setFormError] = useState<FormError | 'sessionExpired' | null>(initialError ?? null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(ZSignIn), defaultValues: { username: '', password: '' } });

  function fieldError(message: string | undefined): string | undefined {
    if (message === undefined) return undefined;
    return isSignInMessageKey(message) ? tv(message) : message;
  }

  async function onSubmit(values: SignInInput) {
    setFormError(null);
    try {
      const result = await signIn('credentials', { redirect: false, ...values });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      // next-auth reports a null from `authorize` as CredentialsSignin; anything else is a server-side failure.
      const wait = retryAfterSeconds(result?.error);
      setFormError(
        wait !== null
          ? { retryInMinutes: Math.ceil(wait / 60) }
          : result?.error === 'CredentialsSignin'
            ? 'invalidCredentials'
            : 'failed',
      );
    } catch {
      setFormError('failed');
    }
    setFocus('password');
  }

  const usernameError = fieldError(errors.username?.message);
  const passwordError = fieldError(errors.password?.message);
  const describedBy = (fieldErrorId: string, hasFieldError: boolean) =>
    [hasFieldError ? fieldErrorId : null, formError ? 'login-form-error' : null].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-5">
      {formError && (
        <p
          id="login-form-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {typeof formError === 'string' ? t(formError) : t('tooManyAttempts', { minutes: formError.retryInMinutes })}
        </p>
      )}

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="username">{t('username')}</Label>
        <Input
          id="username"
          autoComplete="username"
          autoFocus
          aria-invalid={usernameError ? true : undefined}
          aria-describedby={describedBy('username-error', Boolean(usernameError))}
          {...register('username')}
        />
        {usernameError && (
          <p id="username-error" className="text-sm text-red-700">
            {usernameError}
          </p>
        )}
      </div>

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">{t('password')}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={describedBy('password-error', Boolean(passwordError))}
          {...register('password')}
        />
        {passwordError && (
          <p id="password-error" className="text-sm text-red-700">
            {passwordError}
          </p>
        )}
      </div>

      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
