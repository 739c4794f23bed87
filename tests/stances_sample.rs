//! Positions and red lines on the sample briefing, scored against the hand
//! annotation in tests/fixtures/sample-briefing.gold.toml the way
//! ../shared/eval/score_stances.py scores wire stories: each predicted
//! position maps to the gold sentence holding its trigger; red lines get
//! precision and recall over sentences, positions get sentence-level
//! precision and recall against red lines ∪ positions, and holders are
//! checked on the positions that land on a gold sentence.

use briefing::analyze::analyze;
use briefing::lexicon::Lexicon;
use briefing::load::{SAMPLE_BRIEFING, load_bytes};
use briefing::model::{ActorId, Analysis, Document};
use briefing::span::Span;

#[derive(Debug)]
struct GoldItem {
    holders: Vec<String>,
    sentence: Span,
    source: Option<String>,
}

struct Gold {
    red_lines: Vec<GoldItem>,
    positions: Vec<GoldItem>,
    /// Actor name → its aliases.
    aliases: Vec<(String, Vec<String>)>,
}

fn gold(text: &str) -> Gold {
    let raw = include_str!("fixtures/sample-briefing.gold.toml");
    let v: toml::Value = toml::from_str(raw).expect("gold parses");
    let items = |key: &str| -> Vec<GoldItem> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let sentence = e["sentence"].as_str().unwrap();
                let at = text.find(sentence).expect("gold sentence is in the sample");
                GoldItem {
                    // The holder, and the other holders a reader could defend.
                    holders: std::iter::once(e["holder"].as_str().unwrap())
                        .chain(
                            e.get("also")
                                .and_then(|a| a.as_array())
                                .into_iter()
                                .flatten()
                                .filter_map(|x| x.as_str()),
                        )
                        .map(str::to_string)
                        .collect(),
                    sentence: Span::new(at, at + sentence.len()),
                    source: e.get("source").and_then(|s| s.as_str()).map(str::to_string),
                }
            })
            .collect()
    };
    let aliases = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let name = a["name"].as_str().unwrap().to_string();
            let al = a["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            (name, al)
        })
        .collect();
    Gold {
        red_lines: items("red_lines"),
        positions: items("positions"),
        aliases,
    }
}

fn sample() -> (Document, Analysis) {
    let doc = load_bytes(
        "sample-briefing.txt",
        SAMPLE_BRIEFING.as_bytes(),
        Some("txt"),
    )
    .unwrap()
    .doc;
    let analysis = analyze(&doc, &Lexicon::builtin());
    (doc, analysis)
}

/// Whether a predicted actor name is the gold actor `want` (by name, by an
/// alias, or for a person by surname).
fn same_actor(g: &Gold, predicted: &str, want: &str) -> bool {
    if predicted == want {
        return true;
    }
    g.aliases
        .iter()
        .find(|(n, _)| n == want)
        .is_some_and(|(n, al)| {
            al.iter().any(|a| a == predicted)
                || (n.split_whitespace().count() > 1
                    && n.split_whitespace().last() == predicted.split_whitespace().last())
        })
}

#[test]
fn sample_positions_and_red_lines_score_against_the_gold() {
    let (doc, a) = sample();
    let text = doc.text.as_str();
    let g = gold(text);
    let name = |id: Option<ActorId>| id.map_or("", |i| a.actors[i].name.as_str());
    let positive: Vec<&GoldItem> = g.red_lines.iter().chain(&g.positions).collect();
    let gold_of = |p: &briefing::model::Position| -> Option<Span> {
        let at = p.trigger.unwrap_or(p.span).start;
        positive
            .iter()
            .map(|x| x.sentence)
            .find(|s| s.start <= at && at < s.end)
    };

    // Red lines.
    let red: Vec<_> = a.positions.iter().filter(|p| p.red_line).collect();
    let red_tp = red
        .iter()
        .filter(|p| gold_of(p).is_some_and(|s| g.red_lines.iter().any(|r| r.sentence == s)))
        .count();
    let red_found = g
        .red_lines
        .iter()
        .filter(|r| red.iter().any(|p| gold_of(p) == Some(r.sentence)))
        .count();
    let red_p = red_tp as f64 / red.len().max(1) as f64;
    let red_r = red_found as f64 / g.red_lines.len() as f64;

    // Positions, by sentence.
    let mut predicted: Vec<(u32, u32)> = a
        .positions
        .iter()
        .map(|p| gold_of(p).map_or((p.span.start, p.span.end), |s| (s.start, s.end)))
        .collect();
    predicted.sort();
    predicted.dedup();
    let mut wanted: Vec<(u32, u32)> = positive
        .iter()
        .map(|x| (x.sentence.start, x.sentence.end))
        .collect();
    wanted.sort();
    wanted.dedup();
    let tp = predicted.iter().filter(|s| wanted.contains(s)).count();
    let pos_p = tp as f64 / predicted.len().max(1) as f64;
    let pos_r = tp as f64 / wanted.len() as f64;

    // Holders, on the positions that land on a gold sentence.
    let (mut right, mut mapped) = (0, 0);
    for p in &a.positions {
        let Some(s) = gold_of(p) else { continue };
        mapped += 1;
        let ok = positive
            .iter()
            .filter(|x| x.sentence == s)
            .any(|x| x.holders.iter().any(|h| same_actor(&g, name(p.holder), h)));
        right += usize::from(ok);
    }
    let holder_acc = right as f64 / mapped.max(1) as f64;

    let report = format!(
        "red lines P {red_p:.2} R {red_r:.2}; positions P {pos_p:.2} R {pos_r:.2}; \
         holders {holder_acc:.2}\n{:#?}",
        a.positions
            .iter()
            .map(|p| (
                name(p.holder),
                p.kind,
                p.red_line,
                p.trigger.map(|t| t.text(text))
            ))
            .collect::<Vec<_>>()
    );
    assert_eq!(red_p, 1.0, "{report}");
    assert_eq!(red_r, 1.0, "{report}");
    // The stance model (on since issue 10) finds every position of the
    // sample at the price of a forecast or two of the analyst's: recall
    // is held high, precision a little lower than the rules' alone.
    assert!(pos_p >= 0.85, "{report}");
    assert!(pos_r >= 0.9, "{report}");
    assert!(holder_acc >= 0.85, "{report}");
}

/// The shapes the seed story has, pinned on the sample that has them too.
#[test]
fn sample_red_lines_have_the_seed_shapes() {
    let (doc, a) = sample();
    let text = doc.text.as_str();
    let g = gold(text);
    let name = |id: Option<ActorId>| id.map_or("", |i| a.actors[i].name.as_str());
    let red: Vec<_> = a.positions.iter().filter(|p| p.red_line).collect();
    let in_sentence = |s: Span| red.iter().filter(move |p| s.contains(p.trigger.unwrap()));

    // The minister's "never", twice: the lead and his own quote.
    for r in &g.red_lines[..2] {
        let hits: Vec<_> = in_sentence(r.sentence).collect();
        assert_eq!(hits.len(), 1, "{:?}", r);
        assert_eq!(name(hits[0].holder), "Karim Haddad");
        assert!(hits[0].trigger.unwrap().text(text).contains("never"));
    }
    // Conditions reported by an outlet and by an analyst belong to Egypt,
    // with the reporter as source.
    for r in &g.red_lines[2..] {
        let hits: Vec<_> = in_sentence(r.sentence).collect();
        assert_eq!(hits.len(), 1, "{:?}", r);
        assert_eq!(name(hits[0].holder), "Egypt");
        let source = r.source.as_deref().unwrap();
        assert!(
            same_actor(&g, name(hits[0].source), source),
            "source {:?}, want {source}",
            name(hits[0].source)
        );
    }
    // An offer to facilitate and a wish to avoid confrontation are
    // positions, not red lines.
    for needle in ["Kenya stands ready", "hoped to steer clear"] {
        let at = text.find(needle).unwrap() as u32;
        assert!(
            !red.iter().any(|p| p.span.start <= at && at < p.span.end),
            "red line found in the sentence of {needle:?}"
        );
        assert!(
            a.positions
                .iter()
                .any(|p| p.span.start <= at && at < p.span.end),
            "no position in the sentence of {needle:?}"
        );
    }
}
