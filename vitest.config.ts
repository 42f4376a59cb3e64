import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{shared,db,api,web}/**/*.test.ts', '{web}/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Each API test file starts its own database (PGlite takes ~2 s to boot).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
