// use-intl's core, the translator without React: server code and the scripts (--conditions=react-server) load it
import { createTranslator, type MessageKeys, type NestedKeyOf } from 'use-intl/core';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { AppLocale } from './config';

/**
 * A message to show a person, not yet in any language: a key into messages/*.json and its values. Server code
 * describes what went wrong with one of these; the edge that knows the user's language (the action wrapper)
 * translates it, once. A value may itself be a message, translated first ("“{project}”: {message}").
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
export type MessageParam = string | number | Message;
export type MessageParams = Record<string, MessageParam>;

/** Every message's dotted path, e.g. "reports.errors.staleVersion": a typo is a compile error. */
export type MessageKey = MessageKeys<typeof zhCN, NestedKeyOf<typeof zhCN>>;

const MESSAGES = { 'zh-CN': zhCN, en } as const;

const translators = new Map<AppLocale, ReturnType<typeof translatorOf>>();

function translatorOf(locale: AppLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

function translator(locale: AppLocale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorOf(locale)));
  return t;
}

/** The message in the locale, nested messages among its values translated first. */
export function translateMessage(locale: AppLocale, message: Message): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    values[name] = typeof value === 'object' ? translateMessage(locale, value) : value;
  }
  const t = translator(locale);
  return t(message.key, values as never);
}

/** Does `key` name a message (a leaf) in the locale's messages? */
export function hasMessage(locale: AppLocale, key: string): key is MessageKey {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
