/** Types of timing.js (plain JS so the jest configuration can read it too). */
export const MAX_WORKERS: number;
export const TEST_TIMEOUT_MS: number;
export const LONG_TEST_TIMEOUT_MS: number;
export const UI_WAIT_MS: number;
export const LIBREOFFICE_RUN_MS: number;
export const E2E_TEST_TIMEOUT_MS: number;
export const E2E_UI_WAIT_MS: number;
