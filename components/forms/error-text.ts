'use client';

import { useTranslations } from 'next-intl';

/** Namespaces of a feature's own validation keys, tried before the shared `validation` ones. */
export type ErrorNamespace = 'validation' | 'bulletins.validation' | 'apiTokens.validation';

interface KeyLookup {
  (key: string): string;
  has(key: string): boolean;
}

/**
 * Turns an error message into the user's language: the schemas' messages are keys, under the feature's own
 * namespace or the shared `validation`; messages that came back from the server are already translated and pass
 * through as they are.
 */
export function useErrorText(
  namespace: ErrorNamespace = 'validation',
): (message: string | undefined) => string | undefined {
  // Looked up by a key that is only known at run time, so the translators are used untyped.
  const own = useTranslations(namespace) as unknown as KeyLookup;
  const shared = useTranslations('validation') as unknown as KeyLookup;
  return (message) => {
    if (message === undefined) return undefined;
    for (const t of [own, shared]) if (t.has(message)) return t(message);
    return message;
  };
}
