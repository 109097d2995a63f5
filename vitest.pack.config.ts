import { defineConfig } from 'vitest/config';

// The pack-and-install suite (npm run test:pack): npm pack, then installs from the registry; minutes, not seconds.
export default defineConfig({
  test: {
    include: ['test/pack/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
