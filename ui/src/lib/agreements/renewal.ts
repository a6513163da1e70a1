// An agreement's renewal window as the core defines it (agreements::renewal): from the
// expiry date less the notice days until the expiry date, while it is signed or in force.
import type { Agreement } from '$lib/bindings';

export function inRenewalWindow(a: Pick<Agreement, 'status' | 'deletedAt' | 'renewalOpensOn' | 'expiresOn'>, today: string): boolean {
	return (
		(a.status === 'signed' || a.status === 'in_force') &&
		!a.deletedAt &&
		!!a.renewalOpensOn &&
		a.renewalOpensOn <= today &&
		!!a.expiresOn &&
		a.expiresOn >= today
	);
}
