// Lint: typescript-eslint's recommended rules plus React hooks rules for the task pane,
// and the architecture's dependency rule (kostra/ imports nothing of ours; only the
// task pane imports React; only excel/ and taskpane/ touch Office).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const restrict = (patterns) => ["error", { patterns }];

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-results/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/kostra/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ["../sources/*", "../report/*", "../excel/*", "../taskpane/*", "../cli/*", "../commands/*"], message: "kostra/ is the pure domain: it imports nothing of ours." },
        { group: ["react", "react-dom", "@fluentui/*", "node:*", "fs", "path"], message: "kostra/ does no I/O and no UI." },
      ]),
      "no-restricted-globals": ["error", "Office", "Excel"],
    },
  },
  {
    files: ["src/sources/**/*.ts", "src/report/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ["**/excel/*", "**/taskpane/*", "**/cli/*"], message: "sources/ and report/ depend only on kostra/." },
        { group: ["react", "react-dom", "@fluentui/*"], message: "Only the task pane imports React." },
      ]),
      "no-restricted-globals": ["error", "Office", "Excel"],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": restrict([{ group: ["react", "react-dom", "@fluentui/*", "**/taskpane/*", "**/excel/*"], message: "The CLI runs in Node without Office or React." }]) },
  },
);
