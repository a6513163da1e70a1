import { commands, type Vehicle, type VehicleInput, type VehicleQuery } from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<VehicleQuery, keyof ListParams>> = { kind: null };

export const vehicles: RecordApi<Vehicle, VehicleInput, VehicleQuery> = {
	list: (query = {}) => call(() => commands.vehiclesList(buildQuery(filters, query))),
	get: (id) => call(() => commands.vehiclesGet(id)),
	create: (input) => call(() => commands.vehiclesCreate(input)),
	update: (id, input) => call(() => commands.vehiclesUpdate(id, input)),
	remove: (id) => call(() => commands.vehiclesDelete(id)),
	restore: (id) => call(() => commands.vehiclesRestore(id))
};

export function emptyVehicleInput(): VehicleInput {
	return { label: '', kind: 'car', registration: null, seats: null, driver: null, phone: null, notes: null };
}

export function vehicleInput(v: Vehicle): VehicleInput {
	return {
		label: v.label,
		kind: v.kind,
		registration: v.registration,
		seats: v.seats,
		driver: v.driver,
		phone: v.phone,
		notes: v.notes
	};
}
