/* Builds the task pane and the ribbon function file into dist/. */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ASSETS_DIR = path.resolve(__dirname, "assets");

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
 * Adds <link rel="preload" as="script"> for the files of named async chunk groups (the
 * pane's "domain" chunk: catalog, registry, engine, sample), so the browser fetches them
 * while it still parses the first script instead of after it. They stay separate files
 * and load as before; only the download starts earlier.
 */
class PreloadChunkGroupsPlugin {
  constructor(htmlFile, groups) {
    this.htmlFile = htmlFile;
    this.groups = groups;
  }

  apply(compiler) {
    const name = "PreloadChunkGroupsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(name, (data) => {
        if (data.outputName !== this.htmlFile) return data;
        const publicPath = data.publicPath ?? "";
        const files = [];
        for (const group of compilation.chunkGroups) {
          if (!this.groups.includes(group.name)) continue;
          for (const file of group.getFiles()) if (file.endsWith(".js") && !files.includes(file)) files.push(file);
        }
        const links = files.map((file) => HtmlWebpackPlugin.createHtmlTagObject("link", { rel: "preload", as: "script", href: publicPath + file }));
        data.headTags.push(...links);
        return data;
      });
    });
  }
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
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new PreloadChunkGroupsPlugin("taskpane.html", ["domain"]),
      new CopyAssetsPlugin(ASSETS_DIR, "assets"),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
