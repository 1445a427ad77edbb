//! Runs every shared vector file under `tests/vectors/` (the same files the Python and Kotlin bindings run).
//!
//! A file is `{"description", "source", "function", "cases": [{"description", "input", "expected"}]}`.
//! `expected` is matched as a JSON *subset* of the function's serialised output (see `tests/vectors/README.md`).
//! A file naming a function this runner does not know fails the test, so no vector is silently skipped.
#![cfg(test)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            vector_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// True when `expected` is a subset of `actual`: object keys recursively, arrays element-wise with equal length,
/// numbers within 1e-9.
fn subset(expected: &Value, actual: &Value, at: &str, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => subset(ev, av, &format!("{at}.{k}"), diffs),
                    None => diffs.push(format!("{at}.{k}: missing in actual")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!(
                    "{at}: expected {} items, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{at}[{i}]"), diffs);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            if (e - a).abs() > 1e-9 {
                diffs.push(format!("{at}: expected {e}, got {a}"));
            }
        }
        (e, a) if e == a => {}
        (e, a) => diffs.push(format!("{at}: expected {e}, got {a}")),
    }
}

/// Runs one case of `function`; returns the output as JSON (errors as `{"error": {...}}`).
fn run(function: &str, input: &Value) -> Result<Value, String> {
    match function {
        "case.validate" => Ok(case_validate(input)),
        "allocation.allocate" => allocation_allocate(input),
        "allocation.escalation" => allocation_escalation(input),
        "allocation.escalation_history" => allocation_escalation_history(input),
        "tier.calculate" => tier_calculate(input),
        "tier.calculate_2026" => tier_calculate_2026(input),
        "tier.both" => tier_both(input),
        "audit.audit" => audit_audit(input),
        "audit.timeline" => audit_timeline(input),
        "calendar.is_working_day"
        | "calendar.add_working_days"
        | "calendar.working_days_between"
        | "calendar.next_working_day"
        | "calendar.bank_holidays" => calendar_fn(function, input),
        "sentence.dates" => sentence_dates(input),
        "release.dates" => release_dates(input),
        "release.law" => release_law(input),
        "contact.schedule" | "contact.compliance" => contact_fn(function, input),
        "case.decode_validate_raw" => decode_validate_raw(input),
        "predictors.ogrs3" => predictor(input, probation_core::predictors::ogrs3, |e| {
            (e.kind(), e.field())
        }),
        "predictors.arp" => predictor(input, probation_core::predictors::arp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.dc_srp" => predictor(input, probation_core::predictors::dc_srp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.vrp" => predictor(input, probation_core::predictors::vrp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.svrp" => predictor(input, probation_core::predictors::svrp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.iic_srp" => predictor(input, probation_core::predictors::iic_srp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.csrp" => predictor(input, probation_core::predictors::csrp, |e| {
            (e.kind(), e.field())
        }),
        "predictors.case" => predictors_case(input),
        "records.tier_details" => records_tier_details(input),
        "records.tier_details_round_trip" => records_tier_details_round_trip(input),
        "records.code" => records_code(input),
        "records.community_api_round_trip" => records_community_api_round_trip(input),
        "records.community_api" => {
            records_case(input, probation_core::records::community_api_to_case)
        }
        "records.integration_api" => {
            records_case(input, probation_core::records::integration_api_to_case)
        }
        "records.recompute" => Ok(serde_json::to_value(probation_core::records::recompute_for(
            input["event_type"].as_str().ok_or("input.event_type")?,
        ))
        .unwrap()),
        "records.tier_changed_events" => records_tier_changed_events(input),
        "records.recompute_for_event" => {
            match probation_core::records::recompute_for_event(&record_text(input)) {
                Ok(r) => Ok(serde_json::to_value(r).unwrap()),
                Err(e) => record_error(input, &e),
            }
        }
        other => Err(format!("unknown function `{other}`")),
    }
}

/// A predictor over its own input struct: `input` is the struct's JSON; the output is the score's JSON or
/// `{"error": {"kind", "field"}}`.
fn predictor<I: serde::de::DeserializeOwned, T: serde::Serialize, E>(
    input: &Value,
    f: impl Fn(&I) -> Result<T, E>,
    err: impl Fn(&E) -> (&'static str, &'static str),
) -> Result<Value, String> {
    let i: I = serde_json::from_value(input.clone()).map_err(|e| format!("input: {e}"))?;
    Ok(match f(&i) {
        Ok(score) => serde_json::to_value(score).unwrap(),
        Err(e) => {
            let (kind, field) = err(&e);
            json!({"error": {"kind": kind, "field": field}})
        }
    })
}

/// `predictors(case, on)`: `{"case", "on"}` → `CasePredictors`, or `{"error": {"kind": "decode", "path"}}`.
fn predictors_case(input: &Value) -> Result<Value, String> {
    let on = date_field(input, "on")?;
    match probation_core::interchange::decode_case(&input["case"].to_string()) {
        Err(e) => Ok(json!({"error": {"kind": "decode", "path": e.path()}})),
        Ok(case) => {
            Ok(serde_json::to_value(probation_core::predictors::predictors(&case, on)).unwrap())
        }
    }
}

fn case_validate(input: &Value) -> Value {
    let text = input["case"].to_string();
    match probation_core::interchange::decode_case(&text) {
        Err(e) => json!({"error": {"kind": "decode", "path": e.path()}}),
        Ok(case) => match probation_core::validate::validate(&case) {
            Ok(()) => json!({"valid": true}),
            Err(errs) => json!({"valid": false, "issues": errs.0}),
        },
    }
}

fn date_field(input: &Value, key: &str) -> Result<chrono::NaiveDate, String> {
    input[key]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("input.{key} must be an ISO date"))
}

/// The calendar functions; `input.extra_holidays` (optional) is a list of ISO dates added to the calendar.
fn calendar_fn(function: &str, input: &Value) -> Result<Value, String> {
    use probation_core::calendar::{Calendar, CalendarError};
    let extra = match input.get("extra_holidays") {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .ok_or("input.extra_holidays must be a list")?
            .iter()
            .map(|d| d.as_str().and_then(|s| s.parse().ok()))
            .collect::<Option<Vec<chrono::NaiveDate>>>()
            .ok_or("input.extra_holidays must hold ISO dates")?,
    };
    let err = |e: CalendarError| json!({"error": {"kind": e.code()}});
    let cal = match Calendar::england_and_wales().with_extra_holidays(extra) {
        Ok(c) => c,
        Err(e) => return Ok(err(e)),
    };
    let out = match function {
        "calendar.is_working_day" => cal
            .is_working_day(date_field(input, "date")?)
            .map(|b| json!({"working_day": b})),
        "calendar.add_working_days" => {
            let n = input["n"]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or("input.n must be a u32")?;
            cal.add_working_days(date_field(input, "date")?, n)
                .map(|d| json!({"date": d}))
        }
        "calendar.working_days_between" => cal
            .working_days_between(date_field(input, "start")?, date_field(input, "end")?)
            .map(|n| json!({"days": n})),
        "calendar.next_working_day" => cal
            .next_working_day(date_field(input, "date")?)
            .map(|d| json!({"date": d})),
        _ => {
            let year = input["year"]
                .as_i64()
                .and_then(|y| i32::try_from(y).ok())
                .ok_or("input.year must be an i32")?;
            cal.bank_holidays(year).map(|h| json!({"holidays": h}))
        }
    };
    Ok(out.unwrap_or_else(err))
}

/// `sentence.dates`: `input.person` and `input.event` in the interchange format.
fn sentence_dates(input: &Value) -> Result<Value, String> {
    let person: probation_core::model::Person = serde_json::from_value(input["person"].clone())
        .map_err(|e| format!("input.person: {e}"))?;
    let event: probation_core::model::Event =
        serde_json::from_value(input["event"].clone()).map_err(|e| format!("input.event: {e}"))?;
    Ok(
        match probation_core::sentence::sentence_dates(&person, &event) {
            Ok(d) => serde_json::to_value(d).map_err(|e| e.to_string())?,
            Err(e) => json!({"error": {"kind": e.code(), "field": e.field()}}),
        },
    )
}

/// `release.dates`: `input.person`, `input.booking`, `input.on`, optional `input.options` (`ReleaseOptions`).
fn release_dates(input: &Value) -> Result<Value, String> {
    let person: probation_core::model::Person = serde_json::from_value(input["person"].clone())
        .map_err(|e| format!("input.person: {e}"))?;
    let booking: probation_core::model::Booking = serde_json::from_value(input["booking"].clone())
        .map_err(|e| format!("input.booking: {e}"))?;
    let on = date_field(input, "on")?;
    let options: probation_core::release::ReleaseOptions = match input.get("options") {
        Some(o) => serde_json::from_value(o.clone()).map_err(|e| format!("input.options: {e}"))?,
        None => probation_core::release::ReleaseOptions::default(),
    };
    let cal = probation_core::calendar::Calendar::england_and_wales();
    Ok(
        match probation_core::release::release_dates(&person, &booking, on, &options, &cal) {
            Ok(d) => serde_json::to_value(d).map_err(|e| e.to_string())?,
            Err(e) => json!({"error": {"kind": e.code(), "field": e.field()}}),
        },
    )
}

/// `release.law`: `input.as_at` → the `ReleaseLaw` as it stood on that date.
fn release_law(input: &Value) -> Result<Value, String> {
    let as_at = date_field(input, "as_at")?;
    serde_json::to_value(probation_core::release::ReleaseLaw::as_stood_on(as_at))
        .map_err(|e| e.to_string())
}

/// `case.decode_validate_raw` (tests/vectors/hostile/README.md): raw text, bytes or a generated repetition,
/// decoded and validated; every failure as `{"valid": false, "error": {"kind", "path", "rule"?}, "message"}`.
fn decode_validate_raw(input: &Value) -> Result<Value, String> {
    use probation_core::interchange::{DecodeError, decode_case, decode_case_bytes};
    let decoded = if let Some(text) = input.get("text") {
        decode_case(text.as_str().ok_or("`text` must be a string")?)
    } else if let Some(b64) = input.get("bytes_base64") {
        decode_case_bytes(&base64_decode(
            b64.as_str().ok_or("`bytes_base64` must be a string")?,
        )?)
    } else if let Some(g) = input.get("generate") {
        let part = |k: &str| {
            g[k].as_str()
                .ok_or(format!("`generate.{k}` must be a string"))
        };
        let count = g["count"]
            .as_u64()
            .ok_or("`generate.count` must be an integer")?;
        let mut text = part("prefix")?.to_owned();
        text.push_str(&part("repeat")?.repeat(usize::try_from(count).unwrap()));
        text.push_str(part("suffix")?);
        decode_case(&text)
    } else {
        return Err("input needs `text`, `bytes_base64` or `generate`".into());
    };
    let case = match decoded {
        Ok(case) => case,
        Err(e) => {
            let kind = match &e {
                DecodeError::Syntax { .. } | DecodeError::Schema { .. } => "decode",
                DecodeError::TooLarge { .. } => "too_large",
                DecodeError::TooDeep { .. } => "too_deep",
                DecodeError::InvalidUtf8 => "invalid_utf8",
                DecodeError::Io(_) => "io",
            };
            return Ok(
                json!({"valid": false, "error": {"kind": kind, "path": e.path()}, "message": e.to_string()}),
            );
        }
    };
    Ok(match probation_core::validate::validate(&case) {
        Ok(()) => json!({"valid": true}),
        Err(errs) => {
            let first = &errs.0[0];
            json!({"valid": false,
                "error": {"kind": "validation", "path": first.path, "rule": first.rule},
                "issues": errs.0,
                "message": errs.to_string()})
        }
    })
}

fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or("invalid base64")?;
        acc = (acc << 6) | u32::try_from(v).unwrap();
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap());
        }
    }
    Ok(out)
}

/// The `forbidden` values of a case (personal data in its input) that appear in the output, case-insensitively.
fn leaked(case: &Value, actual: &Value) -> Vec<String> {
    let text = actual.to_string().to_lowercase();
    case["forbidden"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(Value::as_str)
                .filter(|v| text.contains(&v.to_lowercase()))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn vector_case(input: &Value) -> Result<probation_core::model::Case, String> {
    probation_core::interchange::decode_case(&input["case"].to_string())
        .map_err(|e| format!("input.case does not decode: {e}"))
}

fn vector_date(input: &Value, key: &str) -> Result<chrono::NaiveDate, String> {
    input[key]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("input.{key} must be an ISO date"))
}

/// `policy`: absent (the default preset), a preset name, or a policy object.
fn vector_policy(
    input: &Value,
) -> Result<Result<probation_core::allocation::AllocationPolicy, Value>, String> {
    use probation_core::allocation::AllocationPolicy;
    let policy = match &input["policy"] {
        Value::Null => AllocationPolicy::preset("default"),
        Value::String(name) => AllocationPolicy::preset(name),
        obj => AllocationPolicy::from_json(&obj.to_string()),
    };
    Ok(policy.map_err(|e| json!({"error": {"kind": "policy", "path": e.field()}})))
}

fn allocation_allocate(input: &Value) -> Result<Value, String> {
    use probation_core::allocation::{Calendar, ManagerOverride, allocate};
    let case = vector_case(input)?;
    let on = vector_date(input, "on")?;
    let policy = match vector_policy(input)? {
        Ok(p) => p,
        Err(e) => return Ok(e),
    };
    let over: Option<ManagerOverride> = match &input["override"] {
        Value::Null => None,
        v => Some(serde_json::from_value(v.clone()).map_err(|e| format!("input.override: {e}"))?),
    };
    Ok(
        match allocate(&case, on, &policy, &Calendar::england_and_wales()) {
            Ok(mut a) => {
                if let Some(o) = over {
                    a = a.with_override(o);
                }
                let mut v = serde_json::to_value(&a).unwrap();
                v["effective_provider"] = json!(a.effective_provider());
                v
            }
            Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
        },
    )
}

fn allocation_escalation(input: &Value) -> Result<Value, String> {
    use probation_core::allocation::{Calendar, escalation};
    let case = vector_case(input)?;
    let on = vector_date(input, "on")?;
    let policy = match vector_policy(input)? {
        Ok(p) => p,
        Err(e) => return Ok(e),
    };
    Ok(
        match escalation(&case, on, &policy, &Calendar::england_and_wales()) {
            Ok(e) => serde_json::to_value(&e).unwrap(),
            Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
        },
    )
}

fn allocation_escalation_history(input: &Value) -> Result<Value, String> {
    use probation_core::allocation::{Calendar, escalation_history};
    let case = vector_case(input)?;
    let policy = match vector_policy(input)? {
        Ok(p) => p,
        Err(e) => return Ok(e),
    };
    Ok(
        match escalation_history(&case, &policy, &Calendar::england_and_wales()) {
            Ok(points) => json!({ "escalations": points }),
            Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
        },
    )
}

fn tier_calculate(input: &Value) -> Result<Value, String> {
    let case = vector_case(input)?;
    let on = vector_date(input, "on")?;
    Ok(match probation_core::tier::tier(&case, on) {
        Ok(t) => serde_json::to_value(t).unwrap(),
        Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
    })
}

/// `tier.calculate_2026`: input `{"case", "on"}`, output the serialised `Tier2026` (tests/vectors/tier/README.md).
fn tier_calculate_2026(input: &Value) -> Result<Value, String> {
    let case = vector_case(input)?;
    let on = vector_date(input, "on")?;
    Ok(match probation_core::tier2026::tier_2026(&case, on) {
        Ok(t) => serde_json::to_value(t).unwrap(),
        Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
    })
}

/// `audit.audit`: input `{"case", "as_of"}`, output the serialised `Audit` (tests/vectors/audit/README.md).
fn audit_audit(input: &Value) -> Result<Value, String> {
    let case = vector_case(input)?;
    let as_of = vector_date(input, "as_of")?;
    let cal = probation_core::calendar::Calendar::england_and_wales();
    Ok(match probation_core::audit::audit(&case, as_of, &cal) {
        Ok(a) => serde_json::to_value(a).unwrap(),
        Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
    })
}

/// `audit.timeline`: input `{"case", "from", "to"}`, output the serialised `Timeline` (`start`, `end`, `changes`).
fn audit_timeline(input: &Value) -> Result<Value, String> {
    let case = vector_case(input)?;
    let (from, to) = (vector_date(input, "from")?, vector_date(input, "to")?);
    let cal = probation_core::calendar::Calendar::england_and_wales();
    Ok(
        match probation_core::audit::timeline(&case, from, to, &cal) {
            Ok(t) => serde_json::to_value(t).unwrap(),
            Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
        },
    )
}

/// `tier.both`: input `{"case", "on"}`, output the serialised `Tiers` (`{"tier_2021", "tier_2026"}`).
fn tier_both(input: &Value) -> Result<Value, String> {
    let case = vector_case(input)?;
    let on = vector_date(input, "on")?;
    Ok(match probation_core::tier2026::tiers(&case, on) {
        Ok(t) => serde_json::to_value(t).unwrap(),
        Err(e) => json!({"error": {"kind": e.kind(), "path": e.path()}}),
    })
}

/// The error of a record mapping as vectors see it; fails when its message holds a `forbidden` value.
fn record_error(input: &Value, e: &probation_core::records::RecordError) -> Result<Value, String> {
    let text = e.to_string();
    for f in input["forbidden"].as_array().into_iter().flatten() {
        let f = f.as_str().unwrap_or_default();
        if !f.is_empty() && text.contains(f) {
            return Err(format!(
                "error message `{text}` contains the forbidden value `{f}`"
            ));
        }
    }
    let mut v = serde_json::to_value(e).unwrap();
    v["message"] = json!(text);
    Ok(json!({ "error": v }))
}

/// The document of a records vector: `input.text` (raw) or `input.document` (JSON).
fn record_text(input: &Value) -> String {
    if let Some(g) = input.get("generate") {
        let part = |k: &str| g[k].as_str().unwrap_or_default().to_owned();
        let n = usize::try_from(g["count"].as_u64().unwrap_or(0)).unwrap();
        let items = vec![part("repeat"); n].join(",");
        return format!("{}{items}{}", part("prefix"), part("suffix"));
    }
    input["text"]
        .as_str()
        .map_or_else(|| input["document"].to_string(), str::to_owned)
}

/// `records.tier_details`: input `{"document" | "text", "crn", "on", "forbidden"?}`, output `{"case", "tier",
/// "tier_2026", "forms"}` or `{"error": {"kind", "path", "code"?, "message"}}`.
fn records_tier_details(input: &Value) -> Result<Value, String> {
    let on = vector_date(input, "on")?;
    let crn = input["crn"].as_str().ok_or("input.crn")?;
    match probation_core::records::tier_details_to_case(&record_text(input), crn, on) {
        Err(e) => record_error(input, &e),
        Ok(case) => {
            let t = probation_core::tier2026::tiers(&case, on).map_err(|e| e.to_string())?;
            let forms = probation_core::records::tier_forms(&t.tier_2021, Some(&t.tier_2026));
            Ok(json!({"case": case, "tier": t.tier_2021, "tier_2026": t.tier_2026, "forms": forms}))
        }
    }
}

/// `records.tier_details_round_trip`: input `{"document", "crn", "on"}`; output `{"same": bool}`: whether
/// import(export(import(document))) equals import(document).
fn records_tier_details_round_trip(input: &Value) -> Result<Value, String> {
    use probation_core::records::{tier_details_from_case, tier_details_to_case};
    let on = vector_date(input, "on")?;
    let crn = input["crn"].as_str().ok_or("input.crn")?;
    let first = tier_details_to_case(&record_text(input), crn, on).map_err(|e| e.to_string())?;
    let exported = tier_details_from_case(&first, on);
    let second = tier_details_to_case(&exported, crn, on).map_err(|e| e.to_string())?;
    Ok(
        json!({"same": first == second, "exported": serde_json::from_str::<Value>(&exported).unwrap()}),
    )
}

/// `records.community_api`, `records.integration_api`: input `{"document" | "text" | "generate", "forbidden"?}`,
/// output `{"case", "valid": bool, "issues"}` (the case and its validation) or `{"error"}`.
fn records_case(
    input: &Value,
    f: fn(&str) -> Result<probation_core::model::Case, probation_core::records::RecordError>,
) -> Result<Value, String> {
    match f(&record_text(input)) {
        Err(e) => record_error(input, &e),
        Ok(case) => {
            let issues = probation_core::validate::validate(&case)
                .err()
                .map(|e| e.0)
                .unwrap_or_default();
            Ok(json!({"case": case, "valid": issues.is_empty(), "issues": issues}))
        }
    }
}

/// `records.community_api_round_trip`: input `{"document"}`; output `{"same": bool}`: whether
/// import(export(import(document))) equals import(document).
fn records_community_api_round_trip(input: &Value) -> Result<Value, String> {
    use probation_core::records::{community_api_from_case, community_api_to_case};
    let first = community_api_to_case(&record_text(input)).map_err(|e| e.to_string())?;
    let second =
        community_api_to_case(&community_api_from_case(&first)).map_err(|e| e.to_string())?;
    Ok(json!({ "same": first == second }))
}

/// `records.code`: input `{"table", "code"}`, output the `CodeReading` or `{"error"}`.
fn records_code(input: &Value) -> Result<Value, String> {
    let table = input["table"].as_str().ok_or("input.table")?;
    let code = input["code"].as_str().ok_or("input.code")?;
    match probation_core::records::codes::lookup(table, code) {
        Ok(r) => Ok(serde_json::to_value(r).unwrap()),
        Err(e) => record_error(input, &e),
    }
}

/// `records.tier_changed_events`: input `{"before": [{"crn", "tier"}], "after": [...], "occurred_at"}`,
/// output `{"events": [DomainEvent]}` or `{"error"}`.
fn records_tier_changed_events(input: &Value) -> Result<Value, String> {
    use probation_core::records::{TierChange, tier_changed_events};
    let before: Vec<TierChange> =
        serde_json::from_value(input["before"].clone()).map_err(|e| e.to_string())?;
    let after: Vec<TierChange> =
        serde_json::from_value(input["after"].clone()).map_err(|e| e.to_string())?;
    let at = input["occurred_at"].as_str().ok_or("input.occurred_at")?;
    match tier_changed_events(&before, &after, at) {
        Ok(events) => Ok(json!({ "events": events })),
        Err(e) => record_error(input, &e),
    }
}

#[test]
fn shared_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no vector files under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let function = doc["function"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no function", file.display()));
        assert!(
            doc["source"].is_string(),
            "{}: every vector file cites a source",
            file.display()
        );
        for (i, case) in doc["cases"].as_array().unwrap().iter().enumerate() {
            count += 1;
            let name = format!(
                "{}#{i} {}",
                file.display(),
                case["description"].as_str().unwrap_or("")
            );
            match run(function, &case["input"]) {
                Err(e) => failures.push(format!("{name}: {e}")),
                Ok(actual) => {
                    let mut diffs = Vec::new();
                    subset(&case["expected"], &actual, "", &mut diffs);
                    for v in leaked(case, &actual) {
                        diffs.push(format!(
                            "output contains the personal value `{v}`: {actual}"
                        ));
                    }
                    if !diffs.is_empty() {
                        failures.push(format!("{name}:\n    {}", diffs.join("\n    ")));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} vector cases passed");
}

/// `contact.schedule` and `contact.compliance`: `input.policy` is a preset name or a policy object;
/// `input.extra_holidays` (optional) a list of ISO dates; `input.as_of` (compliance) an ISO date.
fn contact_fn(function: &str, input: &Value) -> Result<Value, String> {
    use probation_core::calendar::Calendar;
    use probation_core::contact::{ContactError, ContactPolicy, compliance, schedule};
    let err = |e: ContactError| json!({"error": {"kind": e.code(), "path": e.path()}});
    let case = match probation_core::interchange::decode_case(&input["case"].to_string()) {
        Ok(c) => c,
        Err(e) => return Ok(json!({"error": {"kind": "decode", "path": e.path()}})),
    };
    let policy = match &input["policy"] {
        Value::String(name) => ContactPolicy::preset(name),
        obj @ Value::Object(_) => ContactPolicy::from_json(&obj.to_string()),
        _ => return Err("input.policy must be a preset name or a policy object".into()),
    };
    let policy = match policy {
        Ok(p) => p,
        Err(e) => return Ok(err(e)),
    };
    let extra: Vec<chrono::NaiveDate> = match input.get("extra_holidays") {
        None => Vec::new(),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| format!("extra_holidays: {e}"))?,
    };
    let calendar = Calendar::england_and_wales()
        .with_extra_holidays(extra)
        .map_err(|e| e.to_string())?;
    let out = if function == "contact.schedule" {
        schedule(&case, &policy, &calendar).map(|s| serde_json::to_value(s).unwrap())
    } else {
        let as_of = date_field(input, "as_of")?;
        compliance(&case, &policy, &calendar, as_of).map(|c| serde_json::to_value(c).unwrap())
    };
    Ok(out.unwrap_or_else(err))
}

/// The names the case format itself defines: every property name and every enumeration value of the JSON Schema
/// generated from core's types (`schema/case.schema.json`), the known register codes and the need areas. Error messages and paths may contain these, and
/// nothing else that came from the input.
fn format_names() -> std::collections::HashSet<String> {
    fn walk(v: &Value, out: &mut std::collections::HashSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    match (k.as_str(), x) {
                        ("properties", Value::Object(p)) => out.extend(p.keys().cloned()),
                        ("enum", Value::Array(e)) => {
                            out.extend(e.iter().filter_map(Value::as_str).map(str::to_owned));
                        }
                        ("const", Value::String(c)) => {
                            out.insert(c.clone());
                        }
                        _ => {}
                    }
                    walk(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/case.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = std::collections::HashSet::new();
    walk(&schema, &mut out);
    // Two open sets the schema describes in prose: the known register codes and the need areas (map keys).
    out.extend(
        probation_core::model::RegisterCode::KNOWN
            .iter()
            .map(|c| c.code().to_owned()),
    );
    out.extend(probation_core::model::NeedArea::ALL.iter().map(|a| {
        serde_json::to_value(a)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }));
    out.into_iter().map(|s| s.to_lowercase()).collect()
}

/// Every key and value of a (possibly malformed) JSON text, as written: each string's content (raw, and
/// unescaped when it can be) and each bare word outside strings that is not a JSON literal or a number.
fn input_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(bytes.len());
            let raw = String::from_utf8_lossy(&bytes[start..end]).into_owned();
            if let Ok(unescaped) = serde_json::from_str::<String>(&format!("\"{raw}\"")) {
                out.push(unescaped);
            }
            out.push(raw);
            i = end + 1;
        } else if bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || bytes[i] >= 0x80
                    || b"_-+./:".contains(&bytes[i]))
            {
                i += 1;
            }
            let word = String::from_utf8_lossy(&bytes[start..i]).into_owned();
            let number = word.parse::<f64>().is_ok() || word.bytes().all(|b| b.is_ascii_digit());
            if !number && !matches!(word.as_str(), "true" | "false" | "null") {
                out.push(word);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Issue 12: over every hostile vector, no error message or path — the decode error's `Display` and path, and
/// each validation issue's path and message — contains a key or value of the input that is not one of the
/// format's own names. Stronger than each case's `forbidden` list (the personal values its author listed): every
/// token of the input counts. Tokens shorter than 3 characters are skipped (no name, identifier or date is that
/// short, and codes such as `M4` are also words of the rules' own messages).
#[test]
fn hostile_errors_repeat_no_input_token_but_the_formats_names() {
    let names = format_names();
    assert!(names.contains("date_of_birth") && names.contains("community_order"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/hostile");
    let mut files = Vec::new();
    vector_files(&dir, &mut files);
    files.sort();
    let (mut checked, mut tokens_checked, mut failures) = (0, 0, Vec::new());
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for (i, case) in doc["cases"].as_array().unwrap().iter().enumerate() {
            let input = &case["input"];
            let text = if let Some(t) = input["text"].as_str() {
                t.to_owned()
            } else if let Some(b) = input["bytes_base64"].as_str() {
                String::from_utf8_lossy(&base64_decode(b).unwrap()).into_owned()
            } else {
                let g = &input["generate"];
                let count = usize::try_from(g["count"].as_u64().unwrap()).unwrap();
                // The repetition adds no token the first few copies do not have.
                format!(
                    "{}{}{}",
                    g["prefix"].as_str().unwrap(),
                    g["repeat"].as_str().unwrap().repeat(count.min(3)),
                    g["suffix"].as_str().unwrap()
                )
            };
            let actual = decode_validate_raw(input).unwrap();
            if actual["valid"] == json!(true) {
                continue;
            }
            checked += 1;
            let mut exposed = vec![
                actual["message"].as_str().unwrap_or("").to_owned(),
                actual["error"]["path"].as_str().unwrap_or("").to_owned(),
            ];
            for issue in actual["issues"].as_array().into_iter().flatten() {
                exposed.push(issue["path"].as_str().unwrap_or("").to_owned());
                let rule = probation_core::validate::ValidationRule::ALL
                    .iter()
                    .find(|r| issue["rule"] == r.code())
                    .unwrap_or_else(|| panic!("unknown rule {}", issue["rule"]));
                exposed.push(rule.message().to_owned());
            }
            let exposed = exposed.join("\n").to_lowercase();
            let mut leaked: Vec<String> = input_tokens(&text)
                .into_iter()
                .map(|t| t.to_lowercase())
                .filter(|t| t.chars().count() >= 3 && !names.contains(t))
                .inspect(|_| tokens_checked += 1)
                .filter(|t| exposed.contains(t.as_str()))
                .collect();
            leaked.sort();
            leaked.dedup();
            if !leaked.is_empty() {
                failures.push(format!(
                    "{}#{i} {}: {leaked:?} in {exposed:?}",
                    file.display(),
                    case["description"].as_str().unwrap_or("")
                ));
            }
        }
    }
    assert!(checked > 150, "only {checked} failing cases checked");
    assert!(
        tokens_checked > 1000,
        "only {tokens_checked} tokens checked"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
