import { describe, expect, it } from 'vitest';
import { isolate } from './bidi';

describe('isolate', () => {
	it('wraps a value in first-strong and pop directional isolates', () => {
		expect(isolate('اردو')).toBe('\u2068اردو\u2069');
	});
});
