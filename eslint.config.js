// The import arrows of the design (architecture.md) are enforced here, so a wrong import fails
// `npm test` instead of relying on review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'assets/**',
      'test-results/**',
      'bench/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'src/shared runs anywhere: no electron.' },
            { group: nodeBuiltins, message: 'src/shared runs anywhere: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'src/shared imports only itself.' },
            {
              group: ['react', 'react-dom', 'mobx*', '@fluentui/*', 'ag-grid*'],
              message: 'src/shared has no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/site/**/*.ts', 'src/main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The site is plain Node and never imports electron.' },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'The site imports only src/shared and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'The renderer talks to the site only through SiteApi.',
            },
            {
              group: nodeBuiltins,
              message: 'The renderer runs in a sandboxed page: no Node built-ins.',
            },
            { group: ['**/main/**'], message: 'The renderer imports only src/shared and itself.' },
          ],
        },
      ],
    },
  },
);
