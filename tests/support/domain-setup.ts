// The task pane reaches the registry through a chunk it loads at start-up and the catalog
// and engine through one it loads just after its first view (src/taskpane/domain.ts);
// tests load both once per file (tests/unit/taskpane/first-view.test.tsx tests the steps).
import { loadDomain } from "../../src/taskpane/domain";

beforeAll(async () => {
  await loadDomain();
});
