// What the timeline's gestures and keys do to a programme item's wall-clock times. Kept free of
// Svelte and of event-calendar so it is unit tested; the component only sends the result.
import type { Engagement, EngagementInput } from '$lib/bindings';
import { engagementInput } from '$lib/api/engagements';
import { formatWallDateTime, wallTime } from '$lib/format/dates';
import { addMinutes, minutesBetween } from './wallClock';

/** An item's span in the visit's wall-clock time ("YYYY-MM-DDTHH:MM"). */
export type WallSpan = { startsLocal: string; endsLocal: string };

/** The keyboard's step: a quarter of an hour, as programmes are planned. */
export const STEP_MINUTES = 15;
const DAY_MINUTES = 1440;

export type TimelineCommand =
	| { kind: 'move'; minutes: number }
	| { kind: 'resize'; minutes: number }
	| { kind: 'delete' }
	| { kind: 'duplicate' };

type Key = Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>;

/**
 * The command a key press gives a focused item: Alt+↑/↓ move it by 15 minutes, Alt+←/→ by a
 * day (the day columns run right to left in `rtl`, so the arrows follow the screen),
 * Alt+Shift+↑/↓ move its end, Delete deletes, Ctrl/Cmd+D duplicates. Enter (edit) is the
 * block's own button.
 */
export function timelineCommand(event: Key, dir: 'ltr' | 'rtl' = 'ltr'): TimelineCommand | null {
	const mod = event.ctrlKey || event.metaKey;
	if (event.altKey && !mod) {
		const vertical = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
		if (vertical) return { kind: event.shiftKey ? 'resize' : 'move', minutes: vertical * STEP_MINUTES };
		const horizontal = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
		if (horizontal && !event.shiftKey) {
			return { kind: 'move', minutes: horizontal * (dir === 'rtl' ? -1 : 1) * DAY_MINUTES };
		}
		return null;
	}
	if (event.key === 'Delete' && !mod && !event.shiftKey) return { kind: 'delete' };
	if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'd') return { kind: 'duplicate' };
	return null;
}

/**
 * The span after a move or resize command; null when nothing would change. An item keeps at
 * least one step of length: its end never goes to or before its start.
 */
export function commandSpan(span: WallSpan, command: TimelineCommand): WallSpan | null {
	if (command.kind === 'move') {
		return {
			startsLocal: addMinutes(span.startsLocal, command.minutes),
			endsLocal: addMinutes(span.endsLocal, command.minutes)
		};
	}
	if (command.kind === 'resize') {
		const length = minutesBetween(span.startsLocal, span.endsLocal);
		const next = Math.max(length + command.minutes, STEP_MINUTES);
		if (next === length) return null;
		return { startsLocal: span.startsLocal, endsLocal: addMinutes(span.startsLocal, next) };
	}
	return null;
}

/** event-calendar's Duration: a drag in the time grid gives seconds (and whole days). */
export type CalendarDelta = { years?: number; months?: number; days?: number; seconds?: number };

function deltaMinutes(delta: CalendarDelta | undefined): number {
	if (!delta) return 0;
	return (delta.days ?? 0) * DAY_MINUTES + Math.round((delta.seconds ?? 0) / 60);
}

/**
 * The span after a drag (`start` and `end` move by the same delta) or a resize (each by its
 * own). Computed from the item's own wall times, not from the calendar's Date objects, which
 * live in the machine's zone and could fall on a daylight-saving gap there.
 */
export function shiftedSpan(span: WallSpan, start?: CalendarDelta, end?: CalendarDelta): WallSpan {
	return {
		startsLocal: addMinutes(span.startsLocal, deltaMinutes(start)),
		endsLocal: addMinutes(span.endsLocal, deltaMinutes(end))
	};
}

/** What the core needs to reschedule an item: every field as it is, only the times new. */
export function rescheduledInput(e: Engagement, span: WallSpan): Required<EngagementInput> {
	return { ...engagementInput(e), startsLocal: span.startsLocal, endsLocal: span.endsLocal };
}

/** What the new-item form starts from after a drag over empty time. */
export type NewItemPrefill = {
	/** "YYYY-MM-DD" */
	day: string;
	/** "HH:MM" */
	start: string;
	/** "YYYY-MM-DDTHH:MM": the end may be the next midnight. */
	end: string;
};

/**
 * A selection's start and end as event-calendar gives them ("YYYY-MM-DDTHH:MM:SS", the
 * calendar's own wall time, which is the visit's) → the form's prefill.
 */
export function selectionPrefill(startStr: string, endStr: string): NewItemPrefill {
	const start = startStr.slice(0, 16);
	let end = endStr.slice(0, 16);
	if (minutesBetween(start, end) < STEP_MINUTES) end = addMinutes(start, 60);
	return { day: start.slice(0, 10), start: start.slice(11, 16), end };
}

/** A click on empty time: an hour from there. */
export function clickPrefill(dateStr: string): NewItemPrefill {
	return selectionPrefill(dateStr, dateStr);
}

/**
 * A copy of an item, starting where it ends and lasting as long: the usual next step when a
 * programme repeats a meeting or a transfer.
 */
export function duplicateInput(e: Engagement): Required<EngagementInput> {
	const length = Math.max(minutesBetween(e.startsLocal, e.endsLocal), STEP_MINUTES);
	return rescheduledInput(e, { startsLocal: e.endsLocal, endsLocal: addMinutes(e.endsLocal, length) });
}

/** A span as a notice reads it: "14 Sep, 10:00–11:00". */
export function formatWallSpan(span: WallSpan): string {
	return `${formatWallDateTime(span.startsLocal)}–${wallTime(span.endsLocal)}`;
}
