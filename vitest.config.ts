import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests use real temp files and loopback servers; keep the pool small on 2 cores.
    pool: 'forks',
    env: { PEERBOT_TZ: 'America/Chicago' },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
