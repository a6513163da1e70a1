//! The records of the sample. Everything named in the report is here verbatim; what the report
//! does not say (clock times of the programme, the commission's exact dates) is marked as such.

use crate::actions::{self, ActionInput, ActionStatus, Priority};
use crate::agreements::{self, AgreementInput, AgreementKind, AgreementStatus, PartyInput};
use crate::engagements::{self, EngagementInput, EngagementKind};
use crate::error::CoreResult;
use crate::ids::{OrganizationId, PersonId, SectorId};
use crate::organizations::{self, OrganizationInput, OrganizationKind};
use crate::participants::{self, ParticipantInput, ParticipantRole, Rsvp, Side};
use crate::people::{self, PersonInput};
use crate::sectors;
use crate::store::Writer;
use crate::venues::{self, VenueInput};
use crate::visits::{self, SecurityLevel, VisitDirection, VisitInput, VisitStatus};

const SOURCE: &str = "Source: APP news report, Sialkot, 28 January 2026.";

struct Org {
    embassy: OrganizationId,
    rapport: OrganizationId,
    scci: OrganizationId,
    pakistan: OrganizationId,
    russia: OrganizationId,
}

pub(super) fn insert(w: &Writer<'_>) -> CoreResult<()> {
    let org = organizations(w)?;
    let people = people(w, &org)?;
    let visit = sialkot_visit(w, &org, &people)?;
    let commission = commission(w, &org)?;
    follow_ups(w, &org, &visit, &commission)
}

fn sector_ids(w: &Writer<'_>, codes: &[&str]) -> CoreResult<Vec<SectorId>> {
    codes.iter().map(|code| sectors::by_code(w, code)).collect()
}

// One call per row reads like the table it is; a struct per row would only add noise.
#[allow(clippy::too_many_arguments)]
fn organization(
    w: &Writer<'_>,
    name: &str,
    short: Option<&str>,
    kind: OrganizationKind,
    country: &str,
    city: &str,
    sectors: &[&str],
    notes: Option<&str>,
) -> CoreResult<OrganizationId> {
    let input = OrganizationInput {
        name: name.into(),
        short_name: short.map(Into::into),
        kind,
        country: Some(country.into()),
        city: Some(city.into()),
        website: None,
        sector_ids: sector_ids(w, sectors)?,
        notes: notes.map(Into::into),
    };
    Ok(organizations::insert(w, input)?.id)
}

fn organizations(w: &Writer<'_>) -> CoreResult<Org> {
    use OrganizationKind::*;
    Ok(Org {
        embassy: organization(
            w,
            "Embassy of the Russian Federation in Pakistan",
            None,
            Embassy,
            "RU",
            "Islamabad",
            &[],
            None,
        )?,
        rapport: organization(
            w,
            "Regional Rapport",
            None,
            Association,
            "PK",
            "Islamabad",
            &[],
            Some("Co-organised the ambassador's visit to the SCCI."),
        )?,
        scci: organization(
            w,
            "Sialkot Chamber of Commerce and Industry",
            Some("SCCI"),
            Chamber,
            "PK",
            "Sialkot",
            &["sports_goods", "surgical_instruments", "leather", "textiles"],
            Some("Sialkot's export industry is built on self-help by its exporters."),
        )?,
        pakistan: organization(w, "Government of Pakistan", None, Ministry, "PK", "Islamabad", &[], None)?,
        russia: organization(w, "Government of the Russian Federation", None, Ministry, "RU", "Moscow", &[], None)?,
    })
}

struct Who {
    khorev: PersonId,
    nevzorov: PersonId,
    chekalin: PersonId,
    vereshchagin: PersonId,
    naqvi: PersonId,
    mazhar: PersonId,
    arshad: PersonId,
    sheikh: PersonId,
}

#[allow(clippy::too_many_arguments)]
fn person(
    w: &Writer<'_>,
    honorific: Option<&str>,
    given: &str,
    family: &str,
    native: Option<&str>,
    position: &str,
    organization: &OrganizationId,
    country: &str,
    rank: i64,
) -> CoreResult<PersonId> {
    let input = PersonInput {
        honorific: honorific.map(Into::into),
        given_name: given.into(),
        family_name: Some(family.into()),
        native_name: native.map(Into::into),
        position: Some(position.into()),
        organization_id: Some(organization.clone()),
        country: Some(country.into()),
        protocol_rank: Some(rank),
        languages: Some(if country == "RU" { "Russian, English" } else { "Urdu, English" }.into()),
        ..PersonInput::default()
    };
    Ok(people::insert(w, input)?.id)
}

fn people(w: &Writer<'_>, org: &Org) -> CoreResult<Who> {
    Ok(Who {
        khorev: person(
            w,
            Some("H.E."),
            "Albert P.",
            "Khorev",
            Some("Альберт Хорев"),
            "Ambassador of the Russian Federation to Pakistan",
            &org.embassy,
            "RU",
            10,
        )?,
        mazhar: person(w, None, "Syed Ahtesham", "Mazhar", None, "President", &org.scci, "PK", 20)?,
        nevzorov: person(
            w,
            None,
            "Denis",
            "Nevzorov",
            Some("Денис Невзоров"),
            "Trade Representative",
            &org.embassy,
            "RU",
            30,
        )?,
        arshad: person(w, None, "Muhammad Murad", "Arshad", None, "Senior Vice President", &org.scci, "PK", 40)?,
        chekalin: person(
            w,
            None,
            "Sergey",
            "Chekalin",
            Some("Сергей Чекалин"),
            "Chief of Protocol",
            &org.embassy,
            "RU",
            50,
        )?,
        sheikh: person(w, None, "Salman", "Sheikh", None, "Vice President", &org.scci, "PK", 60)?,
        naqvi: person(w, Some("Dr."), "Almas Haider", "Naqvi", None, "Executive Director", &org.rapport, "PK", 65)?,
        vereshchagin: person(
            w,
            None,
            "Anton",
            "Vereshchagin",
            Some("Антон Верещагин"),
            "Third Secretary (Bilateral Section)",
            &org.embassy,
            "RU",
            70,
        )?,
    })
}

fn sialkot_visit(w: &Writer<'_>, org: &Org, who: &Who) -> CoreResult<crate::ids::VisitId> {
    let visit = visits::insert(w, VisitInput {
        title: "Russian Ambassador's visit to the Sialkot Chamber of Commerce and Industry".into(),
        direction: VisitDirection::Incoming,
        status: VisitStatus::Completed,
        host_organization_id: Some(org.scci.clone()),
        guest_organization_id: Some(org.embassy.clone()),
        city: Some("Sialkot".into()),
        country: Some("PK".into()),
        time_zone: "Asia/Karachi".into(),
        start_date: "2026-01-28".into(),
        end_date: "2026-01-28".into(),
        objectives: Some("Trade facilitation, industrial collaboration, and new avenues of cooperation between Russian partners and Sialkot's export sectors. Held in collaboration with Regional Rapport, Islamabad.".into()),
        security_level: SecurityLevel::High,
        security_notes: Some("The tour of industrial units took place amid tight security.".into()),
        outcome_summary: Some(format!(
            "The ambassador said Russia intends to boost mutual trade and remove hurdles; trade has grown over 10 to 15 years and crossed $1 billion in 2023, and could double if barriers were removed. Sialkot exporters have great potential in Russian markets. A Russian business delegation will visit Pakistan. Joint ventures proposed in energy, agriculture, pharmaceuticals, engineering goods and IT. Sialkot universities urged to join Russian-language programmes. The Sialkot business community attended. {SOURCE}"
        )),
    })?;
    let auditorium = venues::insert(
        w,
        VenueInput {
            name: "SCCI Auditorium".into(),
            city: Some("Sialkot".into()),
            country: Some("PK".into()),
            notes: Some("Sialkot Chamber of Commerce and Industry".into()),
            ..VenueInput::default()
        },
    )?;
    let delegation = vec![
        who.khorev.clone(),
        who.nevzorov.clone(),
        who.chekalin.clone(),
        who.vereshchagin.clone(),
        who.naqvi.clone(),
    ];
    engagements::insert(w, EngagementInput {
        visit_id: visit.id.clone(),
        title: "Tour of leading industrial units in Sialkot".into(),
        kind: EngagementKind::SiteVisit,
        starts_local: "2026-01-28T10:00".into(),
        ends_local: "2026-01-28T12:30".into(),
        venue_id: None,
        responsible_person_id: None,
        vehicle_id: None,
        security_notes: Some("Tight security.".into()),
        notes: Some(format!("The ambassador witnessed the international-standard craftsmanship of Sialkot's artisans. The report gives no clock times; these are indicative. {SOURCE}")),
        attendee_ids: delegation.clone(),
    })?;
    let mut meeting = delegation;
    meeting.extend([who.mazhar.clone(), who.arshad.clone(), who.sheikh.clone()]);
    engagements::insert(w, EngagementInput {
        visit_id: visit.id.clone(),
        title: "Meeting with SCCI office-bearers and the Sialkot business community".into(),
        kind: EngagementKind::Meeting,
        starts_local: "2026-01-28T13:00".into(),
        ends_local: "2026-01-28T14:30".into(),
        venue_id: Some(auditorium.id),
        responsible_person_id: Some(who.mazhar.clone()),
        vehicle_id: None,
        security_notes: None,
        notes: Some("Address by the ambassador on Pakistan–Russia trade, followed by discussion. The report gives no clock times; these are indicative.".into()),
        attendee_ids: meeting,
    })?;
    let roster = [
        (&who.khorev, Side::Guest, ParticipantRole::HeadOfDelegation),
        (&who.nevzorov, Side::Guest, ParticipantRole::Member),
        (&who.chekalin, Side::Guest, ParticipantRole::Staff),
        (&who.vereshchagin, Side::Guest, ParticipantRole::Member),
        (&who.naqvi, Side::ThirdParty, ParticipantRole::Member),
        (&who.mazhar, Side::Host, ParticipantRole::Host),
        (&who.arshad, Side::Host, ParticipantRole::Host),
        (&who.sheikh, Side::Host, ParticipantRole::Host),
    ];
    for (person, side, role) in roster {
        participants::insert(
            w,
            ParticipantInput {
                visit_id: visit.id.clone(),
                person_id: person.clone(),
                side,
                role,
                rsvp: Rsvp::Accepted,
                arrival_local: None,
                departure_local: None,
                hotel: None,
                precedence_override: None,
                notes: None,
            },
        )?;
    }
    Ok(visit.id)
}

/// Records the commission as a completed visit and its agreements; returns the agreement.
fn commission(w: &Writer<'_>, org: &Org) -> CoreResult<crate::ids::AgreementId> {
    let visit = visits::insert(w, VisitInput {
        title: "10th Session of the Pakistan–Russia Intergovernmental Commission on Trade, Economic, Scientific and Technical Cooperation".into(),
        direction: VisitDirection::Incoming,
        status: VisitStatus::Completed,
        host_organization_id: Some(org.pakistan.clone()),
        guest_organization_id: Some(org.russia.clone()),
        city: Some("Islamabad".into()),
        country: Some("PK".into()),
        time_zone: "Asia/Karachi".into(),
        start_date: "2025-11-01".into(),
        end_date: "2025-11-30".into(),
        objectives: Some("Intergovernmental commission on trade, economic, scientific and technical cooperation. The report says November 2025 without exact dates, so the whole month is recorded.".into()),
        security_level: SecurityLevel::Standard,
        security_notes: None,
        outcome_summary: Some(format!("A rich cultural agenda; several agreements and MoUs were signed. {SOURCE}")),
    })?;
    let agreement = agreements::insert(w, AgreementInput {
        title: "Agreements and MoUs signed at the 10th Pakistan–Russia Intergovernmental Commission".into(),
        kind: AgreementKind::Mou,
        status: AgreementStatus::Signed,
        signed_on: None,
        signed_place: Some("Islamabad".into()),
        signed_visit_id: Some(visit.id.clone()),
        effective_on: None,
        expires_on: None,
        renewal_notice_days: None,
        value_amount: None,
        value_currency: None,
        summary: Some(format!("The ambassador reported that several agreements and MoUs were signed; the report names none of them individually, so they are recorded together until their texts are on file. {SOURCE}")),
        sector_ids: sector_ids(w, &["trade_facilitation"])?,
        parties: vec![
            PartyInput { organization_id: org.pakistan.clone(), signatory_person_id: None },
            PartyInput { organization_id: org.russia.clone(), signatory_person_id: None },
        ],
    })?;
    Ok(agreement.id)
}

fn follow_ups(
    w: &Writer<'_>,
    org: &Org,
    visit: &crate::ids::VisitId,
    commission_agreement: &crate::ids::AgreementId,
) -> CoreResult<()> {
    let action = |title: &str, details: &str, priority: Priority, organization: &OrganizationId| ActionInput {
        title: title.into(),
        details: Some(format!("{details} {SOURCE}")),
        owner_person_id: None,
        due_on: None,
        priority,
        status: ActionStatus::Open,
        visit_id: Some(visit.clone()),
        agreement_id: None,
        organization_id: Some(organization.clone()),
        person_id: None,
    };
    actions::insert(w, action("Prepare for the visit of a Russian business delegation to Pakistan", "The ambassador announced that a delegation of Russian businessmen will visit Pakistan to open direct cooperation between the business communities.", Priority::High, &org.embassy))?;
    actions::insert(w, action("Invite Sialkot universities to join the Russian-language programmes", "Russia works with the universities of Okara, Faisalabad and Peshawar and has started programmes at Punjab University; the ambassador urged Sialkot's universities to join.", Priority::Normal, &org.embassy))?;
    actions::insert(
        w,
        action(
            "Explore joint ventures with Russian counterparts",
            "Sectors named: energy, agriculture, pharmaceuticals, engineering goods and information technology.",
            Priority::Normal,
            &org.scci,
        ),
    )?;
    actions::insert(w, ActionInput {
        agreement_id: Some(commission_agreement.clone()),
        ..action("Work on removing barriers to Pakistan–Russia trade", "Trade has grown over the last 10 to 15 years and crossed $1 billion in 2023; the ambassador said it could double if trade barriers were removed.", Priority::High, &org.scci)
    })?;
    Ok(())
}
