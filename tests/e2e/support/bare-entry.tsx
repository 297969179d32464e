/**
 * The baseline page for the pane's start-up benchmark (bench/pane.js): React 18 and
 * Fluent UI v9 with nothing but a FluentProvider and one Button, built the same way as
 * the pane. The Button is what the benchmark waits for.
 */
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (!container) throw new Error("bare.html has no #root element");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Hent data</Button>
  </FluentProvider>,
);
