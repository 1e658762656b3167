// Lint rules, including the module boundaries of the workspace (see docs/adr/0002-workspace-layout-and-boundaries.md):
// libs/domain depends on nothing but itself; libs/contracts on nothing; apps never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworks = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'bullmq',
  'ioredis',
  'nodemailer',
  'express',
  'react',
  'react-*',
  'react/*',
];
const otherApps = (...apps) => apps.flatMap((app) => [`**/apps/${app}/**`, `**/apps/${app}`]);

function boundary(files, patterns, message) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/vite.config.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.spec.json', './apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests poke at JSON bodies and raw rows; strict unsafe-any rules would only add casts.
    files: ['test/**/*.ts', '**/*.spec.ts', 'migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  boundary(
    ['libs/domain/**'],
    [...frameworks, '@portal/*', '**/apps/**', '**/libs/contracts/**', '**/libs/server/**'],
    'libs/domain is pure TypeScript: it depends on nothing but itself.',
  ),
  boundary(
    ['libs/contracts/**'],
    [...frameworks, '@portal/*', '**/apps/**', '**/libs/server/**'],
    'libs/contracts holds shapes only.',
  ),
  boundary(['libs/server/**'], ['react', 'react-*', '**/apps/**'], 'libs/server must not depend on an app.'),
  boundary(
    ['apps/api/**'],
    [...otherApps('worker', 'web'), 'react', 'react-*'],
    'Apps never import each other; share code through libs/.',
  ),
  boundary(
    ['apps/worker/**'],
    [...otherApps('api', 'web'), 'react', 'react-*'],
    'Apps never import each other; share code through libs/.',
  ),
  boundary(
    ['apps/web/**'],
    [...otherApps('api', 'worker'), '@portal/server', '@nestjs/*', 'typeorm', 'pg', 'bullmq'],
    'The web app talks to the API over HTTP only.',
  ),
  {
    // Every query lives in a repository (*.repository.ts), with named fragments for what several share: a service
    // or controller says what it needs, not how to ask the database (issue 13; as immich-app/immich's server).
    // Aside: migrations, the database infrastructure itself (connections, migrations, the clock), the CLI tools and
    // the demo seed (fixtures), and tests.
    files: ['apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts', 'libs/server/src/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.spec.ts',
      'libs/server/src/database/**',
      'apps/api/src/cli/**',
      'apps/api/src/seed/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL belongs in a *.repository.ts.',
        },
        {
          selector: "CallExpression[callee.property.name='createQueryBuilder']",
          message: 'Query builders belong in a *.repository.ts.',
        },
        {
          selector: "MemberExpression[object.name='manager']",
          message: 'EntityManager calls belong in a *.repository.ts; pass the manager to a repository method.',
        },
        {
          selector: "MemberExpression[property.name='manager']",
          message: 'EntityManager calls belong in a *.repository.ts; pass the manager to a repository method.',
        },
      ],
    },
  },
);
