/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, renderHook, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { badInput } from "../../../src/kostra/errors";
import type { Lang } from "../../../src/kostra/types";
import OutcomeBar from "../../../src/taskpane/components/OutcomeBar";
import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { describeError } from "../../../src/taskpane/state/messages";
import type { Describe } from "../../../src/taskpane/state/outcome";
import { useAsyncAction, type AsyncAction } from "../../../src/taskpane/state/useAsyncAction";

/** A promise the test settles by hand, and the signal the run was given. */
function held<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let signal: AbortSignal | undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const action = (s: AbortSignal) => {
    signal = s;
    return promise;
  };
  return { action, resolve, reject, signal: () => signal! };
}

const said =
  (title: string): Describe =>
  () => ({ intent: "info", title });
const cancelled = said("cancelled");
const title = (d: Describe | undefined, lang: Lang = "nb") => d?.(lang === "en" ? en : nb, lang).title;
const failWith = (error: unknown) => Promise.reject(error);

function start() {
  return renderHook(() => useAsyncAction<string>());
}

describe("useAsyncAction", () => {
  it("is busy while the action runs and idle after, with the action's value and its message", async () => {
    const { result } = start();
    const load = held<number>();
    let value: Promise<number | undefined>;
    act(() => {
      value = result.current.run("load", load.action, { explain: () => said("failed"), done: (n) => said(`got ${n}`) });
    });
    expect(result.current.busy).toBe("load");
    await act(async () => load.resolve(42));
    await expect(value!).resolves.toBe(42);
    expect(result.current.busy).toBeNull();
    expect(title(result.current.outcome?.describe)).toBe("got 42");
    expect(result.current.outcome?.key).toBe("load");
  });

  it("shows a failure in the user's words, in the user's language, and is idle after", async () => {
    const { result } = start();
    const error = badInput({ nb: "fil.csv: «verdi» er ikke et tall.", en: "fil.csv: \"value\" is not a number." });
    let value: Promise<unknown>;
    await act(async () => {
      value = result.current.run("load", () => failWith(error), { explain: (e) => describeError(e, "load-file") });
      await value;
    });
    await expect(value!).resolves.toBeUndefined();
    expect(result.current.busy).toBeNull();
    const outcome = result.current.outcome!;
    expect(outcome.describe(nb, "nb")).toMatchObject({ intent: "error", title: nb.fileErrorTitle, body: "fil.csv: «verdi» er ikke et tall." });
    expect(outcome.describe(en, "en")).toMatchObject({ intent: "error", title: en.fileErrorTitle, body: 'fil.csv: "value" is not a number.' });
  });

  it("puts the error in the pane's message bar, as an alert, in the language the pane is in", async () => {
    function Pane({ lang, action }: { lang: Lang; action: (a: AsyncAction<string>) => void }) {
      const a = useAsyncAction<string>();
      action(a);
      const message = a.outcome?.describe(lang === "en" ? en : nb, lang);
      return <FluentProvider theme={webLightTheme}>{message && <OutcomeBar message={message} />}</FluentProvider>;
    }
    let hook!: AsyncAction<string>;
    const { rerender } = render(<Pane lang="nb" action={(a) => (hook = a)} />);
    await act(() => hook.run("write", () => failWith(new Error("Excel svarte ikke")), { explain: (e) => describeError(e, "write") }));
    expect(screen.getByRole("alert")).toHaveTextContent(`${nb.unexpectedTitle} ${nb.unexpectedError("Excel svarte ikke")}`);
    rerender(<Pane lang="en" action={(a) => (hook = a)} />);
    expect(screen.getByRole("alert")).toHaveTextContent(`${en.unexpectedTitle} ${en.unexpectedError("Excel svarte ikke")}`);
  });

  it("still shows the error's own text when explaining it fails", async () => {
    const { result } = start();
    await act(() =>
      result.current.run("download", () => failWith(new Error("disk full")), {
        explain: () => {
          throw new Error("the explanations could not be loaded");
        },
      }),
    );
    expect(result.current.outcome?.describe(nb, "nb")).toEqual({ intent: "error", title: nb.unexpectedTitle, body: nb.unexpectedError("disk full") });
    expect(result.current.busy).toBeNull();
  });

  it("cancels at once: the signal is aborted, the pane is idle and says so, and the late result is not used", async () => {
    const { result } = start();
    const load = held<string>();
    const done = jest.fn(() => said("loaded"));
    let value: Promise<string | undefined>;
    act(() => {
      value = result.current.run("load", load.action, { explain: () => said("failed"), cancelled, done });
    });
    expect(result.current.busy).toBe("load");
    act(() => result.current.cancel());
    expect(load.signal().aborted).toBe(true);
    expect(result.current.busy).toBeNull();
    expect(title(result.current.outcome?.describe)).toBe("cancelled");
    await act(async () => load.resolve("late data"));
    await expect(value!).resolves.toBeUndefined();
    expect(done).not.toHaveBeenCalled();
    expect(title(result.current.outcome?.describe)).toBe("cancelled");
  });

  it("does not cancel a run that cannot be cancelled", async () => {
    const { result } = start();
    const write = held<string>();
    let value: Promise<string | undefined>;
    act(() => {
      value = result.current.run("write", write.action, { explain: () => said("failed") });
    });
    act(() => result.current.cancel());
    expect(write.signal().aborted).toBe(false);
    expect(result.current.busy).toBe("write");
    await act(async () => write.resolve("written"));
    await expect(value!).resolves.toBe("written");
  });

  it("ignores a run overtaken by a newer one: its result, its error and its end change nothing", async () => {
    const { result } = start();
    const first = held<string>();
    const second = held<string>();
    const explainFirst = jest.fn(() => said("first failed"));
    let firstValue: Promise<string | undefined>;
    act(() => {
      firstValue = result.current.run("first", first.action, { explain: explainFirst, done: () => said("first done") });
    });
    act(() => {
      void result.current.run("second", second.action, { explain: () => said("second failed"), done: () => said("second done") });
    });
    expect(first.signal().aborted).toBe(true);
    await act(async () => first.reject(new Error("too late")));
    await expect(firstValue!).resolves.toBeUndefined();
    expect(explainFirst).not.toHaveBeenCalled();
    // The newer run is still under way: the older one's end did not make the pane idle.
    expect(result.current.busy).toBe("second");
    expect(result.current.outcome).toBeNull();
    await act(async () => second.resolve("ok"));
    expect(result.current.busy).toBeNull();
    expect(title(result.current.outcome?.describe)).toBe("second done");
  });

  it("ignores a stale success the same way", async () => {
    const { result } = start();
    const first = held<string>();
    const second = held<string>();
    const doneFirst = jest.fn(() => said("first done"));
    act(() => {
      void result.current.run("first", first.action, { explain: () => said("x"), done: doneFirst });
      void result.current.run("second", second.action, { explain: () => said("x") });
    });
    await act(async () => first.resolve("stale"));
    expect(doneFirst).not.toHaveBeenCalled();
    expect(result.current.busy).toBe("second");
  });

  it("changes nothing once the pane has closed, and aborts what was under way", async () => {
    const { result, unmount } = start();
    const load = held<string>();
    const done = jest.fn(() => said("loaded"));
    const explainIt = jest.fn(() => said("failed"));
    let value: Promise<string | undefined>;
    act(() => {
      value = result.current.run("load", load.action, { explain: explainIt, done, cancelled });
    });
    const { cancel } = result.current;
    unmount();
    expect(load.signal().aborted).toBe(true);
    await act(async () => load.reject(new Error("aborted")));
    await expect(value!).resolves.toBeUndefined();
    expect(explainIt).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
    // Nothing to cancel any more, and cancelling does not throw.
    cancel();
  });

  it("runs a quick action without making the pane busy or clearing the message shown", async () => {
    const { result } = start();
    await act(() => result.current.run("write", async () => "written", { explain: () => said("x"), done: () => said("written") }));
    const go = held<void>();
    act(() => {
      void result.current.run("goto", go.action, { explain: () => said("sheet missing"), quiet: true });
    });
    expect(result.current.busy).toBeNull();
    expect(title(result.current.outcome?.describe)).toBe("written");
    await act(async () => go.reject(new Error("gone")));
    expect(title(result.current.outcome?.describe)).toBe("sheet missing");
    expect(result.current.outcome?.key).toBe("goto");
  });
});
