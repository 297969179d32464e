/**
 * Load-time checks of the region registry, so a broken data file fails loudly instead
 * of resolving a code to the wrong municipality. The JSON schema beside the data file
 * checks the shape in the test suite; these checks are the rules a schema cannot say.
 */
import type { Municipality } from "../types";
import { inPeriod } from "../periods";


/**
 * Problems with the registry, as sentences (empty when it is sound):
 * unique ids; a code belongs to one region only and is valid at most once per year;
 * periods ordered and not overlapping; successors, successors' parts and partOf exist;
 * the number of municipalities valid in each year equals `counts`.
 */
export function registryProblems(entries: readonly Municipality[], counts: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const m of entries) {
    if (ids.has(m.id)) problems.push(`${m.id}: id used twice`);
    ids.add(m.id);
    if (m.codes.length === 0) problems.push(`${m.id}: no codes`);
    m.codes.forEach((p, i) => {
      const o = owner.get(p.code);
      if (o !== undefined && o !== m.id) problems.push(`${p.code}: code of both ${o} and ${m.id}`);
      owner.set(p.code, m.id);
      if (p.from !== undefined && p.to !== undefined && p.from > p.to) problems.push(`${m.id}: period ${p.code} ends before it starts`);
      const next = m.codes[i + 1];
      if (next && (p.to === undefined || next.from === undefined || next.from <= p.to))
        problems.push(`${m.id}: periods ${p.code} and ${next.code} overlap or are out of order`);
    });
  }
  for (const m of entries) {
    for (const ref of [m.successor, ...(m.successors ?? []), ...(m.partOf ?? []).map((p) => p.id)])
      if (ref !== undefined && !ids.has(ref)) problems.push(`${m.id}: refers to unknown ${ref}`);
    if (m.successors && m.successor && !m.successors.includes(m.successor))
      problems.push(`${m.id}: successor ${m.successor} is not among its successors`);
  }
  const municipalities = entries.filter((m) => m.kind !== "aggregate");
  for (const [yearText, expected] of Object.entries(counts)) {
    const year = Number(yearText);
    const n = municipalities.filter((m) => m.codes.some((p) => inPeriod(year, p.from, p.to))).length;
    if (n !== expected) problems.push(`${year}: ${n} municipalities, expected ${expected}`);
  }
  return problems;
}
