import { describe, expect, it } from 'vitest';
import { Histogram, Registry } from 'prom-client';
import { BucketHistogram } from '../../../../server/metrics/bucketHistogram.js';

const BOUNDS = [0.001, 0.01, 0.1, 1];

/** The exposition of one histogram named `name` fed `values`, by prom-client's Histogram or by ours. */
async function exposition(kind: 'prom-client' | 'ours', values: number[]): Promise<string> {
  const registry = new Registry();
  const name = 'dong_soan_test_seconds';
  const help = 'How long a test thing took';
  const histogram =
    kind === 'ours' ? new BucketHistogram(name, help, BOUNDS, [registry]) : new Histogram({ name, help, buckets: BOUNDS, registers: [registry] });
  for (const value of values) histogram.observe(value);
  return registry.metrics();
}

describe('BucketHistogram', () => {
  it('reads at /metrics exactly as prom-client’s histogram of the same observations: bounds inclusive, +Inf, sum, count', async () => {
    const values = [0, 0.0005, 0.001, 0.0011, 0.01, 0.05, 0.1, 0.7, 1, 1.5, 42];
    const ours = await exposition('ours', values);
    expect(ours).toBe(await exposition('prom-client', values));
    expect(ours).toContain('dong_soan_test_seconds_bucket{le="0.001"} 3');
    expect(ours).toContain('dong_soan_test_seconds_bucket{le="+Inf"} 11');
    expect(ours).toContain('dong_soan_test_seconds_count 11');
  });

  it('reads as prom-client’s with no observation, and after a reset', async () => {
    expect(await exposition('ours', [])).toBe(await exposition('prom-client', []));
    const registry = new Registry();
    const histogram = new BucketHistogram('dong_soan_reset_seconds', 'Reset', BOUNDS, [registry]);
    histogram.observe(0.5);
    registry.resetMetrics();
    expect(await registry.metrics()).toContain('dong_soan_reset_seconds_count 0');
  });
});
