/** Unit and integration tests: pure layers in Node, components in jsdom (per-file docblock). */
const timing = require("./tests/support/timing");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["<rootDir>/tests/{unit,integration}/**/*.test.ts?(x)"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { ignoreCodes: [151001, 151002] } }],
  },
  setupFiles: ["<rootDir>/tests/support/setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/ui-timing.ts", "<rootDir>/tests/support/domain-setup.ts"],
  maxWorkers: timing.MAX_WORKERS,
  testTimeout: timing.TEST_TIMEOUT_MS,
};
