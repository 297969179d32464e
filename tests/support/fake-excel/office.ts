/**
 * The `Office` and `Excel` globals the fake offers, and `OfficeExtension` for code that
 * checks `error instanceof OfficeExtension.Error`.
 * - `Office.onReady()` resolves with `{ host: "Excel", platform: "PC" }` (configurable;
 *   `host: null` is what office.js gives outside Office) and also calls a callback.
 * - `Office.context.requirements.isSetSupported(name, minVersion)`: true when the host's
 *   version of the set is at least `minVersion` ("1.10" > "1.9"); the version defaults
 *   to "1.1" ("Check for API availability at runtime").
 */
import { FakeRequestContext, runBatch } from "./context";
import { FakeExcelEngine } from "./engine";
import { EXCEL_ENUMS } from "./enums";
import { FakeOfficeError } from "./errors";

export interface OfficeInfo {
  host: string | null;
  platform: string | null;
}

export const HOST_TYPE = {
  Excel: "Excel",
  Word: "Word",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

export const PLATFORM_TYPE = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

export function createOffice(engine: FakeExcelEngine) {
  const host = engine.options.host === undefined ? "Excel" : engine.options.host;
  const info: OfficeInfo = { host, platform: host === null ? null : (engine.options.platform ?? "PC") };
  const language = engine.options.displayLanguage ?? "en-US";
  return {
    HostType: HOST_TYPE,
    PlatformType: PLATFORM_TYPE,
    onReady(callback?: (info: OfficeInfo) => void): Promise<OfficeInfo> {
      return Promise.resolve().then(() => {
        callback?.({ ...info });
        return { ...info };
      });
    },
    context: {
      host: info.host,
      platform: info.platform,
      displayLanguage: language,
      contentLanguage: language,
      diagnostics: { host: info.host, platform: info.platform, version: "16.0.0.0" },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number): boolean => engine.isSetSupported(name, minVersion),
      },
    },
  };
}

export function createExcel(engine: FakeExcelEngine) {
  return {
    ...EXCEL_ENUMS,
    run<T>(...args: unknown[]): Promise<T> {
      return runBatch<T>(engine, args);
    },
    /** `new Excel.RequestContext()` for code that manages its own context. */
    RequestContext: class extends FakeRequestContext {
      constructor() {
        super(engine);
      }
    },
  };
}

export const OFFICE_EXTENSION = {
  Error: FakeOfficeError,
  ErrorCodes: {
    accessDenied: "AccessDenied",
    generalException: "GeneralException",
    activityLimitReached: "ActivityLimitReached",
    invalidObjectPath: "InvalidObjectPath",
    propertyNotLoaded: "PropertyNotLoaded",
    valueNotLoaded: "ValueNotLoaded",
    invalidRequestContext: "InvalidRequestContext",
    invalidArgument: "InvalidArgument",
    runMustReturnPromise: "RunMustReturnPromise",
    cannotRegisterEvent: "CannotRegisterEvent",
    apiNotFound: "ApiNotFound",
    connectionFailure: "ConnectionFailure",
  },
} as const;

export type FakeOffice = ReturnType<typeof createOffice>;
export type FakeExcelNamespace = ReturnType<typeof createExcel>;
