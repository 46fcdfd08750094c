// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * DESIGN.md: data flows one way — settings → consent → gate → integrations → ui → entries.
 * A layer may import only from the layers before it; this rule makes that a build failure.
 */
const layers = ['config', 'consent', 'gate', 'integrations', 'ui', 'entries'];

const layerRules = layers.map((layer, index) => {
  const later = layers.slice(index + 1);
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: later.map((name) => ({
            group: [`**/${name}`, `**/${name}/**`],
            message: `DESIGN.md layers: src/${layer}/ may not import from src/${name}/ (a later layer).`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'dist/**',
      'schema/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        location: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        requestAnimationFrame: 'readonly',
        PerformanceObserver: 'readonly',
        MutationObserver: 'readonly',
        getComputedStyle: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'S3: settings text is never run as HTML. Use textContent or Preact.',
        },
      ],
    },
  },
  {
    // TypeScript checks names itself (typescript-eslint's advice).
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'eval', message: 'No eval: strict-CSP safe.' }],
    },
  },
  ...layerRules,
);
