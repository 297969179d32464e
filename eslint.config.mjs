// Lint: typescript-eslint's recommended rules plus React hooks rules for the task pane,
// and the architecture's dependency rule, checked by eslint-plugin-boundaries for every
// pair of layers (README "Architecture"): each layer lists what it may import; anything
// not listed is an error. The rules about packages (only the task pane imports React,
// kostra/ does no I/O, only excel/ and taskpane/ touch Office) are separate below.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import boundaries from "eslint-plugin-boundaries";
import globals from "globals";

const restrict = (patterns) => ["error", { patterns }];

/** The layers, one folder each under src/. */
const layers = ["kostra", "sources", "report", "app", "excel", "taskpane", "cli", "commands"];

/** What each layer may import of ours (besides itself). The one statement of the rule. */
export const allowedImports = {
  kostra: [],
  sources: ["kostra"],
  report: ["kostra"],
  app: ["kostra", "sources", "report"],
  excel: ["kostra", "report"],
  taskpane: ["kostra", "sources", "report", "app", "excel"],
  cli: ["kostra", "sources", "report", "app"],
  commands: [],
};

/**
 * Text in the product's languages comes from a catalogue (the pane's Messages, the report's
 * ReportText, the CLI's CliText) or a LocalizedText value, never from a condition on the
 * language written where the text is used: such a branch has no type that makes both
 * languages present, and it is where English text went missing before.
 */
const LANG = "/^(nb|en)$/";
const languageMessage = "Choose text by language from a typed catalogue or a LocalizedText value ({ nb, en }[lang]), not with a condition on the language (README \"Languages\").";
const comparesLanguage = `BinaryExpression[operator=/^[!=]==?$/]:matches([right.value=${LANG}], [left.value=${LANG}])`;
const languageBranches = [
  `ConditionalExpression > ${comparesLanguage}.test`,
  `IfStatement > ${comparesLanguage}.test`,
  `LogicalExpression > ${comparesLanguage}`,
  `VariableDeclarator > ${comparesLanguage}.init`,
  `SwitchCase > Literal.test[value=${LANG}]`,
  "ConditionalExpression > Identifier.test[name=/^(nb|en|isNb|isEn|norwegian|english)$/]",
].map((selector) => ({ selector, message: languageMessage }));

const layerMessage = (from) =>
  allowedImports[from].length === 0
    ? `${from}/ imports nothing of ours outside ${from}/ (README "Architecture").`
    : `${from}/ may import only ${allowedImports[from].map((l) => `${l}/`).join(", ")} (README "Architecture").`;

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-results/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", ...languageBranches] },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/**/*.{ts,tsx,js}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layers.map((type) => ({ type, pattern: `src/${type}` })),
      "boundaries/include": ["src/**/*"],
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: layers.flatMap((from) => {
            const allowed = [from, ...allowedImports[from]];
            const forbidden = layers.filter((to) => !allowed.includes(to));
            return [
              { from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: allowed } } } } },
              // The forbidden pairs spelled out, so the error says what the layer may import.
              ...(forbidden.length > 0
                ? [{ from: { element: { type: from } }, disallow: { to: { element: { types: { anyOf: forbidden } } } }, message: layerMessage(from) }]
                : []),
            ];
          }),
        },
      ],
      // An import the resolver cannot place in a layer would slip past the rule above.
      "boundaries/no-unknown-dependencies": "error",
    },
  },
  {
    files: ["src/kostra/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ["react", "react-dom", "@fluentui/*", "node:*", "fs", "path"], message: "kostra/ does no I/O and no UI." },
      ]),
      "no-restricted-globals": ["error", "Office", "Excel"],
    },
  },
  {
    files: ["src/sources/**/*.ts", "src/report/**/*.ts", "src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([{ group: ["react", "react-dom", "@fluentui/*"], message: "Only the task pane imports React." }]),
      "no-restricted-globals": ["error", "Office", "Excel"],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": restrict([{ group: ["react", "react-dom", "@fluentui/*"], message: "The CLI runs in Node without Office or React." }]) },
  },
);
