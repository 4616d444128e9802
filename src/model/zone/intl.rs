//! Named zones in the browser: `Intl.DateTimeFormat` knows every IANA zone and its daylight
//! saving, so the wasm ships no tz data. One formatter per zone (`timeZoneName: "longOffset"`)
//! is kept; an offset is read from the `GMT-07:00` part it writes for an instant
//! ([`super::parse_gmt_offset`], tested natively).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static FORMATS: RefCell<HashMap<String, Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
    /// Offsets already asked for, by zone and quarter hour (every transition since 1970 falls on
    /// one); cleared when it grows, so a long history cannot make it grow without bound.
    static OFFSETS: RefCell<HashMap<(usize, i64), i32>> = RefCell::new(HashMap::new());
}

/// A formatter for the zone; `None` when the browser does not know it (the constructor throws
/// a RangeError, caught here).
fn formatter(name: &str) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    Reflect::set(&options, &"timeZone".into(), &name.into()).ok()?;
    Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?;
    let args = Array::of2(&"en-US".into(), &options);
    let made = Reflect::construct(ctor.dyn_ref::<js_sys::Function>()?, &args).ok()?;
    Some(made.unchecked_into())
}

/// The canonical name of a zone the browser knows (`resolvedOptions().timeZone`).
pub fn canonical(name: &str) -> Option<String> {
    let dtf = formatter(name)?;
    let resolved = dtf.resolved_options();
    let canonical = Reflect::get(&resolved, &"timeZone".into())
        .ok()?
        .as_string()?;
    FORMATS.with(|f| f.borrow_mut().insert(canonical.clone(), dtf));
    Some(canonical)
}

/// The offset east of UTC in seconds at an instant, for a name `canonical` accepted.
pub fn offset_seconds(name: &'static str, unix_secs: i64) -> Option<i32> {
    let key = (name.as_ptr() as usize, unix_secs.div_euclid(900));
    if let Some(o) = OFFSETS.with(|c| c.borrow().get(&key).copied()) {
        return Some(o);
    }
    let offset = FORMATS.with(|f| {
        let mut f = f.borrow_mut();
        if !f.contains_key(name) {
            f.insert(name.to_string(), formatter(name)?);
        }
        let dtf = f.get(name)?;
        let date = Date::new(&JsValue::from_f64(unix_secs as f64 * 1000.0));
        let parts = dtf.format_to_parts(&date);
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            (kind == "timeZoneName")
                .then(|| Reflect::get(&part, &"value".into()).ok()?.as_string())
                .flatten()
                .and_then(|v| super::parse_gmt_offset(&v))
        })
    })?;
    OFFSETS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 50_000 {
            c.clear();
        }
        c.insert(key, offset);
    });
    Some(offset)
}
