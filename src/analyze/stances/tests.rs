//! Red lines and positions on short sentences written for these tests:
//! every pattern of the rules, and the negations and hedges that must not
//! become red lines.

use crate::analyze::analyze;
use crate::lexicon::Lexicon;
use crate::load::load_bytes;
use crate::model::{Analysis, PositionKind};

fn run(text: &str) -> (String, Analysis) {
    let doc = load_bytes("t.txt", text.as_bytes(), Some("txt"))
        .expect("loads")
        .doc;
    let analysis = analyze(&doc, &Lexicon::builtin());
    (doc.content().into_owned(), analysis)
}

/// (holder name, trigger text, red line, kind) of every position.
fn found(text: &str) -> Vec<(String, String, bool, PositionKind)> {
    let (content, a) = run(text);
    a.positions
        .iter()
        .map(|p| {
            let holder = p
                .holder
                .map_or_else(String::new, |h| a.actors[h].name.clone());
            let trigger = p.trigger.map_or("", |t| t.text(&content)).to_string();
            (holder, trigger, p.red_line, p.kind)
        })
        .collect()
}

fn red_lines(text: &str) -> Vec<(String, String)> {
    found(text)
        .into_iter()
        .filter(|p| p.2)
        .map(|p| (p.0, p.1))
        .collect()
}

/// Asserts exactly one red line, held by `holder`, whose trigger contains
/// `trigger`.
#[track_caller]
fn one_red_line(text: &str, holder: &str, trigger: &str) {
    let red = red_lines(text);
    assert_eq!(red.len(), 1, "{text}\n{red:?}\n{:?}", found(text));
    assert_eq!(red[0].0, holder, "{text}\n{red:?}");
    assert!(red[0].1.contains(trigger), "{text}\n{red:?}");
}

#[track_caller]
fn no_red_line(text: &str) {
    let red = red_lines(text);
    assert!(red.is_empty(), "{text}\n{red:?}");
}

/// Asserts a position (not a red line) held by `holder`.
#[track_caller]
fn position_of(text: &str, holder: &str) {
    let all = found(text);
    assert!(all.iter().any(|p| !p.2 && p.0 == holder), "{text}\n{all:?}");
}

// ------------------------------------------------------------ red lines

#[test]
fn categorical_refusals() {
    one_red_line(
        "Foreign Minister Ana Ruiz said on Monday that Chile will never accept a foreign base on its soil.",
        "Chile",
        "will never accept",
    );
    one_red_line(
        "Norway refuses to sign the fisheries treaty, Prime Minister Erik Lund said on Friday.",
        "Norway",
        "refuses",
    );
    one_red_line(
        "Prime Minister Erik Lund ruled out any new tax on fuel.",
        "Erik Lund",
        "ruled out",
    );
    one_red_line(
        "Peru rejected the offer on Tuesday, saying it came too late.",
        "Peru",
        "rejected",
    );
    one_red_line(
        "Chile could not accept a deal that leaves the border open, Ruiz told reporters.",
        "Chile",
        "could not accept",
    );
    one_red_line(
        "Chile is not prepared to discuss the border while troops remain there, Ruiz said.",
        "Chile",
        "not prepared to discuss",
    );
}

#[test]
fn things_that_will_never_be_negotiated() {
    one_red_line(
        "Prime Minister Erik Lund said the fishing quota was not up for negotiation.",
        "Erik Lund",
        "not up for negotiation",
    );
    one_red_line(
        "Foreign Minister Ana Ruiz said the islands would \"never\" be on the negotiating table.",
        "Ana Ruiz",
        "never",
    );
    one_red_line(
        "\"Our coastline will never be traded away,\" Foreign Minister Ana Ruiz said.",
        "Ana Ruiz",
        "never be traded",
    );
    one_red_line(
        "Foreign Minister Ana Ruiz said the sovereignty of the islands was non-negotiable.",
        "Ana Ruiz",
        "non-negotiable",
    );
}

#[test]
fn the_party_named_holds_it() {
    one_red_line(
        "Peru has proposed a joint patrol. The Chilean plan would be unacceptable to Peru, \
         Foreign Minister Luis Vega said.",
        "Peru",
        "unacceptable",
    );
    one_red_line(
        "Prime Minister Erik Lund criticised Norway's non-negotiable deadline for the talks.",
        "Norway",
        "non-negotiable",
    );
}

#[test]
fn conditions_that_must_be_met() {
    one_red_line(
        "Norwegian officials say any agreement would have to include a ban on drift nets.",
        "Norway",
        "would have to",
    );
    one_red_line(
        "Peru is willing to resume talks, but only if the blockade is lifted, Foreign Minister Luis Vega said.",
        "Peru",
        "only if",
    );
    one_red_line(
        "Foreign Minister Luis Vega said Peru would not return to the talks unless the blockade ends.",
        "Peru",
        "would not return",
    );
    one_red_line(
        "\"Our fisheries must not be allowed to collapse,\" Prime Minister Erik Lund said.",
        "Erik Lund",
        "must",
    );
    one_red_line(
        "Chile demands, as a condition for any accord, that the troops leave first.",
        "Chile",
        "as a condition",
    );
}

#[test]
fn explicit_red_line_language() {
    one_red_line(
        "\"Access to the sea is a red line for us,\" Foreign Minister Luis Vega said.",
        "Luis Vega",
        "red line",
    );
}

#[test]
fn an_analysts_red_line_belongs_to_the_party_with_the_analyst_as_source() {
    let text = "Maria Costa, director of the Lisbon Centre for Maritime Studies, said access to the \
                port remains a red line for Chile.";
    one_red_line(text, "Chile", "red line");
    let (_, a) = run(text);
    let p = a.positions.iter().find(|p| p.red_line).unwrap();
    let source = p.source.map(|s| a.actors[s].name.as_str());
    assert_eq!(source, Some("Maria Costa"));
    // Without a party it is only the analyst's assessment.
    let text = "Maria Costa, director of the Lisbon Centre for Maritime Studies, said the port \
                remains a red line.";
    no_red_line(text);
}

#[test]
fn headline_red_lines_take_the_holder_the_headline_names() {
    let text = "CHILE REJECTS PERU OFFER\n\nSANTIAGO, March 3 - Chile rejected an offer from Peru \
                to share the port, Foreign Minister Ana Ruiz said.\n";
    let red = red_lines(text);
    assert_eq!(red.len(), 2, "{red:?}");
    assert!(red.iter().all(|r| r.0 == "Chile"), "{red:?}");
}

// ------------------------------------------------------------ not red lines

#[test]
fn negated_refusals_are_concessions() {
    let text = "Chile would not rule out new talks, Foreign Minister Ana Ruiz said.";
    no_red_line(text);
    position_of(text, "Chile");
    let text = "Norway will not oppose the nomination, Prime Minister Erik Lund said.";
    no_red_line(text);
    position_of(text, "Norway");
    no_red_line("Peru did not reject the plan outright, Vega said.");
    no_red_line("Peru refused to rule out a new round of talks.");
}

#[test]
fn never_before_and_not_necessarily() {
    no_red_line("Chile has never before hosted such a summit, Ruiz said.");
    no_red_line("Chile has never accepted foreign troops, Ruiz said.");
    no_red_line("Ruiz said the new quota was not necessarily a bad idea.");
    no_red_line("Norway had never been so close to a deal, Lund said.");
}

#[test]
fn hedges_and_hypotheticals() {
    no_red_line("It remains unclear whether Peru will never return to the table.");
    no_red_line("Peru may reject the plan, Foreign Minister Luis Vega said.");
    no_red_line("If the talks fail, Peru would never sign the accord, Vega said.");
    no_red_line("Ruiz said Chile is unlikely to reject the offer.");
    no_red_line("Did Chile reject the offer?");
    no_red_line("Farmers were confident the tax would be rejected.");
    no_red_line("Diplomats say Chile can only benefit from the accord if all parties agree to it.");
    no_red_line("Ruiz said Peru would not be able to pay its debt.");
}

#[test]
fn an_analysts_must_is_a_position_not_a_red_line() {
    let text = "\"The bank must raise rates soon,\" said Ivan Petrov, an economist at the \
                Baltic Research Institute.";
    no_red_line(text);
    position_of(text, "Ivan Petrov");
}

#[test]
fn what_someone_urges_is_no_red_line_of_anyone() {
    let text = "Foreign Minister Luis Vega urged Chile to never accept the base.";
    no_red_line(text);
    position_of(text, "Luis Vega");
}

#[test]
fn refusals_to_comment_are_positions() {
    let text = "Foreign Minister Luis Vega declined to comment on the talks.";
    no_red_line(text);
    position_of(text, "Luis Vega");
}

#[test]
fn unidentified_groups_and_market_words_hold_nothing() {
    assert!(found("Dealers said the dollar will not recover this week.").is_empty());
    assert!(found("Analysts rejected the forecast.").is_empty());
    assert!(found("Chile's oil demand rose 3 pct in March.").is_empty());
    assert!(found("Support for the peso held at 850 per dollar.").is_empty());
}

// ------------------------------------------------------------ positions

#[test]
fn positions_of_each_kind() {
    let kinds = |text: &str| -> Vec<PositionKind> { found(text).iter().map(|p| p.3).collect() };
    assert!(kinds("Peru urged Chile to withdraw its troops.").contains(&PositionKind::Demand));
    assert!(kinds("Chile is ready to host the talks, Ruiz said.").contains(&PositionKind::Offer));
    assert!(kinds("Norway welcomed the agreement, Lund said.").contains(&PositionKind::Support));
    assert!(kinds("Peru opposes the new quota.").contains(&PositionKind::Opposition));
    assert!(
        kinds("Chile accused Peru of violating the treaty.").contains(&PositionKind::Accusation)
    );
    assert!(
        kinds("Prime Minister Erik Lund said the quota was counterproductive.")
            .contains(&PositionKind::Assessment)
    );
}

#[test]
fn we_in_a_ministers_quote_is_the_ministers_country() {
    let text = "\"We want a fair deal,\" Chilean Foreign Minister Ana Ruiz said in Santiago, \
                where Chile hosts the talks.";
    position_of(text, "Chile");
}

#[test]
fn the_journalists_narration_holds_no_position() {
    // An evaluative word outside anyone's words.
    assert!(found("The counterproductive tariff took effect in March.").is_empty());
}

#[test]
fn positions_are_sorted_and_inside_the_text() {
    let (content, a) = run(crate::load::SAMPLE_BRIEFING);
    let mut last = 0;
    for p in &a.positions {
        assert!(p.span.start >= last);
        last = p.span.start;
        assert!(p.span.end as usize <= content.len());
        if let Some(t) = p.trigger {
            assert!(p.span.contains(t), "trigger outside its sentence");
        }
    }
}

#[test]
fn the_configuration_adds_red_line_phrases() {
    let text = "Chile has proposed new talks. Foreign Minister Ana Ruiz said the vote on the \
                islands was a point of no return for Chile.";
    no_red_line(text);
    let extra = crate::lexicon::LexiconConfig {
        red_line_phrases: vec!["point of no return".into()],
        ..Default::default()
    };
    let lex = Lexicon::with_config(&extra);
    assert!(
        lex.red_line_phrases
            .iter()
            .any(|p| p == "point of no return")
    );
    let doc = load_bytes("t.txt", text.as_bytes(), Some("txt"))
        .unwrap()
        .doc;
    let a = analyze(&doc, &lex);
    let red: Vec<_> = a.positions.iter().filter(|p| p.red_line).collect();
    assert_eq!(red.len(), 1, "{:?}", a.positions);
    assert_eq!(
        red[0].holder.map(|h| a.actors[h].name.as_str()),
        Some("Chile")
    );
}

// ------------------------------------------------------- constructions

/// The rules of the red lines of `text`.
fn red_rules(text: &str) -> Vec<&'static str> {
    let (_, a) = run(text);
    a.positions
        .iter()
        .filter(|p| p.red_line)
        .map(|p| p.rule)
        .collect()
}

#[track_caller]
fn red_by(text: &str, holder: &str, rule: &str) {
    let red = red_lines(text);
    assert_eq!(red.len(), 1, "{text}\n{red:?}\n{:?}", found(text));
    assert_eq!(red[0].0, holder, "{text}\n{red:?}");
    assert_eq!(red_rules(text), [rule], "{text}");
}

#[test]
fn a_negated_future_with_any_action_verb() {
    red_by(
        "Harbour union leader Tom Riggs said he will not unload the grain ships.",
        "Tom Riggs",
        "negated-future",
    );
    red_by(
        "Norway will not extend or renew the fishing licences, Prime Minister Erik Lund said.",
        "Norway",
        "negated-future",
    );
    red_by(
        "Prime Minister Erik Lund said he won't lower the fuel levy.",
        "Erik Lund",
        "negated-future",
    );
    red_by(
        "\"We are not going to hand over the archives,\" Mayor Ana Ruiz said.",
        "Ana Ruiz",
        "negated-future",
    );
    red_by(
        "Chile is unwilling to lower its copper levy, Foreign Minister Ana Ruiz said.",
        "Chile",
        "negated-future",
    );
}

#[test]
fn a_negated_future_of_a_state_outcome_schedule_or_forecast_is_none() {
    // States, outcomes and speech are no actions.
    no_red_line("Foreign Minister Ana Ruiz said Chile will not be ready before May.");
    no_red_line("Mayor Tom Riggs said the port will not survive another season.");
    no_red_line("Mayor Tom Riggs said he would not comment on the ruling.");
    // A schedule.
    no_red_line("Norway will not hold its auction today, Prime Minister Erik Lund said.");
    // No actor subject: a forecast about prices or weather.
    no_red_line("Foreign Minister Ana Ruiz said copper prices will not climb this winter.");
    // A hedge governs it.
    no_red_line("Mayor Tom Riggs said the council may not renew the lease.");
}

#[test]
fn negated_opposition_is_a_concession() {
    for text in [
        "Norway will not contest the ruling, Prime Minister Erik Lund said.",
        "Norway would not stand in the way of the merger, Prime Minister Erik Lund said.",
    ] {
        no_red_line(text);
        position_of(text, "Norway");
        let all = found(text);
        assert!(
            all.iter().any(|p| p.3 == PositionKind::Offer),
            "{text}\n{all:?}"
        );
    }
}

#[test]
fn a_negative_object_after_a_modal() {
    red_by(
        "Norway will allow no foreign trawlers in its waters, Prime Minister Erik Lund said.",
        "Norway",
        "negative-object",
    );
    red_by(
        "\"We will settle for nothing less than full wages,\" union leader Tom Riggs said.",
        "Tom Riggs",
        "negative-object",
    );
    no_red_line("Prime Minister Erik Lund said Norway will have no trouble paying.");
    no_red_line("Prime Minister Erik Lund said there will be no vote this year.");
}

#[test]
fn a_condition_before_the_main_clause() {
    red_by(
        "\"If the rival line keeps cutting its fares, we will withdraw our ferries,\" Prime Minister Erik Lund said.",
        "Erik Lund",
        "fronted-condition",
    );
    red_by(
        "Prime Minister Erik Lund said that unless the tariff is lifted, Norway would close its ports to the ships.",
        "Norway",
        "fronted-condition",
    );
    // An outcome, not an action of an actor.
    no_red_line(
        "Prime Minister Erik Lund said that if fuel prices rise, small ferry lines will go under.",
    );
    // A hypothetical in the speaker's own words.
    no_red_line("\"If it rained, we would close the ports,\" Prime Minister Erik Lund said.");
}

#[test]
fn a_condition_after_a_committed_main_clause() {
    let text = "Norway will recall its fishing fleet unless the quota is restored, Prime \
                Minister Erik Lund said.";
    let red = red_lines(text);
    assert_eq!(red.len(), 1, "{red:?}");
    assert_eq!(red[0].0, "Norway");
    no_red_line("Prime Minister Erik Lund said fish prices will fall unless the weather improves.");
}

#[test]
fn restrictive_only_and_persisting_until() {
    red_by(
        "Union leader Tom Riggs will only unload the ships once the lockout ends.",
        "Tom Riggs",
        "restrictive-only",
    );
    red_by(
        "Union leader Tom Riggs said he would stay out until the owners restore the bonus.",
        "Tom Riggs",
        "persist-until",
    );
    // "until" a time is no condition; a plain fact of persisting neither.
    no_red_line("Union leader Tom Riggs said he would stay out until March.");
    no_red_line("Union leader Tom Riggs said he stayed out until the owners left.");
}

#[test]
fn threats_with_a_condition_and_insistence_on_a_deal() {
    red_by(
        "Norway has threatened to close its ports to the fleet if the quota is cut, Prime Minister Erik Lund said.",
        "Norway",
        "conditional-threat",
    );
    no_red_line("Norway has threatened to close its ports, Prime Minister Erik Lund said.");
    red_by(
        "Norway would insist on a price floor in any new fisheries pact, Prime Minister Erik Lund said.",
        "Norway",
        "insist-on-deal",
    );
}

#[test]
fn subject_control_lends_the_subject_to_a_refusal() {
    one_red_line(
        "Prime Minister Erik Lund vowed to veto the harbour bill.",
        "Erik Lund",
        "veto",
    );
}

#[test]
fn a_condition_stated_as_such() {
    one_red_line(
        // The subject is no actor: the speaker holds it (as "unacceptable").
        "Prime Minister Erik Lund said the support for the pact is conditional on a quota for the fleet.",
        "Erik Lund",
        "conditional on",
    );
    no_red_line("Prime Minister Erik Lund said the weather was good for fishing.");
}

#[test]
fn a_condition_on_ones_own_proposal_is_an_offer() {
    let text = "The council would approve the park on condition that the old trees are kept, \
                Mayor Ana Ruiz said.";
    no_red_line(text);
}

/// The holder `holders_at` gives a stance cued by the first `trigger` of
/// `text` (one sentence).
fn holder_at(text: &str, trigger: &str) -> Option<String> {
    let (content, a) = run(text);
    let at = content.find(trigger).expect("trigger in text") as u32;
    let si = a
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .expect("in a sentence");
    let span = crate::span::Span::new(at as usize, at as usize + trigger.len());
    let lex = Lexicon::builtin();
    let st = super::Stances::new(&content, &a.sentences, &a.actors, &a.quotes, &lex, None);
    let h = st.holders_at(&[(si, span)]);
    h[0].map(|h| a.actors[h].name.clone())
}

#[test]
fn holders_for_cues_the_rules_did_not_find_come_from_the_clause() {
    // The subject of the cue's verb group.
    assert_eq!(
        holder_at(
            "Brightwater Holdings spurned the takeover bid on Tuesday.",
            "spurned"
        )
        .as_deref(),
        Some("Brightwater Holdings")
    );
    // The agent of a passive.
    assert_eq!(
        holder_at(
            "The tariff plan was spurned by Tarn Industries on Friday.",
            "spurned"
        )
        .as_deref(),
        Some("Tarn Industries")
    );
    // A subject that is no actor: the speaker of the reporting clause.
    assert_eq!(
        holder_at(
            "Greta Lind, the mayor of Vastby, said the council ought to back the tram line.",
            "back"
        )
        .as_deref(),
        Some("Greta Lind")
    );
    // Inside a quote: the quote's speaker.
    assert_eq!(
        holder_at(
            "\"We shall fight this ruling all the way,\" said Omar Ferris.",
            "fight"
        )
        .as_deref(),
        Some("Omar Ferris")
    );
}

#[test]
fn no_holder_when_nobody_takes_the_stance() {
    assert_eq!(
        holder_at("The weather improved over the long weekend.", "improved"),
        None
    );
}

#[test]
fn a_quoted_we_gives_the_stance_to_the_speakers_side() {
    let text = "Omar Ferris, chairman of Brightwater Holdings, spoke on Monday. \
                \"We will fight this ruling in every court,\" Ferris said.";
    assert_eq!(
        holder_at(text, "fight").as_deref(),
        Some("Brightwater Holdings")
    );
    let text = "Omar Ferris, chairman of Brightwater Holdings, spoke on Monday. \
                \"I will fight this ruling in every court,\" Ferris said.";
    assert_eq!(holder_at(text, "fight").as_deref(), Some("Omar Ferris"));
}
