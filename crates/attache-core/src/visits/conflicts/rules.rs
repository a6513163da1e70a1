//! The conflict rules, over programme items already loaded: no SQL here, so each rule is
//! tested on its own. A conflict is reported only when one of its items is in focus (the visit
//! being checked, the item being edited, the next 30 days).

use chrono::{DateTime, Utc};

use crate::kernel::ids::{EngagementId, PersonId, VehicleId, VenueId, VisitId};
use crate::kernel::local_time;
use crate::visits::participants::Rsvp;
use crate::visits::travel;

use super::{ConflictKind, Subject};

/// The maps of a check: keyed by ids the store made, so a fast hash that does not resist
/// crafted keys is fine (the default one was a twentieth of a check).
pub type Map<K, V> = rustc_hash::FxHashMap<K, V>;

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
    pub vehicle_id: Option<VehicleId>,
}

/// Whether an attendee is there: their place in the item's visit.
#[derive(Debug, Clone)]
pub struct Presence {
    pub rsvp: Rsvp,
    pub arrival: Option<DateTime<Utc>>,
    pub departure: Option<DateTime<Utc>>,
}

/// One conflict found, before it is named and looked up for an acknowledgement. Its items
/// are places in the check's slots.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: ConflictKind,
    pub subject: Option<Subject>,
    pub first: usize,
    pub second: Option<usize>,
    pub minutes_available: Option<i64>,
    pub minutes_needed: Option<i64>,
}

pub struct Rules<'a> {
    /// The items, those in focus first.
    pub slots: &'a [Slot],
    /// How many of `slots` are in focus.
    pub in_focus: usize,
    /// Every item each person, venue and vehicle is booked for, in focus or not.
    pub bookings: &'a Map<Subject, Vec<usize>>,
    pub travel: &'a travel::Among,
    /// The attendees of the items in focus.
    pub attendees: &'a [(usize, PersonId)],
    /// Visit → participant → presence, for the visits in focus.
    pub presence: &'a Map<VisitId, Map<PersonId, Presence>>,
}

impl Rules<'_> {
    pub fn run(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let mut items = Vec::new();
        for (subject, booked) in self.bookings {
            items.clear();
            items.extend(booked.iter().copied());
            items.sort_by(|&a, &b| {
                (self.slots[a].start, &self.slots[a].id).cmp(&(self.slots[b].start, &self.slots[b].id))
            });
            items.dedup();
            self.double_bookings(subject, &items, &mut found);
            if !matches!(subject, Subject::Venue(_)) {
                self.travel_gaps(subject, &items, &mut found);
            }
        }
        self.outside_dates(&mut found);
        self.absent_attendees(&mut found);
        found
    }

    fn in_focus(&self, a: usize, b: usize) -> bool {
        a < self.in_focus || b < self.in_focus
    }

    /// Two items of the same person, venue or vehicle that overlap in time (touching is fine).
    fn double_bookings(&self, subject: &Subject, items: &[usize], found: &mut Vec<Found>) {
        let kind = match subject {
            Subject::Person(_) => ConflictKind::PersonDoubleBooked,
            Subject::Venue(_) => ConflictKind::VenueDoubleBooked,
            Subject::Vehicle(_) => ConflictKind::VehicleDoubleBooked,
        };
        for (i, &a) in items.iter().enumerate() {
            let end = self.slots[a].end;
            for &b in items[i + 1..].iter().take_while(|&&b| self.slots[b].start < end) {
                if self.in_focus(a, b) {
                    found.push(Found {
                        kind,
                        subject: Some(subject.clone()),
                        first: a,
                        second: Some(b),
                        minutes_available: None,
                        minutes_needed: None,
                    });
                }
            }
        }
    }

    /// A person or a vehicle that has to get from one venue to another in less time than the
    /// pair's travel time, or else the visits' buffer (the larger of the two visits').
    fn travel_gaps(&self, subject: &Subject, items: &[usize], found: &mut Vec<Found>) {
        for pair in items.windows(2) {
            if !self.in_focus(pair[0], pair[1]) {
                continue;
            }
            let (a, b) = (&self.slots[pair[0]], &self.slots[pair[1]]);
            let (Some(from), Some(to)) = (&a.venue_id, &b.venue_id) else { continue };
            if from == to || b.start < a.end {
                continue;
            }
            let (x, y) = travel::ordered(from, to);
            let own = self.travel.get(x).and_then(|to| to.get(y)).copied();
            let needed = own.unwrap_or(a.buffer.max(b.buffer));
            let available = (b.start - a.end).num_minutes();
            if available < needed {
                found.push(Found {
                    kind: ConflictKind::TooLittleTravelTime,
                    subject: Some(subject.clone()),
                    first: pair[0],
                    second: Some(pair[1]),
                    minutes_available: Some(available),
                    minutes_needed: Some(needed),
                });
            }
        }
    }

    /// An item that starts before its visit's first day or ends after its last, in the
    /// visit's own time zone (an item ending at midnight ends on the day before).
    fn outside_dates(&self, found: &mut Vec<Found>) {
        for (at, slot) in self.slots[..self.in_focus].iter().enumerate() {
            let zone = local_time::zone_or_utc(&slot.time_zone);
            let first_day = slot.start.with_timezone(&zone).date_naive().to_string();
            let last_moment = slot.end - chrono::Duration::seconds(1);
            let last_day = last_moment.max(slot.start).with_timezone(&zone).date_naive().to_string();
            if first_day < slot.visit_start || last_day > slot.visit_end {
                found.push(single(ConflictKind::OutsideVisitDates, None, at));
            }
        }
    }

    /// An attendee who declined, arrives after the item starts or leaves before it ends.
    fn absent_attendees(&self, found: &mut Vec<Found>) {
        for (at, person) in self.attendees {
            let slot = &self.slots[*at];
            // An attendee who is not a participant has no answer and no dates to check.
            let Some(presence) = self.presence.get(&slot.visit_id).and_then(|p| p.get(person)) else { continue };
            let kind = if presence.rsvp == Rsvp::Declined {
                ConflictKind::AttendeeDeclined
            } else if presence.arrival.is_some_and(|at| at > slot.start) {
                ConflictKind::AttendeeNotYetArrived
            } else if presence.departure.is_some_and(|at| at < slot.end) {
                ConflictKind::AttendeeAlreadyLeft
            } else {
                continue;
            };
            found.push(single(kind, Some(Subject::Person(person.clone())), *at));
        }
    }
}

fn single(kind: ConflictKind, subject: Option<Subject>, at: usize) -> Found {
    Found { kind, subject, first: at, second: None, minutes_available: None, minutes_needed: None }
}
