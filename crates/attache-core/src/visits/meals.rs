//! Meals and special needs: for each meal of a visit's programme, who eats there (the item's
//! attendees, or everyone taking part who has not declined), what each needs (their person
//! record's dietary and access needs, or what the office has said for this meal), and the
//! counts a caterer works from. A need nobody has written down is *not known*, never taken for
//! "none": the office is warned, by name, so it can ask before the caterer's sheet goes out.
//!
//! Needs are free text ("Halal", "vegetarian, no nuts"). Counts group the same words whatever
//! their case or surrounding spaces; "none", "no", "нет", "کوئی نہیں" or a dash say there is
//! nothing special.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, PersonId, VisitId};
use crate::kernel::listing::every;
use crate::kernel::record::{self, now, RecordKind};
use crate::kernel::validate;
use crate::store::{Store, Writer};
use crate::visits::dossier::sorted;
use crate::visits::engagements::{self, Engagement, EngagementKind, EngagementQuery};
use crate::visits::participants::Side;
use crate::visits::seating::{self, Guest};

/// Words that say a person needs nothing special, in the three languages of the app.
const NOTHING: &[&str] = &["none", "no", "nothing", "n/a", "-", "—", "нет", "ничего", "کوئی نہیں", "نہیں"];

/// What one attendee needs at one meal, as the office has said it for that meal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NeedsOverride {
    pub dietary: Option<String>,
    pub access: Option<String>,
}

/// One attendee of a meal and what they need there.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Diner {
    pub person_id: PersonId,
    pub name: String,
    pub native_name: Option<String>,
    pub side: Side,
    /// What they eat at this meal: said for it, else their record's; `None`: not known.
    pub dietary: Option<String>,
    pub access: Option<String>,
    /// What their person record says, for the window to show beside a change for this meal.
    pub record_dietary: Option<String>,
    pub record_access: Option<String>,
    /// Said for this meal, not taken from the record.
    pub overridden: bool,
}

/// How many attendees share one need ("Halal": 5), and who they are.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NeedCount {
    pub need: String,
    pub count: u32,
    pub names: Vec<String>,
}

/// A meal with its attendees' needs counted.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Meal {
    pub engagement_id: EngagementId,
    pub title: String,
    pub starts_local: String,
    pub ends_local: String,
    pub venue_name: Option<String>,
    pub diners: Vec<Diner>,
    /// Special dietary needs, most shared first.
    pub dietary: Vec<NeedCount>,
    /// Attendees who said they need nothing special to eat.
    pub no_dietary_needs: u32,
    /// Attendees whose dietary needs nobody has written down.
    pub dietary_unknown: Vec<String>,
    pub access: Vec<NeedCount>,
}

/// The meals of a visit's programme (items of kind meal), in time order.
pub fn of_visit(conn: &Connection, visit: &VisitId) -> CoreResult<Vec<Meal>> {
    let query = EngagementQuery { visit_id: Some(visit.clone()), ..Default::default() };
    let items = every(&sorted("startsAt"), |list| engagements::list(conn, &EngagementQuery { list, ..query.clone() }))?;
    items.iter().filter(|e| e.kind == EngagementKind::Meal).map(|e| counted(conn, e)).collect()
}

/// One meal (any programme item can be read as one: a reception kept as a ceremony).
pub fn of_item(conn: &Connection, id: &EngagementId) -> CoreResult<Meal> {
    counted(conn, &engagements::get(conn, id)?)
}

/// Says what `person` needs at this meal; both `None` goes back to their person record.
pub fn set_needs(store: &mut Store, id: &EngagementId, person: &PersonId, needs: NeedsOverride) -> CoreResult<Meal> {
    store.write(|w| {
        let engagement = engagements::get(w, id)?;
        record::refuse_deleted(RecordKind::Engagement, &engagement.deleted_at)?;
        if !seating::guests(w, &engagement)?.iter().any(|g| &g.person_id == person) {
            return Err(CoreError::invalid(
                "personId",
                Reason::NotAGuest,
                format!("{person} does not attend this item"),
            ));
        }
        let needs = NeedsOverride {
            dietary: validate::line("dietary", "Dietary needs", needs.dietary)?,
            access: validate::line("access", "Access needs", needs.access)?,
        };
        let mut all = stored(w, id)?;
        if needs == NeedsOverride::default() {
            all.remove(person.as_str());
        } else {
            all.insert(person.to_string(), needs);
        }
        write(w, id, &all)?;
        counted(w, &engagement)
    })
}

fn counted(conn: &Connection, engagement: &Engagement) -> CoreResult<Meal> {
    let guests = seating::guests(conn, engagement)?;
    let said = stored(conn, &engagement.id)?;
    let diners = guests.into_iter().map(|g| diner(conn, g, &said)).collect::<CoreResult<Vec<_>>>()?;
    let (dietary, no_dietary_needs, dietary_unknown) = counts(&diners, |d| d.dietary.as_deref());
    let (access, _, _) = counts(&diners, |d| d.access.as_deref());
    Ok(Meal {
        engagement_id: engagement.id.clone(),
        title: engagement.title.clone(),
        starts_local: engagement.starts_local.clone(),
        ends_local: engagement.ends_local.clone(),
        venue_name: engagement.venue_name.clone(),
        diners,
        dietary,
        no_dietary_needs,
        dietary_unknown,
        access,
    })
}

fn diner(conn: &Connection, guest: Guest, said: &BTreeMap<String, NeedsOverride>) -> CoreResult<Diner> {
    let (record_dietary, record_access): (Option<String>, Option<String>) = conn
        .prepare_cached("SELECT dietary_needs, access_needs FROM people WHERE id = ?1")?
        .query_row([&guest.person_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_default();
    let here = said.get(guest.person_id.as_str());
    let chosen = |meal: Option<&Option<String>>, record: &Option<String>| match meal {
        Some(Some(text)) => Some(text.clone()),
        _ => record.clone().filter(|t| !t.trim().is_empty()),
    };
    Ok(Diner {
        dietary: chosen(here.map(|h| &h.dietary), &record_dietary),
        access: chosen(here.map(|h| &h.access), &record_access),
        overridden: here.is_some(),
        person_id: guest.person_id,
        name: guest.name,
        native_name: guest.native_name,
        side: guest.side,
        record_dietary,
        record_access,
    })
}

/// The special needs counted (most shared first, then by name), how many need nothing, and
/// who has no need written down.
fn counts(diners: &[Diner], need: impl Fn(&Diner) -> Option<&str>) -> (Vec<NeedCount>, u32, Vec<String>) {
    let mut groups: BTreeMap<String, NeedCount> = BTreeMap::new();
    let (mut nothing, mut unknown) = (0, Vec::new());
    for diner in diners {
        let Some(text) = need(diner).map(str::trim).filter(|t| !t.is_empty()) else {
            unknown.push(diner.name.clone());
            continue;
        };
        let key = text.to_lowercase();
        if NOTHING.contains(&key.as_str()) {
            nothing += 1;
            continue;
        }
        let group =
            groups.entry(key).or_insert_with(|| NeedCount { need: text.to_owned(), count: 0, names: Vec::new() });
        group.count += 1;
        group.names.push(diner.name.clone());
    }
    let mut counted: Vec<NeedCount> = groups.into_values().collect();
    counted.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.need.to_lowercase().cmp(&b.need.to_lowercase())));
    (counted, nothing, unknown)
}

fn stored(conn: &Connection, id: &EngagementId) -> CoreResult<BTreeMap<String, NeedsOverride>> {
    let json: Option<String> = conn
        .prepare_cached("SELECT meal_needs FROM engagements WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    // What no longer reads (written by a newer Attaché, say) counts as nothing said.
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default())
}

fn write(w: &Writer<'_>, id: &EngagementId, all: &BTreeMap<String, NeedsOverride>) -> CoreResult<()> {
    let snapshot = audit::snapshot(w, RecordKind::Engagement, id.as_str())?;
    let json = (!all.is_empty()).then(|| serde_json::to_string(all).unwrap_or_default());
    w.execute(
        "UPDATE engagements SET meal_needs = ?2, updated_at = ?3 WHERE id = ?1",
        rusqlite::params![id, json, now()],
    )?;
    audit::changed(w, RecordKind::Engagement, id.as_str(), Some(snapshot))
}
