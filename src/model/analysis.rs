//! What the analysis found in one document: actors and their mentions,
//! quotes and their speakers, positions and red lines, every one a span of
//! the document's text.

use crate::span::Span;

use super::ActorId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Group,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name: "Foreign Minister Jane Doe", "Doe", "IRAM", "Tehran".
    Name,
    /// A role or description: "the minister", "Iran's top diplomat".
    Role,
    Pronoun,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Canonical name ("Abbas Araghchi", "Iran").
    pub name: String,
    pub kind: ActorKind,
    /// The role given when the actor was introduced ("Iranian Foreign Minister").
    pub role: Option<Span>,
    /// Sorted by position; every mention belongs to exactly one actor.
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub actor: ActorId,
    /// The mention that carries the attribution ("Doe" in "Doe said").
    pub mention: Option<Span>,
    /// The cue: "said", "told", "according to", a transcript colon.
    pub cue: Option<Span>,
    /// The conduit the words came through ("his office").
    pub via: Option<Span>,
    /// 0.0–1.0: how sure the attribution is; see [`Speaker::is_uncertain`].
    pub confidence: f32,
    /// The pass of the attribution sieve that decided it (provenance).
    pub rule: &'static str,
}

impl Speaker {
    /// Below this confidence an attribution is shown as uncertain, in every view.
    pub const UNCERTAIN_BELOW: f32 = 0.5;

    /// Whether views should mark this attribution as uncertain.
    pub fn is_uncertain(&self) -> bool {
        self.confidence < Self::UNCERTAIN_BELOW
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The words strictly inside the quotation marks.
    pub span: Span,
    /// False for titles of works and scare quotes.
    pub speech: bool,
    pub speaker: Option<Speaker>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PositionKind {
    Demand,
    Offer,
    Condition,
    Refusal,
    Accusation,
    Assessment,
    Support,
    Opposition,
}

impl PositionKind {
    /// The lower-case name, as in the JSON export.
    pub fn name(self) -> &'static str {
        match self {
            PositionKind::Demand => "demand",
            PositionKind::Offer => "offer",
            PositionKind::Condition => "condition",
            PositionKind::Refusal => "refusal",
            PositionKind::Accusation => "accusation",
            PositionKind::Assessment => "assessment",
            PositionKind::Support => "support",
            PositionKind::Opposition => "opposition",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub span: Span,
    pub holder: Option<ActorId>,
    pub kind: PositionKind,
    pub trigger: Option<Span>,
    pub red_line: bool,
    /// Who reports it, when that is not the holder (an analyst, an outlet).
    pub source: Option<ActorId>,
    /// The rule that decided it (provenance).
    pub rule: &'static str,
}

/// Everything the analysis found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub sentences: Vec<Span>,
    pub actors: Vec<Actor>,
    pub quotes: Vec<Quote>,
    pub positions: Vec<Position>,
}

impl Analysis {
    /// The actor with this id, if the analysis has it.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.index())
    }
}
