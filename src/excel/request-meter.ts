/**
 * Requests under a size budget. Excel on the web refuses a request over 5 MB
 * ("Resource limits and performance optimization for Office Add-ins"); the gateway keeps
 * every request under a smaller budget by counting what it queues — the JSON of the
 * arguments plus a fixed allowance per statement for the object path and the protocol's
 * own fields — and sending what is queued before a statement that would pass the budget.
 */

/** Allowance per statement for its object path and the protocol's fields (paths the gateway builds are under 150 characters). */
export const STATEMENT_BYTES = 300;

export interface RequestRecord {
  /** Estimated bytes of the request. */
  bytes: number;
  statements: number;
}

export class RequestMeter {
  private bytes = 0;
  private statements = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    /** Requests sent so far (a resumed write continues the list). */
    readonly sent: RequestRecord[] = [],
  ) {}

  /** Whether `statements` more statements with `argumentBytes` fit in the request being queued. */
  fits(statements: number, argumentBytes = 0): boolean {
    return this.statements === 0 || this.bytes + statements * STATEMENT_BYTES + argumentBytes <= this.budget;
  }

  get pendingStatements(): number {
    return this.statements;
  }

  /**
   * Make room for `statements` statements carrying `argumentBytes` of arguments: send
   * what is queued first if together they would pass the budget. Call before queueing them.
   */
  async reserve(statements: number, argumentBytes = 0): Promise<void> {
    if (!this.fits(statements, argumentBytes)) await this.sync();
    this.count(statements, argumentBytes);
  }

  /** Count statements queued without a chance to send first (they must fit: small ones only). */
  count(statements: number, argumentBytes = 0): void {
    this.bytes += statements * STATEMENT_BYTES + argumentBytes;
    this.statements += statements;
  }

  /** Send what is queued (also when nothing is: reads need their answer). */
  async sync(): Promise<void> {
    this.sent.push({ bytes: this.bytes, statements: this.statements });
    this.bytes = 0;
    this.statements = 0;
    await this.context.sync();
  }

  get largestBytes(): number {
    return this.sent.reduce((m, r) => Math.max(m, r.bytes), 0);
  }
}
