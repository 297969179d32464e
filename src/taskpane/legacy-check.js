/*
 * Runs before the pane's bundle: in a browser that can run it (ES2020), loads the scripts
 * named in data-scripts; in Internet Explorer 11 or Edge Legacy, shows the message in
 * taskpane.html instead and loads nothing. ES5 only, no inline code (see LegacyCheckPlugin).
 */
(function () {
  "use strict";
  var w = window;
  var d = document;
  var capable;
  try {
    // IE 11 has no Promise; EdgeHTML 18 no globalThis, Object.fromEntries or Promise.allSettled.
    capable =
      typeof w.Promise === "function" &&
      typeof w.Promise.allSettled === "function" &&
      typeof w.Symbol === "function" &&
      typeof w.fetch === "function" &&
      typeof w.AbortController === "function" &&
      typeof w.globalThis === "object" &&
      typeof Object.fromEntries === "function" &&
      typeof String.prototype.matchAll === "function" &&
      // Safari 13.0 has all of the above but cannot parse ?. and ??; replaceAll came with them (13.1).
      typeof String.prototype.replaceAll === "function";
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 needs the catch binding.
  } catch (e) {
    capable = false;
  }
  if (!capable) {
    d.getElementById("kb-old-browser").removeAttribute("hidden");
    return;
  }
  var self = d.getElementById("kb-start");
  var scripts = ((self && self.getAttribute("data-scripts")) || "").split(" ");
  for (var i = 0; i < scripts.length; i++) {
    if (!scripts[i]) continue;
    var script = d.createElement("script");
    script.src = scripts[i];
    // In the order given, as the deferred tags they replace would run.
    script.async = false;
    d.head.appendChild(script);
  }
})();
