//! The sample briefing against its hand annotation
//! (tests/fixtures/sample-briefing.gold.toml): sections, actors, and every
//! quote with its speaker.

use briefing::analyze::analyze;
use briefing::lexicon::Lexicon;
use briefing::load::{Source, load};
use briefing::model::{ActorId, Analysis, Document};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    title: String,
    sections: Vec<GoldSection>,
    actors: Vec<GoldActor>,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldSection {
    heading: String,
    paragraphs: usize,
}

#[derive(Deserialize)]
struct GoldActor {
    name: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    text: String,
    speaker: Option<String>,
    via: Option<String>,
}

fn gold() -> Gold {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample-briefing.gold.toml"
    ))
    .expect("gold file");
    toml::from_str(&text).expect("gold parses")
}

fn sample() -> (Document, Analysis) {
    let doc = load(&Source::Sample).expect("sample loads").doc;
    let analysis = analyze(&doc, &Lexicon::builtin());
    (doc, analysis)
}

/// Whether the predicted actor is the gold one: same name, or one of its
/// mentions is one of the gold actor's names.
fn same_actor(doc: &Document, a: &Analysis, actor: ActorId, gold: &GoldActor) -> bool {
    let x = &a.actors[actor];
    x.name == gold.name
        || x.mentions.iter().any(|m| {
            let t = doc.span_text(m.span);
            t == gold.name || gold.aliases.iter().any(|g| g == t)
        })
}

#[test]
fn sections_match_the_annotation() {
    let g = gold();
    let (doc, _) = sample();
    assert_eq!(
        doc.title
            .map(|t| doc.span_text(t).to_string())
            .unwrap_or_default(),
        g.title
    );
    let got: Vec<(String, usize)> = doc
        .sections
        .iter()
        .map(|s| {
            (
                s.heading
                    .map(|h| doc.span_text(h).to_string())
                    .unwrap_or_default(),
                s.paragraphs.len(),
            )
        })
        .collect();
    let want: Vec<(String, usize)> = g
        .sections
        .iter()
        .map(|s| (s.heading.clone(), s.paragraphs))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_quote_is_found_with_its_speaker() {
    let g = gold();
    let (doc, a) = sample();
    let speech: Vec<_> = a.quotes.iter().filter(|q| q.speech).collect();
    assert_eq!(speech.len(), g.quotes.len(), "quotes found");
    for gq in &g.quotes {
        let q = speech
            .iter()
            .find(|q| doc.span_text(q.span) == gq.text)
            .unwrap_or_else(|| panic!("quote not found: {:?}", gq.text));
        let want = gq.speaker.as_ref().map(|name| {
            g.actors
                .iter()
                .find(|x| &x.name == name)
                .unwrap_or_else(|| panic!("gold actor {name}"))
        });
        match (want, &q.speaker) {
            (None, None) => {}
            (Some(w), Some(s)) => assert!(
                same_actor(&doc, &a, s.actor, w),
                "{:?}: expected {}, got {}",
                gq.text,
                w.name,
                a.actors[s.actor].name
            ),
            (w, s) => panic!(
                "{:?}: expected {:?}, got {:?}",
                gq.text,
                w.map(|w| &w.name),
                s
            ),
        }
        if let Some(via) = &gq.via {
            let got = q
                .speaker
                .as_ref()
                .and_then(|s| s.via)
                .map(|v| doc.span_text(v));
            assert_eq!(got, Some(via.as_str()), "{:?}", gq.text);
        }
    }
}

#[test]
fn every_actor_is_found() {
    let g = gold();
    let (doc, a) = sample();
    for ga in &g.actors {
        let found = (0..a.actors.len()).any(|i| same_actor(&doc, &a, ActorId::new(i), ga));
        assert!(
            found,
            "actor {} not found among {:?}",
            ga.name,
            a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn roles_pronouns_and_capitals_are_mentions_of_their_actor() {
    let (doc, a) = sample();
    let mentions_of = |name: &str| -> Vec<String> {
        let x = a
            .actors
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        x.mentions.iter().map(|m| doc.reading(m.span)).collect()
    };
    let haddad = mentions_of("Karim Haddad");
    for m in ["Egypt's top diplomat", "the minister", "Haddad"] {
        assert!(haddad.iter().any(|x| x == m), "{m} not in {haddad:?}");
    }
    assert!(mentions_of("Egypt").iter().any(|x| x == "Cairo"));
    assert!(mentions_of("Ethiopia").iter().any(|x| x == "Addis Ababa"));
    assert!(mentions_of("Lina Berg").iter().any(|x| x == "she"));
}
