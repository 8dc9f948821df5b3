/**
 * lib/domain holds the pure rules: no database, no framework, no request. This test reads every import of every
 * file under lib/domain and fails on one that reaches for what the rules must not depend on, so a rule stays
 * testable without a server and usable from any layer (the form's schema, the action, the import, a script).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const DOMAIN = path.join(ROOT, 'lib/domain');

/** Module specifiers lib/domain may not import, as the alias or package name begins. */
const FORBIDDEN = [
  '@/lib/validations',
  '@/lib/server',
  '@/lib/actions',
  '@/lib/auth',
  '@/lib/db',
  '@/lib/prisma',
  '@/app',
  '@/components',
  '@/i18n',
  '@/messages',
  'next',
  'next-intl',
  'next-auth',
  'react',
  'server-only',
  '@prisma/',
  'prisma',
  '@/generated/prisma',
];

/** The schema's enum names are the domain's vocabulary: their types (erased at build) may be imported, nothing else. */
const TYPE_ONLY_ALLOWED = '@/generated/prisma/enums';

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const rel = path.relative(ROOT, file);
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      let typeOnly = false;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const named =
          clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
        typeOnly =
          !!clause &&
          (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      } else {
        typeOnly = node.isTypeOnly;
      }
      found.push({ file: rel, specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      // import('…') and require('…')
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push({ file: rel, specifier: node.arguments[0].text, typeOnly: false });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative import as the alias it amounts to, so "../server/x" is judged like "@/lib/server/x". */
function asAlias(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return `@/${path
    .relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier))
    .split(path.sep)
    .join('/')}`;
}

function isForbidden({ file, specifier, typeOnly }: Import): boolean {
  const target = asAlias(file, specifier);
  if (target === TYPE_ONLY_ALLOWED) return !typeOnly;
  return FORBIDDEN.some(
    (prefix) => target === prefix || target.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

describe('lib/domain', () => {
  const imports = sourceFiles(DOMAIN).flatMap(importsOf);

  it('is read whole: every file and its imports', () => {
    expect(sourceFiles(DOMAIN).length).toBeGreaterThan(20);
    expect(imports.some((i) => i.specifier === 'decimal.js')).toBe(true);
    expect(imports.some((i) => i.specifier === TYPE_ONLY_ALLOWED && i.typeOnly)).toBe(true);
  });

  it('imports nothing from lib/validations, lib/server, Next, React or Prisma', () => {
    expect(imports.filter(isForbidden)).toEqual([]);
  });

  it('stays inside lib/domain with its relative imports', () => {
    const escaping = imports.filter(
      (i) => i.specifier.startsWith('.') && !asAlias(i.file, i.specifier).startsWith('@/lib/domain/'),
    );
    expect(escaping).toEqual([]);
  });

  it('is checked by a rule that would catch each kind of forbidden import', () => {
    const file = 'lib/domain/example.ts';
    const cases: [Import, boolean][] = [
      [{ file, specifier: '@/lib/validations/text', typeOnly: false }, true],
      [{ file, specifier: '../server/errors', typeOnly: false }, true],
      [{ file, specifier: 'next/cache', typeOnly: false }, true],
      [{ file, specifier: '@prisma/client', typeOnly: true }, true],
      [{ file, specifier: '@/generated/prisma/client', typeOnly: true }, true],
      [{ file, specifier: '@/generated/prisma/enums', typeOnly: false }, true],
      [{ file, specifier: '@/generated/prisma/enums', typeOnly: true }, false],
      [{ file, specifier: './money', typeOnly: false }, false],
      [{ file, specifier: 'decimal.js', typeOnly: false }, false],
      [{ file, specifier: 'nextjs-toploader', typeOnly: false }, false],
    ];
    for (const [candidate, forbidden] of cases) expect(isForbidden(candidate), candidate.specifier).toBe(forbidden);
  });
});
