// The task pane reaches the catalog, registry and engine through a chunk it loads at
// start-up (src/taskpane/domain.ts); tests load it once per file, as index.tsx does.
import { loadDomain } from "../../src/taskpane/domain";

beforeAll(async () => {
  await loadDomain();
});
