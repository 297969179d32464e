/**
 * The profile chart as a PNG image for a Word report: the on-screen SVG with its colours
 * and fonts written into it (the page's style sheets do not travel with the image), drawn
 * on a canvas at twice the size so it stays sharp when printed, and put on the clipboard
 * (navigator.clipboard.write with a ClipboardItem) or saved as a file.
 *
 * The clipboard is often closed to images: older Office hosts (Internet Explorer, the
 * classic Edge WebView) have no ClipboardItem, and a host may refuse the permission. Then
 * the outcome says so and the pane offers the file instead.
 */
import { saveBlob } from "./files";

/** The SVG properties that carry the chart's look; copied from the page's computed style into the image. */
const PAINT = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linejoin", "paint-order", "opacity", "font-family", "font-size", "font-weight"] as const;

/** A stand-alone SVG document of `svg`, with the styles the page gives it written onto each element. */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll("*"))];
  const to = [copy, ...Array.from(copy.querySelectorAll("*"))];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i];
    target.removeAttribute("class");
    const declarations = PAINT.map((p) => [p, style.getPropertyValue(p)] as const).filter(([, v]) => v !== "");
    target.setAttribute("style", declarations.map(([p, v]) => `${p}:${v}`).join(";"));
  });
  // What only assistive technology needs stays behind; the image has its own alt text in Word.
  for (const attr of ["role", "tabindex", "aria-labelledby", "aria-describedby", "focusable"]) copy.removeAttribute(attr);
  const width = svg.viewBox.baseVal.width || svg.clientWidth;
  const height = svg.viewBox.baseVal.height || svg.clientHeight;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const backdrop = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  backdrop.setAttribute("width", "100%");
  backdrop.setAttribute("height", "100%");
  backdrop.setAttribute("style", `fill:${background}`);
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** The chart as a PNG, `scale` times its on-screen size. */
export async function pngOf(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const background = getComputedStyle(svg.parentElement ?? svg).backgroundColor;
  const markup = standaloneSvg(svg, background && background !== "rgba(0, 0, 0, 0)" ? background : "#ffffff");
  const width = svg.viewBox.baseVal.width || svg.clientWidth;
  const height = svg.viewBox.baseVal.height || svg.clientHeight;
  // A data: URL, which the pane's Content-Security-Policy allows for images (blob: it does not).
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("canvas 2d");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("canvas.toBlob"))), "image/png"));
}

export type CopyOutcome = { kind: "copied" } | { kind: "refused"; why: string } | { kind: "failed"; error: Error };

/** What copying needs from the browser; the real ones by default, stand-ins in tests. */
export interface ClipboardEnv {
  clipboard?: Pick<Clipboard, "write">;
  ClipboardItem?: typeof ClipboardItem;
}

function browserClipboard(): ClipboardEnv {
  return {
    clipboard: typeof navigator !== "undefined" && typeof navigator.clipboard?.write === "function" ? navigator.clipboard : undefined,
    ClipboardItem: typeof ClipboardItem === "function" ? ClipboardItem : undefined,
  };
}

/**
 * Put the image `png` will give on the clipboard. The ClipboardItem is made at once with
 * the promise, so the press that started it still counts as the user's permission while
 * the image is drawn. A refused write (no permission, no clipboard API) is "refused"; an
 * image that could not be made is "failed".
 */
export async function copyPng(png: () => Promise<Blob>, env: ClipboardEnv = browserClipboard()): Promise<CopyOutcome> {
  if (!env.clipboard || !env.ClipboardItem) return { kind: "refused", why: "no-clipboard-api" };
  const image = png();
  // The image's own failure is reported as such, not as the clipboard's.
  const made = image.then(
    () => null,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  try {
    await env.clipboard.write([new env.ClipboardItem({ "image/png": image })]);
    return { kind: "copied" };
  } catch (error) {
    const imageError = await made;
    if (imageError) return { kind: "failed", error: imageError };
    return { kind: "refused", why: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Save the chart as a PNG file. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  saveBlob(await pngOf(svg), fileName);
}
