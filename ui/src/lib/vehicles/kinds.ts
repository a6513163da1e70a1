// The kinds of vehicle as the user's language names them. They live with the vehicles screens
// (and their words in the places catalogue) rather than in the shared vocabulary.
import type { VehicleKind } from '$lib/bindings';
import type { Option } from '$lib/components/Field.svelte';
import { m } from '$lib/paraglide/messages';

const KINDS: Record<VehicleKind, () => string> = {
	car: m.places_vehicle_kind_car,
	van: m.places_vehicle_kind_van,
	minibus: m.places_vehicle_kind_minibus,
	coach: m.places_vehicle_kind_coach,
	other: m.places_vehicle_kind_other
};

/** The kind's name; a value this version does not know is shown as the core sent it. */
export function vehicleKindLabel(kind: string): string {
	return KINDS[kind as VehicleKind]?.() ?? kind;
}

/** Every kind, in the core's order; each `label` is read when shown, so it follows the language. */
export function vehicleKindChoices(): Option[] {
	return (Object.keys(KINDS) as VehicleKind[]).map((value) => ({
		value,
		get label() {
			return vehicleKindLabel(value);
		}
	}));
}
