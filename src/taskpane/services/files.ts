/** Files in and out of the browser: downloads through an object URL, and reading what the user picked. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start the download after the click handler returns; give them a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file's bytes; FileReader where the browser lacks Blob.arrayBuffer. */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}

/** A file's text as UTF-8. */
export async function readFileText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new TextDecoder("utf-8").decode(await readFileBytes(file));
}
