// Testing Library's findBy…/waitFor give up after 1 s by default: too short for a lazily
// loaded part of the pane on a busy 2-core machine. The bound is set once, in timing.js.
import { configure } from "@testing-library/dom";
import { UI_WAIT_MS } from "./timing";

configure({ asyncUtilTimeout: UI_WAIT_MS });
