/**
 * A histogram without labels whose observation is a bucket increment (issue 13). prom-client's
 * `Histogram.observe` converts and hashes its (absent) labels and looks its series up on every call: on the
 * rooms' hot path, once per stored keystroke, that was ≈ 8 µs of CPU each on a small VM. The counts are
 * handed to the registry when it is scraped, in prom-client's own shape, so `/metrics` reads exactly as
 * prom-client's histogram would (tests/unit/server/metrics/bucketHistogram.test.ts compares the two).
 */
import type { Metric, Registry } from 'prom-client';

export class BucketHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  /** counts[i]: observations in (upperBounds[i - 1], upperBounds[i]]; the last, above every bound (+Inf). */
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
    registers: readonly Registry[],
  ) {
    this.counts = new Float64Array(upperBounds.length + 1);
    // Scraped as prom-client scrapes its own metrics: by `get()` (the shape checked by the test above).
    for (const registry of registers) registry.registerMetric(this as unknown as Metric);
  }

  observe(value: number): void {
    const bounds = this.upperBounds;
    let bucket = 0;
    while (bucket < bounds.length && value > bounds[bucket]!) bucket++;
    this.counts[bucket]!++;
    this.sum += value;
    this.count++;
  }

  /** The series as prom-client's registry formats them: cumulative buckets, +Inf, sum and count. */
  get() {
    const bucketName = `${this.name}_bucket`;
    let cumulative = 0;
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = this.upperBounds.map((le, index) => {
      cumulative += this.counts[index]!;
      return { labels: { le }, value: cumulative, metricName: bucketName };
    });
    values.push(
      { labels: { le: '+Inf' }, value: this.count, metricName: bucketName },
      { labels: {}, value: this.sum, metricName: `${this.name}_sum` },
      { labels: {}, value: this.count, metricName: `${this.name}_count` },
    );
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** `Registry.resetMetrics()` calls it. */
  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
  }
}
