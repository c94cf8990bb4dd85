import { defineConfig } from 'vitest/config';

/** Test files that start the bot as a process (the compiled one in dist/, as `npm start` does). */
const processTests = [
  'test/console/start.test.ts',
  'test/slack/start.test.ts',
  'test/discord/start.test.ts',
  'test/notify/nudge-script.test.ts',
  'test/deploy/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests use real temp files and loopback servers; keep the pool small on 2 cores. Two workers,
    // not vitest's default of one on 2 cores: the process tests mostly wait for the bots they start.
    pool: 'forks',
    maxWorkers: 2,
    env: { PEERBOT_TZ: 'America/Chicago' },
    globalSetup: ['./test/global-tmp.ts'],
    setupFiles: ['./test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: processTests, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: processTests,
          globalSetup: ['./test/global-build.ts'],
          // A cap, not a target: a test here starts up to three bots one after another, and on a
          // busy 2-core machine each start can take several seconds.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
