//! Record versions that order edits across machines: a hybrid logical clock (HLC).
//!
//! Every change to a record stamps it with the next version of this desktop's clock. A version
//! is text, `<milliseconds since 1970, 15 digits>.<counter, 5 digits>.<device id>`, so that
//! comparing two versions as strings orders them: by time, then by the counter that separates
//! edits within one millisecond (or made while the wall clock stood still or went backwards),
//! then by device, so two machines never produce the same version. Wall-clock `updated_at`
//! alone cannot do this: machines' clocks disagree, and a clock set back would make a newer
//! edit look older. When sharing arrives, a version received from another desktop moves this
//! clock forward past it ([`Clock::witness`]), so what is edited here afterwards orders after.

use std::cell::Cell;

/// The setting that holds this desktop's device id, made once per store (see migration 3).
pub const DEVICE_KEY: &str = "device.id";
/// The setting that holds the newest version given without an audit entry (migration 3 stamps
/// every existing row): the clock never resumes below it.
pub const FLOOR_KEY: &str = "clock.floor";
/// The counter's width is five digits; at this many edits in one millisecond it carries into
/// the milliseconds, so versions stay fixed-width and ordered as text.
const COUNTER_LIMIT: u32 = 100_000;

#[derive(Debug)]
pub struct Clock {
    device: String,
    /// The last version's physical part (ms) and counter.
    last: Cell<(i64, u32)>,
}

impl Clock {
    /// A clock for `device` that continues after `last_version` (the newest this store holds),
    /// so that versions keep growing across restarts even if the wall clock went back.
    pub fn resume(device: &str, last_version: Option<&str>) -> Clock {
        let last = last_version.and_then(parse).map_or((0, 0), |(ms, counter, _)| (ms, counter));
        Clock { device: device.to_owned(), last: Cell::new(last) }
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    /// The next version, later than every version this clock has given or witnessed.
    pub fn tick(&self) -> String {
        self.tick_at(chrono::Utc::now().timestamp_millis())
    }

    fn tick_at(&self, wall_ms: i64) -> String {
        let (ms, counter) = self.last.get();
        let next = match (wall_ms > ms, counter + 1) {
            (true, _) => (wall_ms, 0),
            (false, COUNTER_LIMIT) => (ms + 1, 0),
            (false, counter) => (ms, counter),
        };
        self.last.set(next);
        format(next.0, next.1, &self.device)
    }

    /// Moves the clock past a version made elsewhere.
    pub fn witness(&self, version: &str) {
        if let Some((ms, counter, _)) = parse(version) {
            if (ms, counter) > self.last.get() {
                self.last.set((ms, counter));
            }
        }
    }
}

fn format(ms: i64, counter: u32, device: &str) -> String {
    format!("{ms:015}.{counter:05}.{device}")
}

/// Splits a version into its parts; `None` for text that is not one.
pub fn parse(version: &str) -> Option<(i64, u32, &str)> {
    let mut parts = version.splitn(3, '.');
    let ms = parts.next()?.parse().ok()?;
    let counter = parts.next()?.parse().ok()?;
    Some((ms, counter, parts.next()?))
}

/// A new device id: 16 hex digits, the random half of a UUIDv7.
pub fn new_device_id() -> String {
    uuid::Uuid::now_v7().simple().to_string()[16..].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_grow_even_when_the_wall_clock_stands_still_or_goes_back() {
        let clock = Clock::resume("aaaa", None);
        let a = clock.tick_at(1_000);
        let b = clock.tick_at(1_000);
        let c = clock.tick_at(900);
        let d = clock.tick_at(1_001);
        assert_eq!(a, "000000000001000.00000.aaaa");
        assert!(a < b && b < c && c < d, "{a} {b} {c} {d}");
        assert_eq!(d, "000000000001001.00000.aaaa");
    }

    #[test]
    fn the_counter_carries_into_the_milliseconds_instead_of_growing_a_digit() {
        let clock = Clock::resume("aaaa", Some("000000000005000.99998.aaaa"));
        let last_in_the_ms = clock.tick_at(4_000);
        let carried = clock.tick_at(4_000);
        assert_eq!(last_in_the_ms, "000000000005000.99999.aaaa");
        assert_eq!(carried, "000000000005001.00000.aaaa");
        assert!(last_in_the_ms < carried);
    }

    #[test]
    fn a_resumed_clock_continues_after_the_last_version() {
        let clock = Clock::resume("bbbb", Some("000000000005000.00003.aaaa"));
        assert_eq!(clock.tick_at(4_000), "000000000005000.00004.bbbb");
    }

    #[test]
    fn a_witnessed_version_from_elsewhere_orders_before_the_next_edit() {
        let clock = Clock::resume("bbbb", None);
        clock.witness("000000000009000.00002.aaaa");
        let next = clock.tick_at(1_000);
        assert!(next.as_str() > "000000000009000.00002.aaaa", "{next}");
    }
}
