/*
 * Can this browser run the task pane? Office builds that still show add-ins in Internet
 * Explorer 11 or Edge Legacy (EdgeHTML: volume-licensed Office 2016/2019 on older Windows)
 * cannot: the pane's bundle is ES2020 and React 18 does not support those browsers, and
 * without this check they show a blank pane.
 *
 * taskpane.html runs this file first (deferred, so the page is parsed). Where the browser
 * has what the pane needs it loads the pane's scripts, named in its own data-scripts
 * attribute (webpack.config.js writes them there); elsewhere it says why, in bokmål and
 * English, and loads nothing more.
 *
 * It must itself run in those browsers, and under the page's Content-Security-Policy:
 * ES5 only, no build step, no inline script, no eval (tests/unit/taskpane/legacy-check.test.ts
 * checks the syntax). The features tested stand for ES2020 support: IE 11 has no Promise,
 * EdgeHTML 18 no globalThis, Object.fromEntries or Promise.allSettled.
 */
(function () {
  "use strict";

  var MESSAGES = [
    {
      lang: "nb",
      title: "KOSTRA Benchmark kan ikke kjøre her",
      text:
        "Denne versjonen av Office viser tillegg i en gammel nettleser (Internet Explorer/Edge Legacy) som KOSTRA Benchmark ikke kan bruke. " +
        "Bruk Microsoft 365, Excel 2021 eller nyere, eller Excel på nettet.",
    },
    {
      lang: "en",
      title: "KOSTRA Benchmark cannot run here",
      text:
        "This version of Office runs add-ins in an old browser (Internet Explorer/Edge Legacy) that KOSTRA Benchmark cannot use. " +
        "Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    },
  ];

  function canRunPane(w) {
    try {
      return (
        typeof w.Promise === "function" &&
        typeof w.Promise.allSettled === "function" &&
        typeof w.Symbol === "function" &&
        typeof w.fetch === "function" &&
        typeof w.AbortController === "function" &&
        typeof w.globalThis === "object" &&
        typeof Object.fromEntries === "function" &&
        typeof String.prototype.matchAll === "function"
      );
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 needs the catch binding.
    } catch (e) {
      return false;
    }
  }

  function loadPane(scripts) {
    for (var i = 0; i < scripts.length; i++) {
      if (!scripts[i]) continue;
      var script = document.createElement("script");
      script.src = scripts[i];
      // In the order given, as the deferred tags they replace would run.
      script.async = false;
      document.head.appendChild(script);
    }
  }

  function explain() {
    var root = document.getElementById("root") || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.style.padding = "12px";
    box.style.fontFamily = "'Segoe UI', sans-serif";
    box.style.fontSize = "14px";
    box.style.lineHeight = "1.4";
    for (var i = 0; i < MESSAGES.length; i++) {
      var title = document.createElement("h1");
      title.setAttribute("lang", MESSAGES[i].lang);
      title.style.fontSize = "16px";
      title.style.margin = i === 0 ? "0 0 4px 0" : "16px 0 4px 0";
      title.appendChild(document.createTextNode(MESSAGES[i].title));
      var text = document.createElement("p");
      text.setAttribute("lang", MESSAGES[i].lang);
      text.style.margin = "0";
      text.appendChild(document.createTextNode(MESSAGES[i].text));
      box.appendChild(title);
      box.appendChild(text);
    }
    root.appendChild(box);
  }

  var self = document.getElementById("kb-start");
  var scripts = ((self && self.getAttribute("data-scripts")) || "").split(" ");
  if (canRunPane(window)) loadPane(scripts);
  else explain();
})();
