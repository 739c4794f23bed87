//! The attribution patterns, one short text of our own each.

use super::*;
use crate::load::load_bytes;

fn run(text: &str) -> (Document, Analysis) {
    let doc = load_bytes("t.txt", text.as_bytes(), Some("txt"))
        .expect("loads")
        .doc;
    let analysis = analyze(&doc, &Lexicon::builtin());
    (doc, analysis)
}

/// (quote text, speaker name or None) for every speech quote.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    let (doc, a) = run(text);
    a.quotes
        .iter()
        .filter(|q| q.speech)
        .map(|q| {
            (
                doc.span_text(q.span).to_string(),
                q.speaker.as_ref().map(|s| a.actors[s.actor].name.clone()),
            )
        })
        .collect()
}

fn said_by(text: &str, who: &str) {
    let got = speakers(text);
    assert!(!got.is_empty(), "no quote found in {text:?}");
    for (q, s) in &got {
        assert_eq!(s.as_deref(), Some(who), "quote {q:?} in {text:?}: {got:?}");
    }
}

const INTRO: &str = "Foreign Minister Jane Doe arrived in the capital on Monday for talks.\n";

#[test]
fn quote_then_name_and_cue() {
    said_by(
        "\"We will not yield,\" Jane Doe said on Monday.\n",
        "Jane Doe",
    );
}

#[test]
fn cue_then_name_after_the_quote() {
    said_by(
        "\"We will not yield,\" said Jane Doe, the foreign minister.\n",
        "Jane Doe",
    );
}

#[test]
fn name_and_cue_before_a_full_quote() {
    said_by(
        "Jane Doe said: \"We will not yield to pressure.\"\n",
        "Jane Doe",
    );
}

#[test]
fn partial_quote_later_in_the_sentence() {
    said_by(
        "Jane Doe said the talks would \"never\" resume under these terms.\n",
        "Jane Doe",
    );
}

#[test]
fn told_someone_with_a_colon() {
    said_by(
        "Jane Doe told the envoy: \"We are ready to talk.\"\n",
        "Jane Doe",
    );
}

#[test]
fn pronoun_attribution_links_to_the_person() {
    let text = format!("{INTRO}\"We are ready,\" she said. \"But not at any price.\"\n");
    said_by(&text, "Jane Doe");
}

#[test]
fn pronouns_respect_given_names() {
    let text = "Foreign Minister Jane Doe met Prime Minister John Roe on Monday.\n\
                \"We agreed on nothing,\" he said.\n";
    said_by(text, "John Roe");
}

#[test]
fn added_continues_the_same_speaker() {
    let text = format!("{INTRO}\"The door is open,\" Doe said. \"We will wait,\" she added.\n");
    said_by(&text, "Jane Doe");
}

#[test]
fn quote_running_over_two_paragraphs() {
    let text = format!(
        "{INTRO}Doe said: \"We are ready to talk.\n\"But not at any price, and not this week.\"\n"
    );
    let got = speakers(&text);
    assert_eq!(got.len(), 2, "{got:?}");
    said_by(&text, "Jane Doe");
}

#[test]
fn role_mention_links_to_the_person_with_that_role() {
    let text = format!("{INTRO}\"Nothing is settled,\" the minister said.\n");
    said_by(&text, "Jane Doe");
}

#[test]
fn role_described_before_the_name_is_introduced() {
    let text = "Utopia's top diplomat said the offer was \"too little\". \
                Utopian Foreign Minister Jane Doe spoke after the meeting.\n";
    let (_, a) = run(text);
    let doe = a
        .actors
        .iter()
        .find(|x| x.name == "Jane Doe")
        .expect("Doe found");
    assert!(doe.mentions.len() >= 2, "{:?}", a.actors);
}

#[test]
fn office_speaks_for_its_principal() {
    let text = "President John Roe wanted \"a fair deal for all sides\", his office said.\n";
    let (doc, a) = run(text);
    let q = a.quotes.iter().find(|q| q.speech).expect("a quote");
    let s = q.speaker.as_ref().expect("attributed");
    assert_eq!(a.actors[s.actor].name, "John Roe");
    assert_eq!(s.via.map(|v| doc.span_text(v)), Some("his office"));
}

#[test]
fn according_to() {
    said_by(
        "The plan was \"dead on arrival\", according to Jane Doe.\n",
        "Jane Doe",
    );
}

#[test]
fn quoted_as_saying() {
    said_by(
        "The agency quoted Jane Doe as saying \"the door remains open\".\n",
        "Jane Doe",
    );
    said_by(
        "Jane Doe was quoted as saying \"the door remains open\".\n",
        "Jane Doe",
    );
}

#[test]
fn relative_clause_speaker() {
    said_by(
        "The talks were led by President John Roe, who told reporters that the deal was \"within reach\".\n",
        "John Roe",
    );
}

#[test]
fn transcript_labels() {
    said_by("\"DOE: We will see what happens next week.\"\n", "DOE");
}

#[test]
fn participle_cue_takes_the_main_subject() {
    said_by(
        "Norway blamed its neighbour for the unrest, accusing it of fuelling a \"campaign of fear\".\n",
        "Norway",
    );
}

#[test]
fn coordinated_cue_takes_the_clause_subject() {
    said_by(
        "Speaking in the capital with the envoy, Jane Doe said the border was calm, and urged her neighbours to \"show restraint\".\n",
        "Jane Doe",
    );
}

#[test]
fn capital_stands_for_its_country() {
    let (_, a) = run("Paris said on Monday it was \"ready to talk\" about the dispute.\n");
    let q = a.quotes.iter().find(|q| q.speech).expect("a quote");
    assert_eq!(
        a.actors[q.speaker.as_ref().expect("attributed").actor].name,
        "France"
    );
    // In a place phrase the capital is a place, not the government.
    let (_, a) = run("Talks were held in Paris on Monday between the two envoys.\n");
    assert!(
        !a.actors.iter().any(|x| x.name == "France"),
        "{:?}",
        a.actors
    );
}

#[test]
fn acronym_and_expansion_are_one_actor() {
    let text = "Jane Doe, director of CSS, the Utopia-based Centre for Strategic Studies, \
                told reporters the plan was \"unlikely\".\n";
    let (_, a) = run(text);
    let centre: Vec<_> = a
        .actors
        .iter()
        .filter(|x| x.name.contains("Centre") || x.name == "CSS")
        .collect();
    assert_eq!(centre.len(), 1, "{:?}", a.actors);
    assert_eq!(centre[0].mentions.len(), 2);
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    let (_, a) = run("The so-called \"peace dividend\" never came.\n");
    assert!(a.quotes.iter().all(|q| !q.speech), "{:?}", a.quotes);
    let (_, a) =
        run("She appeared on \"Meet the Press\" on Sunday to talk about other things at length.\n");
    assert!(a.quotes.iter().all(|q| !q.speech), "{:?}", a.quotes);
}

#[test]
fn unattributed_speech_keeps_a_null_speaker() {
    let got = speakers(
        "The talks collapsed on Monday after three rounds in which neither delegation moved on the central questions of the dispute.\n\
         \"Nobody knows what will happen now that the talks have collapsed.\"\n",
    );
    assert!(got.iter().any(|(_, s)| s.is_none()), "{got:?}");
}

#[test]
fn every_mention_belongs_to_one_actor() {
    let text =
        format!("{INTRO}\"We are ready,\" she said, and Doe's aides agreed. The minister left.\n");
    let (_, a) = run(&text);
    let mut seen = std::collections::HashSet::new();
    for actor in &a.actors {
        for m in &actor.mentions {
            assert!(seen.insert(m.span), "{:?} twice", m.span);
        }
    }
}

#[test]
fn speaker_mentions_are_mentions_of_their_actor() {
    let text = format!("{INTRO}\"We are ready,\" she said.\n");
    let (_, a) = run(&text);
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            let m = s.mention.expect("a mention");
            assert!(a.actors[s.actor].mentions.iter().any(|x| x.span == m));
        }
    }
}

#[test]
fn hard_wrapped_copy_is_read_across_line_breaks() {
    let text = "TALKS STALL\n\nLONDON, March 9 - Trade Minister Jane\nDoe said the offer was \"not\nenough\" for her government.\n    \"We will wait,\" she said.\n";
    let (doc, a) = run(text);
    let doe = a
        .actors
        .iter()
        .position(|x| x.name == "Jane Doe")
        .expect("Doe across a line break");
    for q in a.quotes.iter().filter(|q| q.speech) {
        assert_eq!(
            q.speaker.as_ref().map(|s| s.actor.index()),
            Some(doe),
            "{}",
            doc.span_text(q.span)
        );
    }
}

#[test]
fn datelines_are_not_actors() {
    let (_, a) = run("LONDON, March 9 - Jane Doe said the plan \"works\".\n");
    assert!(
        !a.actors.iter().any(|x| x.name.contains("LONDON")),
        "{:?}",
        a.actors
    );
}

#[test]
fn analysis_is_deterministic() {
    let text = format!("{INTRO}\"We are ready,\" she said. Paris and Berlin agreed.\n");
    assert_eq!(run(&text).1, run(&text).1);
}

#[test]
fn hostile_inputs_finish_with_sane_output() {
    // Ten thousand unbalanced marks: quotes are paired within the
    // paragraph, never more than there are marks.
    let marks = "He said \"".repeat(10_000);
    let (_, a) = run(&marks);
    assert!(a.quotes.len() <= 5_001, "{}", a.quotes.len());
    // A long paragraph with no punctuation: one sentence, no actors.
    let words = "word ".repeat(200_000);
    let (_, a) = run(&words);
    assert_eq!(a.sentences.len(), 1);
    assert!(a.actors.is_empty());
    // Only pronouns: nothing to link them to.
    let (_, a) = run(&"he she they ".repeat(20_000));
    assert!(a.actors.is_empty(), "{:?}", a.actors.len());
    // Only capitals: no names from a run of shouting.
    let (_, a) = run(&"Alpha Beta Gamma Delta ".repeat(20_000));
    assert!(a.actors.is_empty(), "{:?}", a.actors.len());
}

#[test]
fn relative_pronoun_after_an_adverbial() {
    said_by(
        "The deal was pushed by Senator John Roe, who in 2010 said the plan was \"a lasting fix\".\n",
        "John Roe",
    );
}

#[test]
fn participle_after_a_name() {
    said_by(
        "The advert ends with footage of Jane Doe saying, \"We will not back down.\"\n",
        "Jane Doe",
    );
}

#[test]
fn name_set_off_by_a_dash() {
    said_by(
        "Several figures agreed, including the former minister Jane Doe -- \"It is a mistake to wait.\"\n",
        "Jane Doe",
    );
}

#[test]
fn lower_case_description_before_the_subject() {
    said_by(
        "Rival groups met again on Friday.\n\"The rules are not a suggestion,\" committee Chairwoman Ada Quill said after the vote.\n",
        "Ada Quill",
    );
    // A name after a preposition is not the subject of the cue.
    let got = speakers("\"It is over,\" a report about Ada Quill said on Friday.\n");
    assert!(
        got.iter().all(|(_, s)| s.as_deref() != Some("Ada Quill")),
        "{got:?}"
    );
}

#[test]
fn delegate_is_a_title_not_a_sentence_end() {
    said_by(
        "\"This hearing is a waste of everyone's time,\" said Del. Nora Vance of the territories.\n",
        "Nora Vance",
    );
}

#[test]
fn a_capitalised_sentence_after_an_attribution_is_speech() {
    said_by(
        "\"Nobody here is a guest,\" the mayor, Ida Brandt, added. \"We Belong Here.\"\n",
        "Ida Brandt",
    );
    assert_eq!(
        speakers("\"Nobody here is a guest,\" the mayor, Ida Brandt, added. \"We Belong Here.\"\n")
            .len(),
        2
    );
    // A title after "called" stays a title, full stop or not.
    let (_, a) = run("The studio released a film called \"Big Quiet Night.\"\n");
    assert!(a.quotes.iter().all(|q| !q.speech), "{:?}", a.quotes);
}

#[test]
fn a_role_and_the_name_set_off_after_it_are_one_person() {
    let text = "Talks resumed on Monday.\n\"Nobody here is a guest,\" the mayor, Ida Brandt, said.\n\"We will build,\" the company's chief executive, Tom Hale, said on Friday.\nThe council stayed silent.\n\"We will keep going,\" the mayor said later.\n";
    let got = speakers(text);
    let names: Vec<_> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        names,
        [Some("Ida Brandt"), Some("Tom Hale"), Some("Ida Brandt")],
        "{got:?}"
    );
    // The role is kept as the person's title, without its article.
    let (doc, a) = run(text);
    let ida = a
        .actors
        .iter()
        .find(|x| x.name == "Ida Brandt")
        .expect("actor");
    assert_eq!(ida.role.map(|r| doc.span_text(r)), Some("mayor"));
}

#[test]
fn what_someone_called_is_their_words() {
    said_by(
        "Senator Ann Holt spoke on Friday. She attacked what she called \"a rigged system.\"\n",
        "Ann Holt",
    );
}

#[test]
fn it_refers_to_an_organisation_not_a_person() {
    said_by(
        "Mayor Tom Reed left early.\nThe Security Council condemned the test, which it called \"a clear threat to peace.\"\n",
        "Security Council",
    );
}

#[test]
fn a_cue_inside_a_reported_clause_belongs_to_the_outer_speaker() {
    said_by(
        "President Ida Lund, opening the archive on Saturday, said it would tell a story \"of loss and of hope, told by those who lived it.\"\n",
        "Ida Lund",
    );
}

#[test]
fn two_appositives_between_the_name_and_the_cue() {
    said_by(
        "\"It is an overreach by the agency,\" Paul Arne, the attorney general of the province, one of the plaintiffs, said on Monday.\n",
        "Paul Arne",
    );
}

#[test]
fn nicknames_are_not_speech_even_with_a_cue() {
    let (_, a) = run(
        "Rep. Robert C. \"Bobby\" Lane opened his yard on Monday.\n\"This is a big year,\" his niece, Marcia \"Cia\" Lane, shouted to the crowd.\n",
    );
    let speech: Vec<_> = a.quotes.iter().filter(|q| q.speech).collect();
    assert_eq!(speech.len(), 1, "{:?}", a.quotes);
}

#[test]
fn a_list_of_companies_is_not_one_actor() {
    let (_, a) = run(
        "Since then Northwind Corp, Bluefield Corp, Hartwell Systems Inc and others have entered the market.\n",
    );
    let orgs: Vec<_> = a.actors.iter().map(|x| x.name.as_str()).collect();
    for name in ["Northwind Corp", "Bluefield Corp", "Hartwell Systems Inc"] {
        assert!(orgs.contains(&name), "{name} missing from {orgs:?}");
    }
}

#[test]
fn places_with_connectors_and_state_abbreviations_are_not_actors() {
    let (_, a) = run(
        "PALO VERDE, Calif., April 2 - Talks between the shippers and the port stalled on Monday, officials said.\n    \"We will not send ships into the Strait of Hormuz,\" the agency quoted Ivanov as saying.\n    Santa Clara, Calif.-based Hartwell said it would wait.\n",
    );
    let names: Vec<_> = a.actors.iter().map(|x| x.name.as_str()).collect();
    for bad in ["Strait", "Talks", "Calif."] {
        assert!(!names.contains(&bad), "{bad} in {names:?}");
    }
}

/// The sentence gate (the main pass marks sentences that may hold a
/// stance) must skip no position the stance pass would find without it.
#[test]
fn the_stance_gate_skips_no_position() {
    let negotiation = "Talks resumed in Geneva on Monday.\n\n\
        Whitfield said the fleet is not up for negotiation.\n\n\
        The ministry said its missile range will not be traded away.\n\n\
        The status of the port can never be negotiable, Whitfield said.\n\n\
        Ports are not a matter for the courts, the ministry said.\n\n\
        The islands cannot be ceded, the ministry said.\n\n\
        The ministry said the water rights could not be bartered.\n";
    let lex = Lexicon::builtin();
    for text in [crate::load::SAMPLE_BRIEFING, negotiation] {
        let (doc, gated) = run(text);
        let all = positions(&doc, &analyze_quotes(&doc, &lex), &lex);
        assert!(!all.is_empty());
        // A negation and a negotiation word, and no cue: "cannot be ceded".
        if text == negotiation {
            assert!(all.iter().any(|p| doc.span_text(p.span).contains("ceded")));
            assert!(
                all.iter()
                    .any(|p| doc.span_text(p.span).contains("bartered"))
            );
        }
        assert_eq!(gated.positions, all, "in {:.40}", text);
    }
}

#[test]
fn subject_before_a_participle_phrase() {
    said_by(
        &format!(
            "{INTRO}The protesters marching in the streets said \"We will stay here until the talks resume.\"\n"
        ),
        "The protesters",
    );
    said_by(
        &format!(
            "{INTRO}Jane Doe speaking at the rally said \"We will stay here until the talks resume.\"\n"
        ),
        "Jane Doe",
    );
}

#[test]
fn a_short_exclamation_is_speech_not_a_term() {
    // Nobody in the text to attribute it to.
    let text =
        "Talks stall\n\nOutside the hall, \"Not one step back!\" rang out across the square.\n";
    let (doc, a) = run(text);
    let speech: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.speech)
        .map(|q| doc.span_text(q.span))
        .collect();
    assert_eq!(speech, ["Not one step back!"]);
    // A capitalised word and a stop is a name, not an utterance.
    let (_, a) = run("Talks stall\n\nThe plan is known as \"Horizon.\"\n");
    assert!(a.quotes.iter().all(|q| !q.speech));
}

#[test]
fn referenced_is_a_cue() {
    let text = format!(
        "{INTRO}Although the World Bank did not name Doe, it referenced \"a long list of broken promises\" in its report.\n"
    );
    said_by(&text, "World Bank");
    let (doc, a) = run(&text);
    let s = a.quotes[0].speaker.as_ref().expect("a speaker");
    assert_eq!(s.cue.map(|c| doc.span_text(c)), Some("referenced"));
    assert_eq!(s.mention.map(|m| doc.span_text(m)), Some("it"));
}

#[test]
fn a_noun_phrase_with_an_of_tail_speaks() {
    said_by(
        &format!(
            "{INTRO}Pressed on the plan, the 34-year-old mother of three replied, \"It is meant to help families first.\"\n"
        ),
        "the 34-year-old mother of three",
    );
    said_by(
        "Figures due\n\nThe head of the agency said \"We will publish the figures next week as planned.\"\n",
        "The head of the agency",
    );
}

#[test]
fn a_name_set_off_by_a_dash_after_the_quote() {
    said_by(
        "Voices\n\nSenator John Roe said young voters are angry.\n\n\u{201c}I would rather live anywhere else than in a world where he is president.\u{201d} \u{2015} Adriana Rodarte\n",
        "Adriana Rodarte",
    );
    said_by(
        "Voices\n\nSenator John Roe said young voters are angry.\n\n\"We will keep marching every weekend until they listen to us\" -- Jane Doe, organiser\n",
        "Jane Doe",
    );
}

#[test]
fn every_speaker_and_position_names_the_rule_that_decided_it() {
    let (_, a) = run(crate::load::SAMPLE_BRIEFING);
    let speakers: Vec<&str> = a
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| s.rule)
        .collect();
    assert!(!speakers.is_empty() && !a.positions.is_empty());
    assert!(speakers.iter().all(|r| !r.is_empty()), "{speakers:?}");
    assert!(a.positions.iter().all(|p| !p.rule.is_empty()));
    // A quote followed by its attribution and one preceded by it.
    let (_, a) = run(
        "Talks stall\n\n\"We will wait,\" the minister said.\n\nThe envoy said: \"No deal.\"\n",
    );
    let rules: Vec<&str> = a
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(|s| s.rule))
        .collect();
    assert_eq!(rules, ["after-close", "cue-before"]);
}

/// The actors' names, in order of appearance.
fn actor_names(text: &str) -> Vec<String> {
    let (_, a) = run(text);
    a.actors.iter().map(|x| x.name.clone()).collect()
}

#[test]
fn a_company_with_and_without_its_legal_form_is_one_actor() {
    let names = actor_names(
        "DENVER, May 4 - Marbeck Tools Inc said it rejected the offer.\n    Marbeck Tools said the bid was too low, and Marbeck Tools will meet on Friday.\n",
    );
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Marbeck")).count(),
        1,
        "{names:?}"
    );
    assert!(names.contains(&"Marbeck Tools".to_string()), "{names:?}");
}

#[test]
fn a_legal_form_stays_when_the_article_never_drops_it() {
    let names = actor_names(
        "DENVER, May 4 - Halvern Systems Corp said it rejected the offer.\n    Halvern Systems Corp said the bid was too low.\n",
    );
    assert!(
        names.contains(&"Halvern Systems Corp".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_legal_form_closes_a_name_before_and() {
    let names = actor_names(
        "The merger of Blenkor Holdings AG and Tarvex Corp was approved, Blenkor Holdings AG said, and Tarvex Corp said it agreed.\n",
    );
    assert!(names.iter().any(|n| n.starts_with("Blenkor")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("Tarvex")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains(" and ")), "{names:?}");
}

#[test]
fn legal_forms_alone_are_no_actor() {
    let names = actor_names(
        "Quillan Tools said an opinion from its adviser, Jane Harlow and Co Inc, found the offer unfair.\n",
    );
    assert!(!names.iter().any(|n| n == "Co Inc"), "{names:?}");
}

#[test]
fn hyphen_and_space_spell_one_organisation() {
    let names = actor_names(
        "Verdan-Kross Group said it would strike on Monday.\n    The Verdan Kross Group said it would not yield.\n",
    );
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Verdan")).count(),
        1,
        "{names:?}"
    );
}

const FIRM: &str =
    "DENVER, May 4 - Marbeck Tools Inc said it rejected an offer from Zorvan Partners.\n";

#[test]
fn the_company_is_the_company_in_play() {
    said_by(
        &format!("{FIRM}    \"The offer is far too low,\" the company said.\n"),
        "Marbeck Tools Inc",
    );
}

#[test]
fn an_unnamed_spokesman_speaks_for_the_company() {
    said_by(
        &format!("{FIRM}    \"We will not sell at this price,\" a spokesman said.\n"),
        "Marbeck Tools Inc",
    );
}

#[test]
fn a_spokesman_for_a_named_body_is_that_body() {
    said_by(
        &format!("{FIRM}    \"We will raise the bid,\" a spokesman for Zorvan Partners said.\n"),
        "Zorvan Partners",
    );
}

#[test]
fn its_board_is_the_company() {
    said_by(
        &format!("{FIRM}    \"The offer is inadequate,\" its board said.\n"),
        "Marbeck Tools Inc",
    );
}

#[test]
fn a_rival_company_is_another_party() {
    let got = speakers(&format!(
        "{FIRM}    \"We may bid as well,\" a rival company said.\n"
    ));
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() != Some("Marbeck Tools Inc")),
        "{got:?}"
    );
}

#[test]
fn the_government_is_the_country_in_the_story() {
    said_by(
        "OSLO, May 4 - Norway will review the sale of the port, Norway said on Monday.\n    \"We have grave doubts about the buyer,\" the government said.\n",
        "Norway",
    );
}

#[test]
fn an_official_of_another_country_is_that_country() {
    said_by(
        "TOKYO, May 4 - Japan said it would cut its tariffs on steel, and Japan will vote on Friday.\n    \"This is not enough,\" a U.S. official said.\n",
        "United States",
    );
}

#[test]
fn a_possessive_clitic_opens_no_actor() {
    let names = actor_names(
        "Quillan Tools said two directors missed yesterday's special meeting which voted to reject the offer.\n",
    );
    assert!(!names.iter().any(|n| n.starts_with('\'')), "{names:?}");
}

/// A speaking pronoun far from its antecedent: the story's last person
/// of that gender, not an actor named "he".
#[test]
fn a_distant_pronoun_speaks_for_the_last_person_it_fits() {
    let text = "Mayor Tomas Brandt opened the new ferry terminal on Tuesday.\n\
        The terminal cost 40 million crowns.\n\
        Work began three years ago.\n\
        Traffic on the bridge has doubled since then.\n\
        Ferries will leave every twenty minutes.\n\
        \"This is a good day for the island,\" he said.\n";
    said_by(text, "Tomas Brandt");
    let (_, a) = run(text);
    assert!(
        a.actors.iter().all(|x| x.name.to_lowercase() != "he"),
        "{:?}",
        a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

/// A pronoun never stands for an actor it does not fit: "she" is not the
/// only man of the story.
#[test]
fn a_distant_pronoun_does_not_take_an_actor_of_another_gender() {
    let text = "Mayor Tomas Brandt opened the new ferry terminal on Tuesday.\n\
        The terminal cost 40 million crowns.\n\
        Work began three years ago.\n\
        Traffic on the bridge has doubled since then.\n\
        Ferries will leave every twenty minutes.\n\
        \"This is a good day for the island,\" she said.\n";
    let got = speakers(text);
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() != Some("Tomas Brandt")),
        "{got:?}"
    );
}
