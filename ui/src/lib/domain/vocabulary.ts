// Human labels and badge tones for every enum the core sends. Keeping them in one table means
// a new status is added in one place, and screens never print raw snake_case values. Each table
// is keyed by the generated enum type, so a variant added in the core fails the type check here.
// A label is a message from the catalogue, read each time `label` is: a term shown in markup
// switches language with the rest of the screen.
import type {
	ActionStatus,
	AgreementKind,
	AgreementStatus,
	EngagementKind,
	GiftDirection,
	GiftDisposition,
	OutcomeKind,
	OutcomeStatus,
	OrganizationKind,
	ParticipantRole,
	Priority,
	Rsvp,
	SecurityLevel,
	Side,
	VisitDirection,
	VisitStatus
} from '$lib/bindings';
import { m } from '$lib/paraglide/messages';

export type Tone = 'neutral' | 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'muted';
export type Term = { value: string; readonly label: string; tone: Tone };

type Message = () => string;

/** The terms in the table's order (the order choices are offered in). */
function terms<V extends string>(table: Record<V, [label: Message, tone?: Tone]>): Term[] {
	return (Object.entries(table) as [V, [Message, Tone?]][]).map(([value, [message, tone]]) => ({
		value,
		get label() {
			return message();
		},
		tone: tone ?? 'neutral'
	}));
}

export const vocabulary = {
	outcomeKind: terms<OutcomeKind>({
		deal: [m.vocabulary_outcome_kind_deal, 'success'],
		joint_venture: [m.vocabulary_outcome_kind_joint_venture, 'accent'],
		letter_of_intent: [m.vocabulary_outcome_kind_letter_of_intent, 'info'],
		new_supplier: [m.vocabulary_outcome_kind_new_supplier, 'neutral'],
		new_buyer: [m.vocabulary_outcome_kind_new_buyer, 'neutral']
	}),
	outcomeStatus: terms<OutcomeStatus>({
		prospect: [m.vocabulary_outcome_status_prospect, 'muted'],
		agreed: [m.vocabulary_outcome_status_agreed, 'info'],
		confirmed: [m.vocabulary_outcome_status_confirmed, 'success']
	}),
	giftDirection: terms<GiftDirection>({
		given: [m.vocabulary_gift_direction_given, 'info'],
		received: [m.vocabulary_gift_direction_received, 'accent']
	}),
	giftDisposition: terms<GiftDisposition>({
		pending: [m.vocabulary_gift_disposition_pending, 'warning'],
		kept: [m.vocabulary_gift_disposition_kept, 'neutral'],
		displayed: [m.vocabulary_gift_disposition_displayed, 'neutral'],
		deposited: [m.vocabulary_gift_disposition_deposited, 'success'],
		purchased: [m.vocabulary_gift_disposition_purchased, 'neutral']
	}),
	visitStatus: terms<VisitStatus>({
		draft: [m.vocabulary_visit_status_draft, 'muted'],
		planned: [m.vocabulary_visit_status_planned, 'info'],
		confirmed: [m.vocabulary_visit_status_confirmed, 'success'],
		in_progress: [m.vocabulary_visit_status_in_progress, 'accent'],
		completed: [m.vocabulary_visit_status_completed, 'neutral'],
		cancelled: [m.vocabulary_visit_status_cancelled, 'danger']
	}),
	visitDirection: terms<VisitDirection>({
		incoming: [m.vocabulary_visit_direction_incoming],
		outgoing: [m.vocabulary_visit_direction_outgoing],
		hosted: [m.vocabulary_visit_direction_hosted]
	}),
	securityLevel: terms<SecurityLevel>({
		standard: [m.vocabulary_security_level_standard, 'neutral'],
		elevated: [m.vocabulary_security_level_elevated, 'warning'],
		high: [m.vocabulary_security_level_high, 'danger']
	}),
	organizationKind: terms<OrganizationKind>({
		chamber: [m.vocabulary_organization_kind_chamber],
		embassy: [m.vocabulary_organization_kind_embassy],
		ministry: [m.vocabulary_organization_kind_ministry],
		company: [m.vocabulary_organization_kind_company],
		university: [m.vocabulary_organization_kind_university],
		association: [m.vocabulary_organization_kind_association],
		media: [m.vocabulary_organization_kind_media],
		other: [m.vocabulary_organization_kind_other]
	}),
	engagementKind: terms<EngagementKind>({
		meeting: [m.vocabulary_engagement_kind_meeting, 'info'],
		site_visit: [m.vocabulary_engagement_kind_site_visit, 'accent'],
		meal: [m.vocabulary_engagement_kind_meal, 'warning'],
		ceremony: [m.vocabulary_engagement_kind_ceremony, 'accent'],
		signing: [m.vocabulary_engagement_kind_signing, 'success'],
		transfer: [m.vocabulary_engagement_kind_transfer, 'muted'],
		press: [m.vocabulary_engagement_kind_press, 'info'],
		free_time: [m.vocabulary_engagement_kind_free_time, 'muted']
	}),
	participantSide: terms<Side>({
		host: [m.vocabulary_participant_side_host, 'info'],
		guest: [m.vocabulary_participant_side_guest, 'accent'],
		third_party: [m.vocabulary_participant_side_third_party, 'neutral']
	}),
	participantRole: terms<ParticipantRole>({
		head_of_delegation: [m.vocabulary_participant_role_head_of_delegation],
		member: [m.vocabulary_participant_role_member],
		host: [m.vocabulary_participant_role_host],
		speaker: [m.vocabulary_participant_role_speaker],
		interpreter: [m.vocabulary_participant_role_interpreter],
		security: [m.vocabulary_participant_role_security],
		media: [m.vocabulary_participant_role_media],
		staff: [m.vocabulary_participant_role_staff]
	}),
	rsvp: terms<Rsvp>({
		invited: [m.vocabulary_rsvp_invited, 'neutral'],
		accepted: [m.vocabulary_rsvp_accepted, 'success'],
		tentative: [m.vocabulary_rsvp_tentative, 'warning'],
		declined: [m.vocabulary_rsvp_declined, 'danger']
	}),
	agreementKind: terms<AgreementKind>({
		mou: [m.vocabulary_agreement_kind_mou],
		loi: [m.vocabulary_agreement_kind_loi],
		agreement: [m.vocabulary_agreement_kind_agreement],
		contract: [m.vocabulary_agreement_kind_contract],
		protocol: [m.vocabulary_agreement_kind_protocol]
	}),
	agreementStatus: terms<AgreementStatus>({
		draft: [m.vocabulary_agreement_status_draft, 'muted'],
		negotiating: [m.vocabulary_agreement_status_negotiating, 'warning'],
		signed: [m.vocabulary_agreement_status_signed, 'info'],
		in_force: [m.vocabulary_agreement_status_in_force, 'success'],
		expired: [m.vocabulary_agreement_status_expired, 'neutral'],
		terminated: [m.vocabulary_agreement_status_terminated, 'danger']
	}),
	actionPriority: terms<Priority>({
		low: [m.vocabulary_action_priority_low, 'muted'],
		normal: [m.vocabulary_action_priority_normal, 'neutral'],
		high: [m.vocabulary_action_priority_high, 'warning'],
		urgent: [m.vocabulary_action_priority_urgent, 'danger']
	}),
	actionStatus: terms<ActionStatus>({
		open: [m.vocabulary_action_status_open, 'info'],
		in_progress: [m.vocabulary_action_status_in_progress, 'accent'],
		blocked: [m.vocabulary_action_status_blocked, 'danger'],
		done: [m.vocabulary_action_status_done, 'success'],
		dropped: [m.vocabulary_action_status_dropped, 'muted']
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
