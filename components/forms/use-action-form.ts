'use client';

import { useState, useSyncExternalStore } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/safe-action';
import { applyActionFailure, callAction, type ActionFailure } from './action-result';
import { useErrorText, type ErrorNamespace } from './error-text';

type Schema = z.ZodType<FieldValues, FieldValues>;
export type ActionFormReturn<S extends Schema> = UseFormReturn<z.input<S>, unknown, z.output<S>>;

export interface ActionFormOptions<S extends Schema, T> {
  defaultValues: DefaultValues<z.input<S>>;
  /** after the action succeeded: say so, close the dialog, reset the form to what was saved… */
  onSuccess?(data: T, values: z.output<S>, form: ActionFormReturn<S>): void | Promise<void>;
  /** after the failure is on the form, for a caller that shows more than the form-level alert */
  onFailure?(failure: ActionFailure): void;
  /** the feature's own namespace of validation keys, tried before the shared one */
  messages?: ErrorNamespace;
  /** the text when the request itself fails (no network); "操作未完成…" by default */
  failedMessage?: string;
  /** whether the first field with a server error takes the focus (default true) */
  focusOnError?: boolean;
}

/**
 * One form bound to one server action: react-hook-form validates with the action's own zod schema, then the action
 * runs; its field errors land on the fields (see applyActionFailure) and the rest in `formError`, in the user's
 * language.
 *
 *   const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZCreateUser, createUser, {
 *     defaultValues: { username: '' }, onSuccess: (user) => notify(…) });
 */
export function useActionForm<S extends Schema, T>(
  schema: S,
  action: (values: z.output<S>) => Promise<ActionResult<T>>,
  options: ActionFormOptions<S, T>,
) {
  const tc = useTranslations('admin.common');
  const errorText = useErrorText(options.messages);
  const [formError, setFormError] = useState<string | null>(null);
  const form: ActionFormReturn<S> = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues: options.defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  /** Runs the action with valid values: the result, with a failure already shown on the form. */
  async function run(values: z.output<S>): Promise<ActionResult<T>> {
    setFormError(null);
    const result = await callAction(() => action(values), options.failedMessage ?? tc('failed'));
    if (result.ok) {
      await options.onSuccess?.(result.data, values, form);
    } else {
      const message = applyActionFailure(form, result, { focus: options.focusOnError ?? true });
      setFormError(errorText(message) ?? message);
      options.onFailure?.(result);
    }
    return result;
  }

  /** A field's error in the user's language, at any depth ("monthly.3"). */
  function errorOf(name: Path<z.input<S>>): string | undefined {
    let node: unknown = errors;
    for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return errorText((node as { message?: string } | undefined)?.message);
  }

  return {
    form,
    formError,
    setFormError,
    errorOf,
    errorText,
    run,
    /** for <form onSubmit>: validates, then runs the action */
    onSubmit: form.handleSubmit(async (values) => {
      await run(values);
    }),
    /**
     * True while the action runs, and until React has hydrated the page: a value typed before hydration would be
     * reset to its default, and a click would post the form natively. A form's buttons are disabled while pending.
     */
    pending: isSubmitting || !hydrated,
  };
}

/**
 * False until React has hydrated the page. A form's buttons wait for it: before, a click would post the form
 * natively (a GET with the figures in the URL) instead of running its action.
 */
export function useHydrated(): boolean {
  // The server snapshot (false) is used for the server render and hydration; the client's (true) after it.
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

const noSubscription = () => () => {};
