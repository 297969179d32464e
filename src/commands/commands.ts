export {};

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady();
}
