import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules the pure core must never reach: UI, map, browser-only APIs. */
const NOT_IN_DOMAIN = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain is pure: no React.' },
  { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'src/domain is pure: no MapLibre (only src/map imports it).' },
  { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no store.' },
  {
    group: [
      '**/store',
      '**/store/**',
      '**/map',
      '**/map/**',
      '**/features',
      '**/features/**',
      '**/components',
      '**/components/**',
      '**/workers',
      '**/workers/**',
      '**/data',
      '**/data/**',
      '**/i18n',
      '**/i18n/**',
      '**/cli',
      '**/cli/**',
    ],
    message: 'src/domain depends on nothing above it.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-node/**', 'var/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render data as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render data as HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'maplibre-gl', message: 'Only src/map imports maplibre-gl.' }] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: NOT_IN_DOMAIN }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'location'],
    },
  },
);
