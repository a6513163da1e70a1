import { describe, expect, it } from 'vitest';
import { stepZoom, ZOOM_LEVELS } from './zoom';

describe('zoom levels', () => {
	it('step up and down through the levels and stop at either end', () => {
		expect(stepZoom(1, 1)).toBe(1.1);
		expect(stepZoom(1, -1)).toBe(0.9);
		expect(stepZoom(1.75, 1)).toBe(2);
		expect(stepZoom(ZOOM_LEVELS[0], -1)).toBe(ZOOM_LEVELS[0]);
		expect(stepZoom(3, 1)).toBe(3);
	});

	it('reach 200 % from 100 % in five steps', () => {
		let level = 1;
		for (let i = 0; i < 5; i += 1) level = stepZoom(level, 1);
		expect(level).toBe(2);
	});
});
