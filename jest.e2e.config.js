/** End-to-end tests: the production bundle in headless Chromium (run after `npm run build`). */
const base = require("./jest.config");

module.exports = {
  ...base,
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
  setupFiles: [],
  testTimeout: 120000,
  maxWorkers: 1,
};
