/* Builds the task pane and the ribbon function file into dist/. */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { builtProxyUrl } = require("./scripts/build-manifest");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const ASSETS_DIR = path.resolve(__dirname, "assets");
const START_MANIFEST = path.resolve(__dirname, "src/taskpane/start/startManifest.ts");
const STYLES_MODULE = path.resolve(__dirname, "src/taskpane/styles.ts");
const SLUG_MODULE = path.resolve(__dirname, "src/taskpane/state/slug.ts");
const { EVALUATE: START_MANIFEST_EVALUATE } = require("./scripts/start-manifest-loader");
const { evaluationRules } = require("./scripts/griffel-ts-evaluator");

/** Copies assets/ (icons) into dist/assets/ as webpack assets, so `clean` and the dev server see them. */
class CopyAssetsPlugin {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }

  apply(compiler) {
    const name = "CopyAssetsPlugin";
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          if (!fs.existsSync(this.from)) {
            compilation.warnings.push(new compiler.webpack.WebpackError(`${name}: ${this.from} does not exist`));
            return;
          }
          compilation.contextDependencies.add(this.from);
          for (const file of listFiles(this.from)) {
            const target = path.posix.join(this.to, path.relative(this.from, file).split(path.sep).join("/"));
            compilation.emitAsset(target, new RawSource(fs.readFileSync(file)));
          }
        },
      );
    });
  }
}

/**
 * Puts the browser check (src/taskpane/legacy-check.js) in front of the pane's scripts.
 * Office builds that still show add-ins in Internet Explorer 11 or Edge Legacy (EdgeHTML:
 * volume-licensed Office 2016/2019 on older Windows) cannot run the pane — its bundle is
 * ES2020 and React 18 does not support those browsers — and showed a blank pane. The
 * page's own script tags are replaced by one deferred tag for the check, which names them
 * in `data-scripts` and loads them only in a browser that can run them; elsewhere it shows
 * the message taskpane.html holds (in the page, not in script, so it costs no JavaScript).
 * The check is plain ES5, shipped without its comments but not minified
 * (tests/unit/taskpane/legacy-check.test.ts parses it as ES5, the browser tests the file
 * served), with no inline code or eval, as the page's policy requires. The
 * scripts are still preloaded, so a capable browser fetches them as early as before.
 */
class LegacyCheckPlugin {
  constructor(htmlFile, checkFile) {
    this.htmlFile = htmlFile;
    this.checkFile = checkFile;
  }

  apply(compiler) {
    const name = "LegacyCheckPlugin";
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      const source = withoutComments(this.checkFile);
      const hash = crypto.createHash("sha256").update(source).digest("hex").slice(0, 8);
      const asset = `legacy-check.${hash}.js`;
      compilation.fileDependencies.add(this.checkFile);
      compilation.hooks.processAssets.tap({ name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        // Not minified: the minifier would write newer syntax than ES5.
        compilation.emitAsset(asset, new RawSource(source), { minimized: true });
      });
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(name, (data) => {
        if (data.outputName !== this.htmlFile) return data;
        const publicPath = data.publicPath ?? "";
        const isOurScript = (tag) => tag.tagName === "script" && typeof tag.attributes.src === "string";
        const scripts = [...data.headTags, ...data.bodyTags].filter(isOurScript).map((tag) => tag.attributes.src);
        data.headTags = data.headTags.filter((tag) => !isOurScript(tag));
        data.bodyTags = data.bodyTags.filter((tag) => !isOurScript(tag));
        // The check is preloaded too: its tag comes after office.js, which a browser may still be fetching.
        const preload = [publicPath + asset, ...scripts].map((src) => HtmlWebpackPlugin.createHtmlTagObject("link", { rel: "preload", as: "script", href: src }));
        const check = HtmlWebpackPlugin.createHtmlTagObject("script", { id: "kb-start", defer: true, src: publicPath + asset, "data-scripts": scripts.join(" ") });
        data.headTags.push(...preload, check);
        return data;
      });
    });
  }
}

/** A script's text without its comments, otherwise as written (TypeScript's printer keeps the syntax it is given). */
function withoutComments(file) {
  const ts = require("typescript");
  const parsed = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  return ts.createPrinter({ removeComments: true }).printFile(parsed);
}

/**
 * The pages' Content-Security-Policy, as a <meta> tag (the add-in is static files: there
 * are no response headers of ours). Scripts: only our own files and Office's script host.
 * Styles: 'self' for the CSS file production builds extract Fluent's rules into (same
 * origin, linked from the page); and 'unsafe-inline', because FluentProvider puts a
 * theme's variables (the high-contrast one's, under forced colours) into a <style>
 * element at run time, as do, in development builds,
 * Griffel for every component and the pane's own staticStyles (static hosting can give no
 * per-response nonce, and run-time CSS cannot be hashed), and office.js in Excel on the
 * web sets inline styles itself. Connections: https to anywhere (SSB, a municipality's proxy,
 * Office), and plain http only to this machine, as checkBaseUrl allows for a local proxy.
 * In development the dev server's eval source maps and its reload socket are allowed too.
 */
function contentSecurityPolicy(production) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "https://appsforoffice.microsoft.com", ...(production ? [] : ["'unsafe-eval'"])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "connect-src": ["'self'", "https:", "http://localhost:*", "http://127.0.0.1:*", ...(production ? [] : ["ws:", "wss:"])],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Production builds take Fluent UI's styles out of the JavaScript into one CSS file.
 * Fluent's packages ship their styles precompiled for Griffel (`__styles(classes, cssRules)`);
 * at run time Griffel would insert those rules into a <style> element as each component
 * first renders, so the first script carried every rule as strings and the first view
 * waited for their insertion. Griffel's extraction loader replaces each such call by its
 * class names alone (`__css`) and hands the rules to mini-css-extract-plugin; Griffel's
 * plugin gathers all of them into one "griffel" chunk and sorts them as Griffel's style
 * buckets would (so a :hover rule still wins over a plain one). That chunk belongs to the
 * entry, so taskpane.html links its CSS file (content-hashed, render-blocking, before the
 * scripts): every Fluent component of the pane, lazy ones included, has its rules there
 * (they cannot be split per chunk: their order is global). The pane's own rules
 * (staticStyles, styles.ts) join them: scripts/static-styles-loader.js turns each
 * declaration into a Griffel static style that @griffel/webpack-loader computes at build
 * time. Nothing is inserted at run time but the theme's variables, which FluentProvider
 * sets (tokens are CSS variables, so high contrast and the other themes need no more).
 *
 * Development builds keep Griffel's run-time insertion: the dev server then needs no CSS
 * pipeline and rebuilds faster.
 */
function styleExtractionRules() {
  const paneSources = path.resolve(__dirname, "src/taskpane");
  return [
    {
      // Fluent's packages ship precompiled __styles calls; a makeStyles of the pane's own has
      // become one by the time this loader sees it (the loaders of a file run bottom-up).
      test: [/\.m?js$/, /\.tsx?$/],
      include: [/[\\/]node_modules[\\/]@(fluentui|griffel)[\\/]/, paneSources],
      use: { loader: GriffelCSSExtractionPlugin.loader },
    },
    {
      // The pane's styles are static CSS (styles.ts); should a component use makeStyles or
      // makeResetStyles, its styles are computed here at build time, after TypeScript, so
      // neither Griffel's style compiler nor the rules as strings reach the bundle. Files
      // without those calls pass through untouched.
      test: /\.tsx?$/,
      include: paneSources,
      use: { loader: "@griffel/webpack-loader", options: { evaluationRules: evaluationRules() } },
    },
    {
      // The pane's own rules (staticStyles, styles.ts) become Griffel static styles here, so
      // the two loaders above compute and extract them too.
      test: /\.tsx?$/,
      include: paneSources,
      use: { loader: path.resolve(__dirname, "scripts/static-styles-loader.js"), options: { stylesModule: STYLES_MODULE } },
    },
    {
      test: /\.css$/,
      use: [MiniCssExtractPlugin.loader, "css-loader"],
    },
    {
      // With their rules extracted, Fluent's style modules keep a few constants nothing uses;
      // dropping them lets the design tokens' table (30 KB minified) leave the first script.
      test: /\.m?js$/,
      include: /[\\/]node_modules[\\/]@fluentui[\\/]/,
      enforce: "post",
      use: { loader: path.resolve(__dirname, "scripts/unused-constants-loader.js") },
    },
  ];
}

function styleExtractionPlugins() {
  return [
    // Griffel sorts its rules itself; the order in which chunks list modules does not matter.
    new MiniCssExtractPlugin({ filename: "[name].[contenthash:8].css", chunkFilename: "[name].[contenthash:8].css", ignoreOrder: true }),
    new GriffelCSSExtractionPlugin(),
  ];
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
    },
    module: {
      rules: [
        ...(production ? styleExtractionRules() : []),
        {
          // The start manifest ships as its build-time result, not as the catalog it is computed from.
          test: START_MANIFEST,
          resourceQuery: { not: [new RegExp(START_MANIFEST_EVALUATE)] },
          enforce: "post",
          use: { loader: path.resolve(__dirname, "scripts/start-manifest-loader.js"), options: { slugModule: SLUG_MODULE } },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Types are checked by `npm run typecheck`; the bundle only needs the emitted JavaScript.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The template places the tags itself: links before the page's policy, scripts after office.js.
        inject: false,
        templateParameters: { contentSecurityPolicy: contentSecurityPolicy(production) },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { contentSecurityPolicy: contentSecurityPolicy(production) },
      }),
      new LegacyCheckPlugin("taskpane.html", path.resolve(__dirname, "src/taskpane/legacy-check.js")),
      // V8's explicit compile hint: nearly every function of the first script runs while the
      // pane opens, so Chromium (Edge WebView2 included) compiles them at once, off the main
      // thread while the file streams in, instead of one by one on it.
      // Added after minification (which would drop the comment) and before the files' content
      // hashes are computed (so their names change with it); other browsers ignore it.
      new webpack.BannerPlugin({
        banner: "//# allFunctionsCalledOnLoad",
        raw: true,
        include: /^taskpane(\.[0-9a-f]+)?\.js$/,
        stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
      }),
      new CopyAssetsPlugin(ASSETS_DIR, "assets"),
      // The department's shared SSB cache as the pane's default SSB address (docs/deploy.md).
      new webpack.DefinePlugin({ __KOSTRA_SSB_PROXY_URL__: JSON.stringify(builtProxyUrl(process.env.SSB_PROXY_URL)) }),
      ...(production ? styleExtractionPlugins() : []),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
