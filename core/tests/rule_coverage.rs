//! Every allocation, escalation and tier rule fires in at least one shared vector (issue 3: "vectors that
//! exercise every rule"). Runs the vector inputs of `tests/vectors/{allocation,escalation,tier}` through the
//! library and collects the ids of the rules that fired.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use probation_core::allocation::{
    AllocationPolicy, Calendar, allocate, escalation, escalation_history, rules as arules,
};
use probation_core::tier::{rules as trules, tier};
use probation_core::tier2026::{rules as t26rules, tier_2026, tiers};
use serde_json::Value;

fn policy(input: &Value) -> Option<AllocationPolicy> {
    match &input["policy"] {
        Value::Null => Some(AllocationPolicy::default_policy()),
        Value::String(n) => AllocationPolicy::preset(n).ok(),
        v => AllocationPolicy::from_json(&v.to_string()).ok(),
    }
}

#[test]
fn every_rule_fires_in_some_vector() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let cal = Calendar::england_and_wales();
    let mut fired = BTreeSet::new();
    for area in ["allocation", "escalation", "tier"] {
        for entry in std::fs::read_dir(root.join(area)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let doc: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                let input = &case["input"];
                let Ok(c) = probation_core::interchange::decode_case(&input["case"].to_string())
                else {
                    continue;
                };
                let on: Option<NaiveDate> = input["on"].as_str().and_then(|s| s.parse().ok());
                let ids: Vec<&str> = match (doc["function"].as_str().unwrap(), policy(input), on) {
                    ("allocation.allocate", Some(p), Some(on)) => allocate(&c, on, &p, &cal)
                        .map(|a| a.rules.ids().collect())
                        .unwrap_or_default(),
                    ("allocation.escalation", Some(p), Some(on)) => escalation(&c, on, &p, &cal)
                        .map(|e| e.rules.ids().collect())
                        .unwrap_or_default(),
                    ("allocation.escalation_history", Some(p), _) => {
                        escalation_history(&c, &p, &cal)
                            .map(|v| {
                                v.iter()
                                    .flat_map(|e| e.rules.ids().collect::<Vec<_>>())
                                    .collect()
                            })
                            .unwrap_or_default()
                    }
                    ("tier.calculate", _, Some(on)) => tier(&c, on)
                        .map(|t| t.rules.ids().collect())
                        .unwrap_or_default(),
                    ("tier.calculate_2026", _, Some(on)) => tier_2026(&c, on)
                        .map(|t| t.rules.ids().collect())
                        .unwrap_or_default(),
                    ("tier.both", _, Some(on)) => tiers(&c, on)
                        .map(|t| {
                            t.tier_2021
                                .rules
                                .ids()
                                .chain(t.tier_2026.rules.ids())
                                .collect()
                        })
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                fired.extend(ids);
            }
        }
    }
    let missing: Vec<&str> = arules::TABLE
        .iter()
        .chain(trules::TABLE.iter())
        .chain(t26rules::TABLE.iter())
        .map(|r| r.id)
        .filter(|id| !fired.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no vector fires: {missing:?}");
}

/// Every predictor rule fires in at least one vector of `tests/vectors/predictors/`.
#[test]
fn every_predictor_rule_fires_in_some_vector() {
    use probation_core::predictors::{self as p, rules as pr};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/predictors");
    let mut fired = BTreeSet::new();
    for name in ["ogrs3.json", "arp.json", "dc_srp.json"] {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(root.join(name)).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let input = case["input"].clone();
            let ids: Vec<&str> = match name {
                "ogrs3.json" => serde_json::from_value(input)
                    .ok()
                    .and_then(|i| p::ogrs3(&i).ok())
                    .map(|s| s.rules.ids().collect())
                    .unwrap_or_default(),
                "arp.json" => serde_json::from_value(input)
                    .ok()
                    .and_then(|i| p::arp(&i).ok())
                    .map(|s| s.rules.ids().collect())
                    .unwrap_or_default(),
                _ => serde_json::from_value(input)
                    .ok()
                    .and_then(|i| p::dc_srp(&i).ok())
                    .map(|s| s.rules.ids().collect())
                    .unwrap_or_default(),
            };
            fired.extend(ids);
        }
    }
    for table in [pr::ogrs3::TABLE, pr::arp::TABLE, pr::dcsrp::TABLE] {
        for rule in table {
            assert!(
                fired.contains(rule.id),
                "no predictor vector fires {}",
                rule.id
            );
        }
    }
}
