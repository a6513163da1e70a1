//! The gift register of a year as the template prints it: each gift with who gave it to whom,
//! at which visit, its value and what became of it, and the totals per direction and currency.

use attache_core::registers::gifts::{Gift, GiftRegister, GiftTotal};
use serde_json::{json, Value};

use crate::catalogue::Catalogue;

pub fn gift_register(words: &Catalogue, register: &GiftRegister) -> Value {
    let year = register.year.to_string();
    json!({
        "title": words.phrase("gift_register_of", &[("year", &year)]),
        "gifts": register.gifts.iter().enumerate().map(|(i, g)| gift(words, i + 1, g)).collect::<Vec<_>>(),
        "totals": register.totals.iter().map(|t| total(words, t)).collect::<Vec<_>>(),
    })
}

fn gift(words: &Catalogue, n: usize, g: &Gift) -> Value {
    json!({
        "n": n,
        "date": words.stored_date(&g.given_on),
        "description": g.description,
        "direction": words.vocabulary("gift_direction", g.direction.as_str()),
        "giver": side(g.giver_person_name.as_deref(), g.giver_organization_name.as_deref()),
        "receiver": side(g.receiver_person_name.as_deref(), g.receiver_organization_name.as_deref()),
        "occasion": g.visit_title,
        "item": g.engagement_title,
        "value": value(words, g.value_amount, g.value_currency.as_deref()),
        "disposition": words.vocabulary("gift_disposition", g.disposition.as_str()),
        "notes": g.notes,
    })
}

/// A person and their organization, one per line; either may be missing.
fn side(person: Option<&str>, organization: Option<&str>) -> Value {
    json!({ "person": person, "organization": organization })
}

fn value(words: &Catalogue, amount: Option<f64>, currency: Option<&str>) -> Option<String> {
    Some(words.money(amount?, currency.unwrap_or("")))
}

fn total(words: &Catalogue, t: &GiftTotal) -> Value {
    json!({
        "direction": words.vocabulary("gift_direction", t.direction.as_str()),
        "count": t.count.to_string(),
        "value": match &t.currency {
            Some(currency) => words.money(t.amount, currency),
            None => words.word("gift_no_value"),
        },
    })
}
