// ESLint: Next's recommended rules (core web vitals) and typescript-eslint's, as `create-next-app` sets them up.
// Formatting is Prettier's job (.prettierrc.json); `npm run lint` checks both, and `npm test` runs it as a tier.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // a leading underscore names what is left out on purpose: `const { id: _id, ...rest } = row`
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.data/**',
    'lib/generated/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    'next-env.d.ts',
  ]),
]);
