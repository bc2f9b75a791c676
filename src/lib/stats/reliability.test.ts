// The bfi alphas, item statistics and omega are checked against psych in stats.test.ts; here the
// degenerate cases and the missing-value policy (pairwise, as psych::alpha).
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, omegaTotal, reverseKey } from './reliability.ts';

describe('reliability edge cases', () => {
  it('constant item, single item, unanswered item and 2-item omega are errors with a reason', () => {
    expect(() => cronbachAlpha([[1, 2], [1, 3], [1, 4]])).toThrow('constant');
    expect(() => cronbachAlpha([[1], [2], [3]])).toThrow('at least 2 items');
    expect(() => cronbachAlpha([[1, null], [2, null], [3, 1]])).toThrow('item 1 has fewer than 2 answers');
    expect(() => omegaTotal([[1, 2], [2, 3], [3, 3]])).toThrow('at least 3 items');
  });
  it('hand example: two items with covariance matrix [[1, .5], [.5, 1]] have alpha 2/3', () => {
    // x = (1,2,3), y = (1,3,2): var 1 and 1, cov 0.5 → α = 2·(1 − 2/3) = 2/3; standardised: r = .5 → 2·.5/1.5
    const a = cronbachAlpha([[1, 1], [2, 3], [3, 2]]);
    expect(a.alpha).toBeCloseTo(2 / 3, 12);
    expect(a.standardisedAlpha).toBeCloseTo(2 / 3, 12);
    expect(a.items[0].alphaIfDeleted).toBeNaN(); // one item left: no alpha (documented NaN)
  });
  it('reverse keying keeps missing values missing', () => {
    expect(reverseKey(2, 1, 6)).toBe(5);
    expect(reverseKey(null, 1, 6)).toBeNull();
  });
});
