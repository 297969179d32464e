/** End-to-end tests: the production bundle in headless Chromium (run after `npm run build`). */
const base = require("./jest.config");
const timing = require("./tests/support/timing");

module.exports = {
  ...base,
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
  setupFiles: [],
  testTimeout: timing.E2E_TEST_TIMEOUT_MS,
  maxWorkers: 1,
};
