/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code`
 * from `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`, a `message`, `debugInfo`).
 * Messages follow the table in "Error handling with the Excel JavaScript API" and the
 * resource strings office.js itself uses for client-side errors.
 */

export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "ValueNotLoaded";

/** Messages from "Error handling with the Excel JavaScript API" (learn.microsoft.com). */
const DEFAULT_MESSAGES: Record<FakeErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath: "The object path is not working for what you are trying to do.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded: "The property is not available.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** An error as `context.sync()` (or a property read) in Office.js would raise it. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;

  constructor(code: FakeErrorCode | string, message?: string, errorLocation?: string) {
    const text = message ?? DEFAULT_MESSAGES[code as FakeErrorCode] ?? code;
    super(text);
    this.code = code;
    this.debugInfo = { code, message: text, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** Attach the statement that failed, as Office.js does in `debugInfo.statement`. */
  withStatement(statement: string): this {
    this.debugInfo.statement = statement;
    return this;
  }
}

export function isFakeOfficeError(e: unknown): e is FakeOfficeError {
  return e instanceof FakeOfficeError;
}

export const errors = {
  invalidArgument: (message?: string, location?: string) => new FakeOfficeError("InvalidArgument", message, location),
  invalidOperation: (message?: string, location?: string) => new FakeOfficeError("InvalidOperation", message, location),
  itemNotFound: (message?: string, location?: string) => new FakeOfficeError("ItemNotFound", message, location),
  itemAlreadyExists: (message?: string, location?: string) => new FakeOfficeError("ItemAlreadyExists", message, location),
  generalException: (message?: string) => new FakeOfficeError("GeneralException", message),
  notImplemented: (message: string) => new FakeOfficeError("NotImplemented", `The fake Excel does not model this: ${message}`),
  /** office.js's own wording (resource string PropertyNotLoaded). */
  propertyNotLoaded: (typeName: string, property: string) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${typeName}.${property}`,
    ),
  valueNotLoaded: () => new FakeOfficeError("ValueNotLoaded", undefined, "clientResult.value"),
  /** office.js's own wording (resource string ApiNotFoundDetails). */
  apiNotFound: (member: string, set: string, version: string) =>
    new FakeOfficeError(
      "ApiNotFound",
      `The method or property ${member} is part of the ${set} ${version} requirement set, which is not available in your version of Excel.`,
      member,
    ),
};
