import { defineConfig } from 'vitest/config';

if (Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`Tests need Node.js 22.22 or later (this is ${process.version}). Run them with \`npm test\`, which uses the Node.js 24 in node_modules.`);
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // browser tests share two cores with the server tests: a step that loses a race with a busy machine gets one more try
    retry: 1,
    // a page polled for an answer gets fifteen seconds (expect.poll's own default, one second, is short for a busy machine)
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
