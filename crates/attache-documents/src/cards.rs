//! What badges, place cards and a seating plan print.

use attache_core::kernel::ids::PersonId;
use attache_core::visits::dossier::DossierPerson;
use attache_core::visits::participants::Rsvp;
use attache_core::visits::seating::{Seating, TableLayout};
use serde_json::{json, Value};

use crate::catalogue::Catalogue;

/// The people to print, in precedence order: those chosen, or everybody who has not declined.
pub fn chosen<'a>(people: &'a [DossierPerson], chosen: &[PersonId]) -> Vec<&'a DossierPerson> {
    people
        .iter()
        .filter(|p| {
            if chosen.is_empty() {
                p.participant.rsvp != Rsvp::Declined
            } else {
                chosen.contains(&p.participant.person_id)
            }
        })
        .collect()
}

pub fn badges(words: &Catalogue, people: &[&DossierPerson]) -> Value {
    Value::Array(
        people
            .iter()
            .map(|p| {
                let side = p.participant.side.as_str();
                json!({
                    "name": p.person.display_name,
                    "native": p.person.native_name,
                    "position": p.person.position,
                    "organization": p.person.organization_name,
                    "side": side,
                    "sideLabel": words.vocabulary("participant_side", side),
                })
            })
            .collect(),
    )
}

pub fn place_cards_in_precedence(people: &[&DossierPerson]) -> Value {
    Value::Array(
        people
            .iter()
            .map(|p| json!({ "name": p.person.display_name, "native": p.person.native_name, "seat": null }))
            .collect(),
    )
}

/// A card for each seated guest, table by table and seat by seat, as they are laid out.
pub fn place_cards_by_seat(words: &Catalogue, seating: &Seating, chosen: &[PersonId]) -> Value {
    let mut cards = Vec::new();
    for table in &seating.plan {
        for seat in &table.seats {
            let Some(guest) = &seat.guest else { continue };
            if !chosen.is_empty() && !chosen.contains(&guest.person_id) {
                continue;
            }
            let label = format!("{} {} · {} {}", words.word("table"), table.number, words.word("seat"), seat.number);
            cards.push(json!({ "name": guest.name, "native": guest.native_name, "seat": label }));
        }
    }
    Value::Array(cards)
}

pub fn seating(words: &Catalogue, seating: &Seating) -> Value {
    let tables: Vec<Value> = seating
        .plan
        .iter()
        .map(|t| {
            let seats: Vec<Value> = t
                .seats
                .iter()
                .map(|s| {
                    let mark = if s.honour {
                        Some(words.word("honour_seat"))
                    } else if s.head {
                        Some(words.word("head_seat"))
                    } else {
                        None
                    };
                    json!({
                        "number": s.number,
                        "name": s.guest.as_ref().map(|g| &g.name),
                        "native": s.guest.as_ref().and_then(|g| g.native_name.as_ref()),
                        "side": s.guest.as_ref().map_or("none", |g| g.side.as_str()),
                        "head": s.head,
                        "honour": s.honour,
                        "mark": mark,
                    })
                })
                .collect();
            json!({ "number": t.number, "seats": seats })
        })
        .collect();
    let seated = seating.plan.iter().flat_map(|t| &t.seats).filter(|s| s.guest.is_some()).count();
    let layout_name = match seating.layout {
        TableLayout::Long => words.word("long_table"),
        TableLayout::Rounds => words.word("round_tables"),
    };
    json!({
        "title": seating.engagement_title,
        "time": words.date_time(&seating.starts_local),
        "layout": seating.layout.as_str(),
        "layoutName": layout_name,
        "tables": tables,
        "guests": seated + seating.unseated.len(),
        "unseated": seating.unseated.iter().map(|g| &g.name).collect::<Vec<_>>(),
    })
}
