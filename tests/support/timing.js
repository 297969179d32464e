/**
 * How long tests wait, in one place, sized for a 2-core machine that is busy with other
 * work (CI may share a developer's machine; `npm run test:stress` loads both cores).
 * A test waits for the element, event or promise itself; these are only the upper bounds
 * after which a wait counts as a failure. Nothing here is a sleep.
 */
module.exports = {
  /** Workers: the machines have 2 cores; more workers only queue. */
  MAX_WORKERS: 2,
  /** One unit or integration test, start to end. */
  TEST_TIMEOUT_MS: 120_000,
  /** A suite that drives LibreOffice or runs many reports (set with jest.setTimeout in the file). */
  LONG_TEST_TIMEOUT_MS: 600_000,
  /**
   * Testing Library's findBy…/waitFor (default 1 s): a lazily loaded chunk compiled on first use,
   * a dialog, a profile; and any other event a unit or integration test waits for (a signal delivered).
   */
  UI_WAIT_MS: 30_000,
  /** One LibreOffice conversion that recalculates a workbook (its process is killed after this). */
  LIBREOFFICE_RUN_MS: 180_000,
  /** One end-to-end test in headless Chromium. */
  E2E_TEST_TIMEOUT_MS: 240_000,
  /** An element or event in headless Chromium. */
  E2E_UI_WAIT_MS: 30_000,
};
