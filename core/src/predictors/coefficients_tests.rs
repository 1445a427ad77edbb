//! The staleness tests of the generated `coefficients.rs` (a module of it): every generated value equals the
//! data file's text parsed as a double (a category's addends summed in doubles, within two ulps of the
//! decimal sum the generator wrote), so a stale table cannot pass `cargo test`.

use super::*;
use serde_json::Value;

fn tables() -> Value {
    let doc: Value =
        serde_json::from_str(include_str!("../../data/actuarial/coefficients.json")).unwrap();
    doc["tables"].clone()
}

fn number(v: &Value) -> f64 {
    v.as_str().unwrap().parse().unwrap()
}

/// Every coefficient of every logistic table, and every category, equals the data file.
#[test]
fn tables_match_data_file() {
    let doc = tables();
    for (file, table) in TABLES {
        let coefs = doc[file]["coefficients"].as_array().unwrap();
        assert!(coefs.len() >= 20, "{file}");
        for c in coefs {
            let name = c[0].as_str().unwrap();
            assert_eq!(by_name(table, name), Some(number(&c[2])), "{file} {name}");
        }
        let cats = doc[file]["categories"].as_array().unwrap();
        assert_eq!(cats.len(), 24, "{file}");
        for (i, (c, g)) in cats.iter().zip(table.history.category).enumerate() {
            let c: f64 = c.as_array().unwrap()[1..].iter().map(number).sum();
            assert!(
                (c - g).abs() <= 2.0 * f64::EPSILON * c.abs().max(1.0),
                "{file} category {i}"
            );
        }
    }
}

/// The IIC-SRP weights and the CSRP constant equal the data file, name by name.
#[test]
fn small_tables_match_data_file() {
    let doc = tables();
    for (file, values, names) in SMALL_TABLES {
        let got: Vec<(String, f64)> = names
            .iter()
            .map(|n| n.to_string())
            .zip(values.iter().copied())
            .collect();
        let want: Vec<(String, f64)> = doc[file]["coefficients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c[0].as_str().unwrap().to_string(), number(&c[2])))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}
