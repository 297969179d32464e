/** End-to-end tests: the production bundle in headless Chromium (run after `npm run build`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { ignoreCodes: [151001, 151002] } }],
  },
  testTimeout: 120000,
  maxWorkers: 1,
};
