//! Typed indices: an actor's id cannot be mistaken for a quote's.
//!
//! Each id is the index of its item in the list that holds it (an
//! [`Analysis`](super::Analysis)'s actors, quotes, positions; a briefing's
//! documents), stored in 32 bits like the spans.

use std::fmt;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident, $item:ty) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u32);

        impl $name {
            /// The id of the item at `index`.
            pub fn new(index: usize) -> $name {
                debug_assert!(index <= u32::MAX as usize);
                $name(index as u32)
            }

            /// The index of the item in its list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u32(self.0)
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.index()]
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.index()]
            }
        }

        impl std::ops::IndexMut<$name> for [$item] {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.index()]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.index()]
            }
        }
    };
}

id!(
    /// An actor of one analysis: the index into [`Analysis::actors`](super::Analysis::actors).
    ActorId,
    super::Actor
);
id!(
    /// A quote of one analysis: the index into [`Analysis::quotes`](super::Analysis::quotes).
    QuoteId,
    super::Quote
);
id!(
    /// A position of one analysis: the index into [`Analysis::positions`](super::Analysis::positions).
    PositionId,
    super::Position
);
id!(
    /// An article of a briefing: the index into its list of documents.
    DocId,
    super::Document
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_their_own_lists_and_print_as_numbers() {
        let a = ActorId::new(3);
        assert_eq!(a.index(), 3);
        assert_eq!(a.to_string(), "3");
        assert_eq!(serde_json::to_string(&a).unwrap(), "3");
        assert!(ActorId::new(1) < ActorId::new(2));
    }
}
