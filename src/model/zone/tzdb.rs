//! Named zones natively: the tz database bundled with `jiff` (the same data on every machine,
//! whatever the system has installed), for tests, the CLI and server-side rendering.

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Zones already looked up, by canonical name.
static ZONES: Mutex<Option<HashMap<String, TimeZone>>> = Mutex::new(None);

/// The canonical name of a zone the database knows; `None` otherwise. `Etc/Unknown` is
/// the database's word for "no zone", not a zone.
pub fn canonical(name: &str) -> Option<String> {
    let tz = jiff::tz::db().get(name).ok()?;
    let canonical = tz.iana_name()?.to_string();
    if canonical.eq_ignore_ascii_case("Etc/Unknown") {
        return None;
    }
    let mut zones = ZONES.lock().unwrap_or_else(|e| e.into_inner());
    zones
        .get_or_insert_with(HashMap::new)
        .insert(canonical.clone(), tz);
    Some(canonical)
}

/// The offset east of UTC in seconds at an instant, for a name `canonical` accepted.
pub fn offset_seconds(name: &str, unix_secs: i64) -> Option<i32> {
    let at = Timestamp::from_second(unix_secs).ok()?;
    let mut zones = ZONES.lock().unwrap_or_else(|e| e.into_inner());
    let zones = zones.get_or_insert_with(HashMap::new);
    if !zones.contains_key(name) {
        zones.insert(name.to_string(), jiff::tz::db().get(name).ok()?);
    }
    Some(zones.get(name)?.to_offset(at).seconds())
}
