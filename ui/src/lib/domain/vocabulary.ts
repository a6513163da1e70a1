// Human labels and badge tones for every enum the core sends. Keeping them in one table means
// a new status is added in one place, and screens never print raw snake_case values. Each table
// is keyed by the generated enum type, so a variant added in the core fails the type check here.
import type {
	ActionStatus,
	AgreementKind,
	AgreementStatus,
	EngagementKind,
	OrganizationKind,
	ParticipantRole,
	Priority,
	Rsvp,
	SecurityLevel,
	Side,
	VisitDirection,
	VisitStatus
} from '$lib/bindings';

export type Tone = 'neutral' | 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'muted';
export type Term = { value: string; label: string; tone: Tone };

/** The terms in the table's order (the order choices are offered in). */
function terms<V extends string>(table: Record<V, [label: string, tone?: Tone]>): Term[] {
	return (Object.entries(table) as [V, [string, Tone?]][]).map(([value, [label, tone]]) => ({
		value,
		label,
		tone: tone ?? 'neutral'
	}));
}

export const vocabulary = {
	visitStatus: terms<VisitStatus>({
		draft: ['Draft', 'muted'],
		planned: ['Planned', 'info'],
		confirmed: ['Confirmed', 'success'],
		in_progress: ['In progress', 'accent'],
		completed: ['Completed', 'neutral'],
		cancelled: ['Cancelled', 'danger']
	}),
	visitDirection: terms<VisitDirection>({
		incoming: ['Incoming'],
		outgoing: ['Outgoing'],
		hosted: ['Hosted event']
	}),
	securityLevel: terms<SecurityLevel>({
		standard: ['Standard', 'neutral'],
		elevated: ['Elevated', 'warning'],
		high: ['High', 'danger']
	}),
	organizationKind: terms<OrganizationKind>({
		chamber: ['Chamber'],
		embassy: ['Embassy'],
		ministry: ['Ministry'],
		company: ['Company'],
		university: ['University'],
		association: ['Association'],
		media: ['Media'],
		other: ['Other']
	}),
	engagementKind: terms<EngagementKind>({
		meeting: ['Meeting', 'info'],
		site_visit: ['Site visit', 'accent'],
		meal: ['Meal', 'warning'],
		ceremony: ['Ceremony', 'accent'],
		signing: ['Signing', 'success'],
		transfer: ['Transfer', 'muted'],
		press: ['Press', 'info'],
		free_time: ['Free time', 'muted']
	}),
	participantSide: terms<Side>({
		host: ['Host', 'info'],
		guest: ['Guest', 'accent'],
		third_party: ['Third party', 'neutral']
	}),
	participantRole: terms<ParticipantRole>({
		head_of_delegation: ['Head of delegation'],
		member: ['Member'],
		host: ['Host'],
		speaker: ['Speaker'],
		interpreter: ['Interpreter'],
		security: ['Security'],
		media: ['Media'],
		staff: ['Staff']
	}),
	rsvp: terms<Rsvp>({
		invited: ['Invited', 'neutral'],
		accepted: ['Accepted', 'success'],
		tentative: ['Tentative', 'warning'],
		declined: ['Declined', 'danger']
	}),
	agreementKind: terms<AgreementKind>({
		mou: ['MoU'],
		loi: ['Letter of intent'],
		agreement: ['Agreement'],
		contract: ['Contract'],
		protocol: ['Protocol']
	}),
	agreementStatus: terms<AgreementStatus>({
		draft: ['Draft', 'muted'],
		negotiating: ['Negotiating', 'warning'],
		signed: ['Signed', 'info'],
		in_force: ['In force', 'success'],
		expired: ['Expired', 'neutral'],
		terminated: ['Terminated', 'danger']
	}),
	actionPriority: terms<Priority>({
		low: ['Low', 'muted'],
		normal: ['Normal', 'neutral'],
		high: ['High', 'warning'],
		urgent: ['Urgent', 'danger']
	}),
	actionStatus: terms<ActionStatus>({
		open: ['Open', 'info'],
		in_progress: ['In progress', 'accent'],
		blocked: ['Blocked', 'danger'],
		done: ['Done', 'success'],
		dropped: ['Dropped', 'muted']
	})
};

export type Vocabulary = keyof typeof vocabulary;

/** The term for `value`; an unknown value (a newer core) still shows, as itself. */
export function term(kind: Vocabulary, value: string | null | undefined): Term {
	const found = vocabulary[kind].find((t) => t.value === value);
	return found ?? { value: value ?? '', label: value ?? '—', tone: 'neutral' };
}

export function label(kind: Vocabulary, value: string | null | undefined): string {
	return term(kind, value).label;
}
