//! Synthetic names. Given names are ordinary; family names are built from an obviously invented prefix
//! ("Synth", "Mock", "Sample", …) and a place-name ending, so that no generated person can be mistaken for a
//! real one (`Mockbridge`, `Samplefield`).

use super::rng::Rng;
use crate::model::{PersonName, Sex};

const MALE: &[&str] = &[
    "James", "Daniel", "Thomas", "Liam", "Ryan", "Connor", "Jack", "Lewis", "Michael", "David",
    "Kyle", "Jordan", "Aaron", "Callum", "Dean", "Lee", "Mark", "Paul", "Craig", "Wayne", "Shane",
    "Jamal", "Arif", "Tomasz", "Marius", "Kofi", "Rhys", "Owen", "Gareth", "Sean",
];
const FEMALE: &[&str] = &[
    "Sarah", "Emma", "Laura", "Kelly", "Gemma", "Chloe", "Jade", "Leanne", "Amy", "Hannah",
    "Rachel", "Nicola", "Stacey", "Aisha", "Megan", "Zoe", "Bethan", "Carys", "Natalie", "Donna",
];
const NEUTRAL: &[&str] = &["Alex", "Sam", "Charlie", "Jo", "Robin", "Jamie"];
const PREFIX: &[&str] = &[
    "Synth",
    "Mock",
    "Sample",
    "Example",
    "Demo",
    "Fict",
    "Testa",
    "Proxy",
    "Dummy",
    "Placeholder",
];
const SUFFIX: &[&str] = &[
    "wood", "field", "ley", "ton", "bridge", "worth", "ham", "more", "stone", "ford", "by", "combe",
];

/// A clearly fake name for a person of `sex`.
pub(crate) fn name(rng: &mut Rng, sex: Sex) -> PersonName {
    let pool = match sex {
        Sex::Male => MALE,
        Sex::Female => FEMALE,
        Sex::NotSpecified => NEUTRAL,
    };
    let given = rng.pick(pool).copied().unwrap_or("Alex");
    let given = if rng.chance(150) {
        // A second given name now and then.
        let middle = rng.pick(pool).copied().unwrap_or("Sam");
        format!("{given} {middle}")
    } else {
        given.to_owned()
    };
    let family = format!(
        "{}{}",
        rng.pick(PREFIX).copied().unwrap_or("Synth"),
        rng.pick(SUFFIX).copied().unwrap_or("wood")
    );
    PersonName { given, family }
}
