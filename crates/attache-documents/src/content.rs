//! What the brief, the run-sheet and the report print, as ready-written strings: dates in the
//! reader's language, statuses by their names, absent values as `null`. The templates only lay
//! these out; no sentence is composed in Typst.

use attache_core::actions::Action;
use attache_core::agreements::Agreement;
use attache_core::directory::organizations::Organization;
use attache_core::visits::dossier::{Dossier, DossierPerson, ProgrammeDay, ProgrammeEntry};
use attache_core::visits::participants::{Rsvp, Side};
use attache_core::visits::SecurityLevel;
use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::catalogue::{Catalogue, Lang};

/// The head every document shares: language, direction, phrases, title and date of making.
pub fn head(lang: Lang, document: &str, today: NaiveDate) -> Value {
    let words = Catalogue::of(lang);
    json!({
        "lang": lang.code(),
        "rtl": lang.right_to_left(),
        "words": words.phrases(),
        "document": words.word(document),
        "generated": format!("{} {}", words.word("generated"), words.date(today)),
    })
}

fn joined<'a>(parts: impl IntoIterator<Item = Option<&'a str>>, separator: &str) -> Option<String> {
    let parts: Vec<&str> = parts.into_iter().flatten().map(str::trim).filter(|p| !p.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(separator))
}

pub fn visit(words: &Catalogue, dossier: &Dossier) -> Value {
    let v = &dossier.visit;
    let dates = match (v.start_date.parse::<NaiveDate>(), v.end_date.parse::<NaiveDate>()) {
        (Ok(start), Ok(end)) => words.date_span(start, end),
        _ => format!("{} – {}", v.start_date, v.end_date),
    };
    let dates = if v.exact_dates_unknown { format!("{dates} ({})", words.word("exact_dates_unknown")) } else { dates };
    let outcome = match (&v.outcome_summary, v.outcome_waived) {
        (Some(text), _) if !text.trim().is_empty() => text.clone(),
        (_, true) => words.word("outcome_waived"),
        _ => words.word("no_outcome"),
    };
    json!({
        "title": v.title,
        "dates": dates,
        "place": joined([v.city.as_deref(), v.country.as_deref()], ", "),
        "direction": words.vocabulary("visit_direction", v.direction.as_str()),
        "status": words.vocabulary("visit_status", v.status.as_str()),
        "host": dossier.host_organization.as_ref().map(|o| &o.name),
        "guest": dossier.guest_organization.as_ref().map(|o| &o.name),
        "security": words.vocabulary("security_level", v.security_level.as_str()),
        "securityElevated": v.security_level != SecurityLevel::Standard,
        "securityNotes": v.security_notes,
        "objectives": v.objectives,
        "outcome": outcome,
        "timeNote": words.phrase("local_times", &[("zone", &v.time_zone)]),
    })
}

fn person(words: &Catalogue, number: usize, p: &DossierPerson) -> Value {
    json!({
        "n": number,
        "name": p.person.display_name,
        "native": p.person.native_name,
        "position": p.person.position,
        "organization": p.person.organization_name,
        "role": words.vocabulary("participant_role", p.participant.role.as_str()),
        "side": p.participant.side.as_str(),
        "rsvp": words.vocabulary("rsvp", p.participant.rsvp.as_str()),
        "declined": p.participant.rsvp == Rsvp::Declined,
        "bio": p.person.bio,
        "phone": p.person.phone,
        "checkedIn": p.checked_in_local.as_deref().map(|at| words.date_time(at)),
    })
}

/// The participants by side (guests, hosts, third parties), each side in precedence order,
/// numbered by their place in the whole order.
pub fn sides(words: &Catalogue, people: &[DossierPerson]) -> Value {
    let sides = [Side::Guest, Side::Host, Side::ThirdParty]
        .into_iter()
        .filter_map(|side| {
            let members: Vec<Value> = people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.participant.side == side)
                .map(|(i, p)| person(words, i + 1, p))
                .collect();
            (!members.is_empty())
                .then(|| json!({ "heading": words.vocabulary("participant_side", side.as_str()), "people": members }))
        })
        .collect::<Vec<_>>();
    Value::Array(sides)
}

pub fn everyone(words: &Catalogue, people: &[DossierPerson]) -> Value {
    Value::Array(people.iter().enumerate().map(|(i, p)| person(words, i + 1, p)).collect())
}

fn item(words: &Catalogue, entry: &ProgrammeEntry) -> Value {
    let e = &entry.engagement;
    let venue = entry.venue.as_ref();
    let vehicle = entry.vehicle.as_ref();
    json!({
        "time": format!("{}–{}", Catalogue::clock(&e.starts_local), Catalogue::clock(&e.ends_local)),
        "title": e.title,
        "kind": words.vocabulary("engagement_kind", e.kind.as_str()),
        "venue": e.venue_name,
        "address": venue.and_then(|v| joined([v.address.as_deref(), v.city.as_deref()], ", ")),
        "venueContact": venue.and_then(|v| v.contact.clone()),
        "vehicle": vehicle.and_then(|v| joined([Some(v.label.as_str()), v.registration.as_deref()], " · ")),
        "driver": vehicle.and_then(|v| joined([v.driver.as_deref(), v.phone.as_deref()], " · ")),
        "responsible": joined([e.responsible_person_name.as_deref(), e.responsible_person_native_name.as_deref()], " · "),
        "responsiblePhone": entry.responsible_phone,
        "attendees": joined(entry.attendees.iter().map(|a| Some(a.as_str())), ", "),
        "security": e.security_notes,
        "notes": e.notes,
    })
}

pub fn day(words: &Catalogue, day: &ProgrammeDay) -> Value {
    let heading = day.date.parse::<NaiveDate>().map_or_else(|_| day.date.clone(), |d| words.day_heading(d));
    json!({ "heading": heading, "items": day.items.iter().map(|e| item(words, e)).collect::<Vec<_>>() })
}

/// The phone numbers a run-sheet lists for the day: who is responsible for each item, the
/// drivers and the venues' contacts, each once.
pub fn contacts(words: &Catalogue, day: &ProgrammeDay) -> Value {
    let mut seen = std::collections::HashSet::new();
    let mut contacts = Vec::new();
    let mut add = |who: Option<String>, what: String, phone: Option<String>| {
        if let (Some(who), Some(phone)) = (who, phone) {
            if seen.insert((who.clone(), phone.clone())) {
                contacts.push(json!({ "who": who, "what": what, "phone": phone }));
            }
        }
    };
    for entry in &day.items {
        let e = &entry.engagement;
        add(e.responsible_person_name.clone(), words.word("responsible"), entry.responsible_phone.clone());
        if let Some(v) = &entry.vehicle {
            add(
                v.driver.clone().or(Some(v.label.clone())),
                format!("{} · {}", words.word("driver"), v.label),
                v.phone.clone(),
            );
        }
        if let Some(v) = &entry.venue {
            add(Some(v.name.clone()), words.word("where"), v.contact.clone());
        }
    }
    Value::Array(contacts)
}

pub fn organization(words: &Catalogue, o: &Organization) -> Value {
    json!({
        "name": o.name,
        "native": o.native_name,
        "kind": words.vocabulary("organization_kind", o.kind.as_str()),
        "place": joined([o.city.as_deref(), o.country.as_deref()], ", "),
    })
}

pub fn agreement(words: &Catalogue, a: &Agreement) -> Value {
    let parties: Vec<String> = a
        .parties
        .iter()
        .map(|p| match &p.signatory_name {
            Some(who) => format!("{} ({who})", p.organization_name),
            None => p.organization_name.clone(),
        })
        .collect();
    json!({
        "title": a.title,
        "kind": words.vocabulary("agreement_kind", a.kind.as_str()),
        "status": words.vocabulary("agreement_status", a.status.as_str()),
        "signed": joined([a.signed_on.as_deref().map(|d| words.stored_date(d)).as_deref(), a.signed_place.as_deref()], ", "),
        "parties": joined(parties.iter().map(|p| Some(p.as_str())), "; "),
    })
}

pub fn action(words: &Catalogue, a: &Action) -> Value {
    json!({
        "title": a.title,
        "owner": joined([a.owner_name.as_deref(), a.owner_native_name.as_deref()], " · "),
        "due": a.due_on.as_deref().map(|d| words.stored_date(d)),
        "status": words.vocabulary("action_status", a.status.as_str()),
        "priority": words.vocabulary("action_priority", a.priority.as_str()),
        "overdue": a.overdue,
    })
}
