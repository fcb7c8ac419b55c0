import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(__dirname),
  // Outside Next.js the marker would throw; the react-server build of it is empty.
  'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js'),
}
const exclude = ['node_modules/**', 'e2e/**', '.next/**']
const usePostgres = Boolean(process.env.DATABASE_URL?.trim())

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'pglite',
          include: ['**/*.test.ts'],
          exclude,
          environment: 'node',
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
          // Unit tests and the database tests on embedded PGlite, in memory.
          env: {
            DATABASE_URL: '',
            MIGRATION_DATABASE_URL: '',
            PGLITE_DATA_DIR: 'memory://',
            AUTH_SECRET: 'test-secret-for-vitest-only-0123456789',
          },
          // The first database test of a file opens, migrates and seeds PGlite inside the test.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(usePostgres
        ? [
            {
              resolve: { alias },
              test: {
                name: 'postgres',
                include: ['**/*.int.test.ts'],
                exclude,
                environment: 'node',
                server: { deps: { inline: ['next-auth', '@auth/core'] } },
                env: { AUTH_SECRET: 'test-secret-for-vitest-only-0123456789' },
                globalSetup: ['db/testing/postgres-global-setup.ts'],
                fileParallelism: false,
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
})
