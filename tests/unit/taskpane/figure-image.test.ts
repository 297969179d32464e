/**
 * "Kopier figur" through the clipboard API: the PNG goes in one ClipboardItem made at once
 * (so the user's press still counts while the image is drawn); a host without the API or a
 * refused write is "refused" (the pane then offers the file), an image that could not be
 * made is "failed".
 */
import { copyPng, type ClipboardEnv } from "../../../src/taskpane/services/figureImage";

class FakeClipboardItem {
  constructor(readonly items: Record<string, Promise<Blob> | Blob>) {}
}

function env(write: (items: FakeClipboardItem[]) => Promise<void>): ClipboardEnv & { written: FakeClipboardItem[][] } {
  const written: FakeClipboardItem[][] = [];
  return {
    written,
    clipboard: {
      write: (items) => {
        written.push(items as unknown as FakeClipboardItem[]);
        return write(items as unknown as FakeClipboardItem[]);
      },
    },
    ClipboardItem: FakeClipboardItem as unknown as typeof ClipboardItem,
  };
}

const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });

describe("copying the chart as a PNG", () => {
  it("writes one image/png item whose content is the drawn image", async () => {
    const e = env(async (items) => {
      await items[0].items["image/png"];
    });
    expect(await copyPng(() => Promise.resolve(png), e)).toEqual({ kind: "copied" });
    expect(e.written).toHaveLength(1);
    expect(Object.keys(e.written[0][0].items)).toEqual(["image/png"]);
    expect(await e.written[0][0].items["image/png"]).toBe(png);
  });

  it("hands the clipboard the image as a promise, before it is drawn", async () => {
    let draw!: (b: Blob) => void;
    const drawn = new Promise<Blob>((resolve) => (draw = resolve));
    let sawPromise = false;
    const e = env(async (items) => {
      sawPromise = items[0].items["image/png"] instanceof Promise;
      draw(png);
      await items[0].items["image/png"];
    });
    expect(await copyPng(() => drawn, e)).toEqual({ kind: "copied" });
    expect(sawPromise).toBe(true);
  });

  it("is refused where the host has no clipboard API or no ClipboardItem (older Office)", async () => {
    const make = jest.fn(() => Promise.resolve(png));
    expect(await copyPng(make, {})).toEqual({ kind: "refused", why: "no-clipboard-api" });
    expect(await copyPng(make, { clipboard: { write: () => Promise.resolve() } })).toEqual({ kind: "refused", why: "no-clipboard-api" });
    expect(make).not.toHaveBeenCalled();
  });

  it("is refused when the clipboard turns the write down (no permission)", async () => {
    const denied = Object.assign(new Error("Write permission denied."), { name: "NotAllowedError" });
    expect(await copyPng(() => Promise.resolve(png), env(() => Promise.reject(denied)))).toEqual({ kind: "refused", why: "NotAllowedError: Write permission denied." });
  });

  it("fails, naming the image's problem, when the image could not be made", async () => {
    const broken = new Error("canvas.toBlob");
    const outcome = await copyPng(() => Promise.reject(broken), env(async (items) => {
      await items[0].items["image/png"];
    }));
    expect(outcome).toEqual({ kind: "failed", error: broken });
  });
});
