//! Verbs by event class (`assets/lexicon/cameo.toml`, derived from the
//! CAMEO verb dictionary by `scripts/cameo-classes.py`; MIT, source named in
//! the file): what kind of act a verb reports — an appeal, a demand, a
//! rejection, a threat — taken from a resource built over many years of
//! news, not from our development stories. Every form of a verb (-s, -ed,
//! -ing, and the irregular ones the file lists) maps to its classes.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// One CAMEO family, as a bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    Appeal,
    Intend,
    Cooperate,
    Yield,
    Demand,
    Disapprove,
    Reject,
    Threaten,
    Protest,
    Reduce,
    Coerce,
}

impl VerbClass {
    pub const ALL: [VerbClass; 11] = [
        VerbClass::Appeal,
        VerbClass::Intend,
        VerbClass::Cooperate,
        VerbClass::Yield,
        VerbClass::Demand,
        VerbClass::Disapprove,
        VerbClass::Reject,
        VerbClass::Threaten,
        VerbClass::Protest,
        VerbClass::Reduce,
        VerbClass::Coerce,
    ];

    /// The class's name in `cameo.toml`.
    pub fn name(self) -> &'static str {
        match self {
            VerbClass::Appeal => "appeal",
            VerbClass::Intend => "intend",
            VerbClass::Cooperate => "cooperate",
            VerbClass::Yield => "yield",
            VerbClass::Demand => "demand",
            VerbClass::Disapprove => "disapprove",
            VerbClass::Reject => "reject",
            VerbClass::Threaten => "threaten",
            VerbClass::Protest => "protest",
            VerbClass::Reduce => "reduce",
            VerbClass::Coerce => "coerce",
        }
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The first class of a set of class bits (as [`VerbClasses::forms`]
    /// gives them).
    pub fn first_of(bits: u16) -> Option<VerbClass> {
        // `ALL` is in bit order: the lowest bit set is the first class.
        VerbClass::ALL.get(bits.trailing_zeros() as usize).copied()
    }
}

/// Word form (lower case) → class bits.
#[derive(Debug, Default)]
pub struct VerbClasses {
    forms: FxHashMap<String, u16>,
}

impl VerbClasses {
    /// Reads a `cameo.toml`-shaped file: class name → verbs as
    /// `lemma|irregular|forms`.
    pub fn parse(src: &str) -> Result<VerbClasses, String> {
        let table: HashMap<String, Vec<String>> = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut forms: FxHashMap<String, u16> = FxHashMap::default();
        for (name, verbs) in &table {
            let class = VerbClass::ALL
                .iter()
                .find(|c| c.name() == name)
                .ok_or_else(|| format!("unknown verb class '{name}'"))?;
            for entry in verbs {
                let (base, inflected) = super::verb_forms(entry);
                for f in std::iter::once(base).chain(inflected) {
                    *forms.entry(f).or_default() |= class.bit();
                }
            }
        }
        Ok(VerbClasses { forms })
    }

    /// The shipped classes.
    pub fn builtin() -> &'static VerbClasses {
        static CLASSES: OnceLock<VerbClasses> = OnceLock::new();
        CLASSES.get_or_init(|| {
            VerbClasses::parse(include_str!("../../assets/lexicon/cameo.toml"))
                .expect("the embedded cameo.toml is well formed")
        })
    }

    /// The first class of a lower-case word form, if it has one.
    pub fn first(&self, form: &str) -> Option<VerbClass> {
        self.of(form).next()
    }

    /// Every word form with its class bits (no form holds a period).
    pub fn forms(&self) -> impl Iterator<Item = (&str, u16)> + '_ {
        self.forms.iter().map(|(f, &bits)| (f.as_str(), bits))
    }

    /// The classes of a lower-case word form.
    pub fn of(&self, form: &str) -> impl Iterator<Item = VerbClass> + '_ {
        let bits = self.forms.get(form).copied().unwrap_or(0);
        VerbClass::ALL
            .into_iter()
            .filter(move |c| bits & c.bit() != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_listed_verb_has_its_class() {
        let v = VerbClasses::parse(
            r#"reject = ["refuse"]
threaten = ["threaten"]
appeal = ["plead|pled"]"#,
        )
        .unwrap();
        for f in ["refuse", "refuses", "refused", "refusing"] {
            assert_eq!(v.of(f).collect::<Vec<_>>(), [VerbClass::Reject], "{f}");
        }
        assert_eq!(v.of("pled").collect::<Vec<_>>(), [VerbClass::Appeal]);
        assert_eq!(
            v.of("threatening").collect::<Vec<_>>(),
            [VerbClass::Threaten]
        );
        assert!(v.of("table").next().is_none());
        assert!(VerbClasses::parse("gloat = [\"x\"]").is_err());
    }

    #[test]
    fn the_first_class_of_a_forms_bits_is_its_first_class() {
        let v = VerbClasses::builtin();
        for (form, bits) in v.forms() {
            assert_eq!(VerbClass::first_of(bits), v.first(form), "{form}");
            // The word classes are looked up without an abbreviation's
            // period too: a verb form must not end in one.
            assert!(!form.contains('.'), "{form}");
        }
        assert_eq!(VerbClass::first_of(0), None);
        for (k, c) in VerbClass::ALL.into_iter().enumerate() {
            assert_eq!(c.bit(), 1 << k);
            assert_eq!(VerbClass::first_of(c.bit() | 1 << 10), Some(c));
        }
    }

    #[test]
    fn the_shipped_classes_cover_the_families() {
        let v = VerbClasses::builtin();
        assert!(v.of("rejected").any(|c| c == VerbClass::Reject));
        assert!(v.of("demands").any(|c| c == VerbClass::Demand));
        assert!(v.of("warned").any(|c| c == VerbClass::Threaten));
        assert!(
            v.of("urging").next().is_some() || v.of("appealed").any(|c| c == VerbClass::Appeal)
        );
    }
}
