import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, pickMessages } from '@/i18n/client-messages';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** Every namespace a client component reads with useTranslations, with the file that reads it. */
function clientNamespaces(): { file: string; namespace: string | null }[] {
  return ['app', 'components', 'lib'].flatMap((dir) =>
    sourceFiles(path.join(ROOT, dir))
      .filter((file) => /^\s*['"]use client['"]/m.test(readFileSync(file, 'utf8')))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const rel = path.relative(ROOT, file);
        return [...text.matchAll(/useTranslations\(\s*(?:'([^']*)'|"([^"]*)")?\s*\)/g)].map((m) => ({
          file: rel,
          namespace: m[1] ?? m[2] ?? null,
        }));
      }),
  );
}

describe('messages sent to the browser', () => {
  it('cover every namespace a client component reads', () => {
    const used = clientNamespaces();
    expect(used.length).toBeGreaterThan(20);
    const uncovered = used.filter(
      (u) =>
        u.namespace === null ||
        !CLIENT_NAMESPACES.some((ns) => u.namespace === ns || u.namespace!.startsWith(`${ns}.`)),
    );
    expect(uncovered).toEqual([]);
  });

  it('name namespaces that exist in both languages, and leave the rest on the server', () => {
    for (const messages of [zhCN, en]) {
      const picked = pickMessages(messages, CLIENT_NAMESPACES) as Record<string, unknown>;
      for (const ns of CLIENT_NAMESPACES) {
        const value = ns.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], picked);
        expect(value, ns).toBeTypeOf('object');
      }
      expect(picked.dashboard).toEqual({ thresholds: messages.dashboard.thresholds });
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length * 0.8);
    }
  });

  it('picks nested paths without touching the source', () => {
    const source = { a: { b: 'x', c: { d: 'y' } }, e: 'z' };
    expect(pickMessages(source, ['a.c', 'e', 'missing.path'])).toEqual({ a: { c: { d: 'y' } }, e: 'z' });
    expect(source).toEqual({ a: { b: 'x', c: { d: 'y' } }, e: 'z' });
  });
});
