// Fluent UI v9 components observe their size; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
g.ResizeObserver = g.ResizeObserver ?? ResizeObserverStub;

// Fluent's focus management needs a body with a size and offsetParent; jsdom lays nothing out.
import "./jsdom-layout";
