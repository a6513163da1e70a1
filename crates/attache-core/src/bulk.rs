//! A realistic dataset at a chosen scale, for benchmarks and for trying the UI at volume.
//! It writes straight through SQL in one transaction and no audit entries: it is test data,
//! not user work.

use rusqlite::params;

use crate::error::CoreResult;
use crate::ids::*;
use crate::record::now;
use crate::store::Store;

#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub organizations: usize,
    pub people: usize,
    pub venues: usize,
    pub visits: usize,
    pub engagements: usize,
    pub participants_per_visit: usize,
    pub agreements: usize,
    pub actions: usize,
}

impl Scale {
    /// The scale the speed targets are set for.
    pub const FULL: Scale = Scale {
        organizations: 20_000,
        people: 100_000,
        venues: 2_000,
        visits: 10_000,
        engagements: 100_000,
        participants_per_visit: 8,
        agreements: 5_000,
        actions: 200_000,
    };

    /// A tenth of everything, for a quick run.
    pub fn fraction(self, divisor: usize) -> Scale {
        let d = |n: usize| (n / divisor).max(1);
        Scale {
            organizations: d(self.organizations),
            people: d(self.people),
            venues: d(self.venues),
            visits: d(self.visits),
            engagements: d(self.engagements),
            participants_per_visit: self.participants_per_visit,
            agreements: d(self.agreements),
            actions: d(self.actions),
        }
    }
}

/// A small deterministic generator (xorshift), so every run builds the same dataset.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "Albert", "Denis", "Sergey", "Anton", "Almas", "Salman", "Ayesha", "Fatima", "Irina", "Olga", "Bilal", "Hamza",
    "Maria", "Omar", "Elena", "Zainab", "Dmitry", "Sana", "Yusuf", "Natalia",
];
const FAMILY: &[&str] = &[
    "Khorev",
    "Nevzorov",
    "Chekalin",
    "Vereshchagin",
    "Naqvi",
    "Sheikh",
    "Mazhar",
    "Arshad",
    "Ivanova",
    "Petrov",
    "Qureshi",
    "Malik",
    "Butt",
    "Smirnov",
    "Kuznetsova",
    "Chaudhry",
    "Rana",
    "Volkov",
    "Aslam",
    "Sokolova",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Sialkot", "PK", "Asia/Karachi"),
    ("Lahore", "PK", "Asia/Karachi"),
    ("Karachi", "PK", "Asia/Karachi"),
    ("Islamabad", "PK", "Asia/Karachi"),
    ("Moscow", "RU", "Europe/Moscow"),
    ("Kazan", "RU", "Europe/Moscow"),
    ("Yekaterinburg", "RU", "Asia/Yekaterinburg"),
    ("Dubai", "AE", "Asia/Dubai"),
    ("Berlin", "DE", "Europe/Berlin"),
    ("Tashkent", "UZ", "Asia/Tashkent"),
];
const ORG_KINDS: &[&str] =
    &["chamber", "embassy", "ministry", "company", "university", "association", "media", "other"];
const VISIT_STATUS: &[&str] = &["draft", "planned", "confirmed", "in_progress", "completed", "cancelled"];
const ACTION_STATUS: &[&str] = &["open", "in_progress", "blocked", "done", "dropped"];
const PRIORITY: &[&str] = &["low", "normal", "high", "urgent"];
const ENGAGEMENT_KIND: &[&str] =
    &["meeting", "site_visit", "meal", "ceremony", "signing", "transfer", "press", "free_time"];

fn date(day: usize) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    (base + chrono::Duration::days(day as i64)).to_string()
}

/// Fills an empty store with a dataset of `scale`.
pub fn generate(store: &mut Store, scale: Scale) -> CoreResult<()> {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let at = now();
    store.write(|w| {
        let mut orgs = Vec::with_capacity(scale.organizations);
        let mut stmt = w.prepare("INSERT INTO organizations (id, name, kind, country, city, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")?;
        for i in 0..scale.organizations {
            let id = OrganizationId::new();
            let (city, country, _) = *dice.pick(CITIES);
            stmt.execute(params![id, format!("{} {} Trading Co. {i}", city, dice.pick(FAMILY)), dice.pick(ORG_KINDS), country, city, at])?;
            orgs.push(id);
        }
        let mut people = Vec::with_capacity(scale.people);
        let mut stmt = w.prepare(
            "INSERT INTO people (id, given_name, family_name, position, organization_id, country, email, protocol_rank, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        )?;
        for i in 0..scale.people {
            let id = PersonId::new();
            let (given, family) = (*dice.pick(GIVEN), *dice.pick(FAMILY));
            let (_, country, _) = *dice.pick(CITIES);
            let rank = dice.below(100) as i64;
            stmt.execute(params![id, given, format!("{family}{}", i % 97), "Director", dice.pick(&orgs), country, format!("{}.{}{i}@example.org", given.to_lowercase(), family.to_lowercase()), rank, at])?;
            people.push(id);
        }
        let mut venues = Vec::with_capacity(scale.venues);
        let mut stmt = w.prepare("INSERT INTO venues (id, name, city, country, capacity, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")?;
        for i in 0..scale.venues {
            let id = VenueId::new();
            let (city, country, _) = *dice.pick(CITIES);
            stmt.execute(params![id, format!("{city} Hall {i}"), city, country, 50 + dice.below(500) as i64, at])?;
            venues.push(id);
        }
        let mut visits = Vec::with_capacity(scale.visits);
        let mut stmt = w.prepare(
            "INSERT INTO visits (id, title, direction, status, host_organization_id, guest_organization_id, city, country, time_zone,
             start_date, end_date, security_level, created_at, updated_at)
             VALUES (?1, ?2, 'incoming', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'standard', ?11, ?11)",
        )?;
        for i in 0..scale.visits {
            let id = VisitId::new();
            let (city, country, zone) = *dice.pick(CITIES);
            let start = dice.below(2000);
            stmt.execute(params![id, format!("Trade delegation to {city} #{i}"), dice.pick(VISIT_STATUS), dice.pick(&orgs), dice.pick(&orgs), city, country, zone, date(start), date(start + dice.below(5)), at])?;
            visits.push((id, start));
        }
        let mut stmt = w.prepare(
            "INSERT INTO engagements (id, visit_id, title, kind, starts_at, ends_at, venue_id, responsible_person_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        )?;
        for i in 0..scale.engagements {
            let (visit, start) = dice.pick(&visits);
            let hour = 8 + dice.below(10);
            let day = date(*start);
            stmt.execute(params![EngagementId::new(), visit, format!("Programme item {i}"), dice.pick(ENGAGEMENT_KIND), format!("{day}T{hour:02}:00:00Z"), format!("{day}T{:02}:00:00Z", hour + 1), dice.pick(&venues), dice.pick(&people), at])?;
        }
        let mut stmt = w.prepare(
            "INSERT OR IGNORE INTO participants (id, visit_id, person_id, side, role, rsvp, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'guest', 'member', 'accepted', ?4, ?4)",
        )?;
        for (visit, _) in &visits {
            for _ in 0..scale.participants_per_visit {
                stmt.execute(params![ParticipantId::new(), visit, dice.pick(&people), at])?;
            }
        }
        let mut agreements = Vec::with_capacity(scale.agreements);
        let mut stmt = w.prepare(
            "INSERT INTO agreements (id, title, kind, status, signed_on, expires_on, created_at, updated_at)
             VALUES (?1, ?2, 'mou', 'signed', ?3, ?4, ?5, ?5)",
        )?;
        let mut party = w.prepare("INSERT INTO agreement_parties (agreement_id, position, organization_id) VALUES (?1, ?2, ?3)")?;
        for i in 0..scale.agreements {
            let id = AgreementId::new();
            let signed = dice.below(1500);
            stmt.execute(params![id, format!("Memorandum of understanding {i}"), date(signed), date(signed + 1825), at])?;
            party.execute(params![id, 0, dice.pick(&orgs)])?;
            party.execute(params![id, 1, dice.pick(&orgs)])?;
            agreements.push(id);
        }
        let mut stmt = w.prepare(
            "INSERT INTO actions (id, title, owner_person_id, due_on, priority, status, visit_id, agreement_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        )?;
        for i in 0..scale.actions {
            let agreement = (i % 10 == 0).then(|| dice.pick(&agreements).clone());
            stmt.execute(params![ActionId::new(), format!("Follow up on item {i}"), dice.pick(&people), date(dice.below(2000)), dice.pick(PRIORITY), dice.pick(ACTION_STATUS), dice.pick(&visits).0, agreement, at])?;
        }
        Ok(())
    })?;
    store.conn().execute_batch("ANALYZE")?;
    Ok(())
}
