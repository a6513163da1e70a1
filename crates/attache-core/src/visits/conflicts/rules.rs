//! The conflict rules, over programme items already loaded: no SQL here, so each rule is
//! tested on its own. A conflict is reported only when one of its items is in focus (the visit
//! being checked, the item being edited, the next 30 days).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::kernel::ids::{EngagementId, PersonId, VehicleId, VenueId, VisitId};
use crate::kernel::local_time;
use crate::visits::participants::Rsvp;
use crate::visits::travel;

use super::{ConflictKind, Subject};

/// A programme item as the rules see it.
#[derive(Debug, Clone)]
pub struct Slot {
    pub id: EngagementId,
    pub visit_id: VisitId,
    pub visit_title: String,
    pub time_zone: String,
    pub visit_start: String,
    pub visit_end: String,
    /// The visit's minutes between venues.
    pub buffer: i64,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub venue_id: Option<VenueId>,
    pub venue_name: Option<String>,
    pub vehicle_id: Option<VehicleId>,
    pub vehicle_label: Option<String>,
}

/// Whether an attendee is there: their place in the item's visit.
#[derive(Debug, Clone)]
pub struct Presence {
    pub rsvp: Rsvp,
    pub arrival: Option<DateTime<Utc>>,
    pub departure: Option<DateTime<Utc>>,
}

/// One conflict found, before it is named and looked up for an acknowledgement.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: ConflictKind,
    pub subject: Option<Subject>,
    pub first: EngagementId,
    pub second: Option<EngagementId>,
    pub minutes_available: Option<i64>,
    pub minutes_needed: Option<i64>,
}

pub struct Rules<'a> {
    pub focus: &'a HashSet<EngagementId>,
    pub slots: &'a HashMap<EngagementId, Slot>,
    /// Every item each person, venue and vehicle is booked for, in focus or not.
    pub bookings: &'a HashMap<Subject, Vec<EngagementId>>,
    pub travel: &'a HashMap<(VenueId, VenueId), i64>,
    /// (item, attendee) → presence in the item's visit, for the items in focus.
    pub presence: &'a HashMap<(EngagementId, PersonId), Presence>,
}

impl Rules<'_> {
    pub fn run(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for (subject, items) in self.bookings {
            let mut items: Vec<&Slot> = items.iter().filter_map(|id| self.slots.get(id)).collect();
            items.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
            items.dedup_by(|a, b| a.id == b.id);
            self.double_bookings(subject, &items, &mut found);
            if !matches!(subject, Subject::Venue(_)) {
                self.travel_gaps(subject, &items, &mut found);
            }
        }
        self.outside_dates(&mut found);
        self.absent_attendees(&mut found);
        found
    }

    fn in_focus(&self, a: &Slot, b: &Slot) -> bool {
        self.focus.contains(&a.id) || self.focus.contains(&b.id)
    }

    /// Two items of the same person, venue or vehicle that overlap in time (touching is fine).
    fn double_bookings(&self, subject: &Subject, items: &[&Slot], found: &mut Vec<Found>) {
        let kind = match subject {
            Subject::Person(_) => ConflictKind::PersonDoubleBooked,
            Subject::Venue(_) => ConflictKind::VenueDoubleBooked,
            Subject::Vehicle(_) => ConflictKind::VehicleDoubleBooked,
        };
        for (i, a) in items.iter().enumerate() {
            for b in items[i + 1..].iter().take_while(|b| b.start < a.end) {
                if self.in_focus(a, b) {
                    found.push(Found {
                        kind,
                        subject: Some(subject.clone()),
                        first: a.id.clone(),
                        second: Some(b.id.clone()),
                        minutes_available: None,
                        minutes_needed: None,
                    });
                }
            }
        }
    }

    /// A person or a vehicle that has to get from one venue to another in less time than the
    /// pair's travel time, or else the visits' buffer (the larger of the two visits').
    fn travel_gaps(&self, subject: &Subject, items: &[&Slot], found: &mut Vec<Found>) {
        for pair in items.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (Some(from), Some(to)) = (&a.venue_id, &b.venue_id) else { continue };
            if from == to || b.start < a.end || !self.in_focus(a, b) {
                continue;
            }
            let (x, y) = travel::ordered(from, to);
            let needed = self.travel.get(&(x.clone(), y.clone())).copied().unwrap_or(a.buffer.max(b.buffer));
            let available = (b.start - a.end).num_minutes();
            if available < needed {
                found.push(Found {
                    kind: ConflictKind::TooLittleTravelTime,
                    subject: Some(subject.clone()),
                    first: a.id.clone(),
                    second: Some(b.id.clone()),
                    minutes_available: Some(available),
                    minutes_needed: Some(needed),
                });
            }
        }
    }

    /// An item that starts before its visit's first day or ends after its last, in the
    /// visit's own time zone (an item ending at midnight ends on the day before).
    fn outside_dates(&self, found: &mut Vec<Found>) {
        for id in self.focus {
            let Some(slot) = self.slots.get(id) else { continue };
            let zone = local_time::zone_or_utc(&slot.time_zone);
            let first_day = slot.start.with_timezone(&zone).date_naive().to_string();
            let last_moment = slot.end - chrono::Duration::seconds(1);
            let last_day = last_moment.max(slot.start).with_timezone(&zone).date_naive().to_string();
            if first_day < slot.visit_start || last_day > slot.visit_end {
                found.push(single(ConflictKind::OutsideVisitDates, None, id));
            }
        }
    }

    /// An attendee who declined, arrives after the item starts or leaves before it ends.
    fn absent_attendees(&self, found: &mut Vec<Found>) {
        for ((item, person), presence) in self.presence {
            let Some(slot) = self.slots.get(item) else { continue };
            let kind = if presence.rsvp == Rsvp::Declined {
                ConflictKind::AttendeeDeclined
            } else if presence.arrival.is_some_and(|at| at > slot.start) {
                ConflictKind::AttendeeNotYetArrived
            } else if presence.departure.is_some_and(|at| at < slot.end) {
                ConflictKind::AttendeeAlreadyLeft
            } else {
                continue;
            };
            found.push(single(kind, Some(Subject::Person(person.clone())), item));
        }
    }
}

fn single(kind: ConflictKind, subject: Option<Subject>, item: &EngagementId) -> Found {
    Found { kind, subject, first: item.clone(), second: None, minutes_available: None, minutes_needed: None }
}
