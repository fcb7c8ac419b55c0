import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import checkFile from 'eslint-plugin-check-file'
import drizzle from 'eslint-plugin-drizzle'

// Who may import whom (shared/design.md §2). A zone's `target` may not import from `from`.
const boundaries = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './lib/domain',
          from: ['./app', './components', './db', './lib/server', './lib/schemas', './lib/i18n'],
          message: 'lib/domain is pure.',
        },
        {
          target: './lib/schemas',
          from: ['./app', './components', './db', './lib/server'],
          message: 'Schemas are shared by forms and server; keep them free of server code.',
        },
        {
          target: './components',
          from: ['./db', './lib/server', './app'],
          message: 'Components are presentational; data comes from lib/server through the page.',
        },
        { target: './app', from: ['./db'], message: 'Only lib/server talks to the database.' },
        { target: './lib/i18n', from: ['./db', './lib/server', './app', './components'] },
        {
          target: './lib/queries',
          from: ['./db', './lib/server', './app', './components'],
          message: 'Query options run in the browser: they reach data through the JSON API only.',
        },
        { target: './db', from: ['./app', './components'] },
        {
          // The seed stores identity numbers sealed with the one codec (SECURITY.md PD-02).
          target: './db',
          from: './lib/server',
          except: ['./crypto'],
        },
      ],
    },
  ],
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'check-file': checkFile, drizzle },
    settings: { 'import/ignore': ['node_modules/@electric-sql'] },
    rules: {
      ...boundaries,
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { 'app/**/': 'NEXT_JS_APP_ROUTER_CASE', '{components,lib,db,e2e,bench}/**/': 'KEBAB_CASE' },
      ],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'next',
            'next/*',
            'react',
            'react-dom',
            'drizzle-orm',
            'drizzle-orm/*',
            'postgres',
            '@electric-sql/*',
            'node:*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'lib/domain reads no environment.' },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'drizzle-orm',
                'drizzle-orm/*',
                'postgres',
                '@electric-sql/*',
                '@/db',
                '@/db/*',
              ],
              message: 'Go through lib/server.',
            },
          ],
        },
      ],
    },
  },
]

export default config
