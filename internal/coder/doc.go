// Package coder is detente's raw-text event coder: English news in, CAMEO
// and PLOVER events with evidence out, in pure Go and without a parser model.
//
// # Pipeline
//
// For each document: sentences, tokens, Penn Treebank tags and lemmas
// (internal/text) -> actor mentions (internal/actors, plus the place
// gazetteer in data/places.txt) -> shallow clause structure -> verb and
// noun patterns (internal/verbs) -> events, quotes and mentions.
//
// Clause structure is shallow and rule based. Tokens are grouped into
// clauses at quotation marks, semicolons and dashes, subordinators (if,
// unless, after, because ...), relative pronouns (which, who, that), the
// complement of speech verbs ("said (that) ..."), trailing speech clauses
// (", officials said"), "according to X", and "and"/"but" before a finite
// verb (VP coordination, which shares the subject). Within a clause:
//
//   - Subject: the first actor not inside a prepositional phrase before the
//     verb; else one after "of"/"by" ("Supporters of an Iraqi militia");
//     in a relative clause the antecedent ("Qatar, which hosts ..."); in
//     VP coordination the first clause's subject; "he"/"she"/"it"/"they" in
//     the complement of a speech verb resolve to the speaker ("Trump said he
//     was willing to meet ..."), "we"/"I"/"us"/"our country" in a quotation
//     to the quoted speaker, other pronouns to the last subject coded in the
//     document.
//   - Target: the first actor after the verb (or after the pattern's "+"
//     slot) in the clause or in a that-complement of the verb. Actors after
//     locative prepositions ("in Tehran", "at the UN") are locations, not
//     targets; a state or place becomes the target only when nothing else
//     is ("U.S. bombers struck Fordow" -> IRN). Same-country targets and
//     bare agents ("protesters") are skipped unless the pattern is marked
//     domestic (!self: protests, repression, mass violence). A modifier of
//     the pattern's event noun is not the target ("lifted U.S. sanctions on
//     Syria" -> SYR).
//   - Passive voice (be/get + VBN): the by-phrase is the source and the
//     subject the target ("Iran was struck by the U.S." -> USA->IRN); a
//     passive without a by-phrase has no source and is not coded (except
//     force posture, "forces were put on high alert"). A pattern's object
//     words may stand in the passive subject ("Diplomatic ties with Iran
//     were severed by Bahrain" matches "sever tie"; "Aid to Ethiopia was
//     suspended by ..." matches "suspend aid"), and an actor in a
//     prepositional modifier of that subject is the target.
//   - Object relative clauses: "Ukraine, which Russia invaded" has its own
//     subject, and the antecedent is the target; "the weapons that Iran
//     supplied to the Houthis" lets the antecedent noun complete the
//     pattern ("supply weapon to"). Such a clause describes its antecedent
//     and is not the content of an event verb before it ("denounced the
//     sanctions that Washington imposed on Russia" codes both). "that"
//     after a common noun starts a relative clause unless the verb is a
//     speech or warn/tell verb. "Sudan, whose army ..." gives the bare agent
//     the antecedent's country.
//   - Reduced relatives: a participle right after a noun, with "there be"
//     before it or a finite be/have after it ("There were 10 soldiers killed
//     in Ukraine", "diplomats detained in Iraq were freed"), is passive.
//   - Clause coordination: "and"/"but" followed by a noun phrase and a
//     finite verb after a finite verb starts a new clause with its own
//     subject ("Israel attacked Gaza and Hamas fired rockets at Israel"),
//     and that noun phrase is not an object of the first verb.
//   - A place is a last-resort target only within a few tokens of the verb.
//   - Coordination: "A and B", "A, B and C" give one event per actor on each
//     side; "A, B," without and/or is an apposition, not a list; "along
//     with", "together with" and "as well as" coordinate too. Reciprocal
//     patterns (!recip: "exchanged fire", "clashed") code both directions;
//     a reciprocal event noun followed by "between A and B" ("talks
//     between Sudan and South Sudan") codes both directions without a
//     maker, unless a modal other than "will" governs its clause.
//   - Pattern fallback: when the most specific pattern of a verb finds no
//     participants (no target and not reciprocal), the next matching, less
//     specific pattern of the same verb is tried ("Japan and Australia
//     signed a defence pact" falls back from "sign defence pact with +" to
//     the reciprocal "sign pact"); a blocking pattern stops the search.
//   - Reversed patterns (!rev: "received a phone call from X") make the
//     actor at the pattern's slot the source and the subject the target.
//   - Lemmas: British doubled l ("travelled", "cancelled", "signalled") is
//     undone when only the single-l verb is in the pattern dictionary, and
//     "on the sidelines of X" makes X a venue.
//   - Appositions and possessives: the actor dictionary joins "Iran's
//     Foreign Minister Abbas Araghchi"; "Sudan's Rapid Support Forces" is
//     the group, not the state.
//   - Nominalisations: an event noun ("bombing of", "backing of",
//     "invitation to talks", "visit to") is coded when it has a maker
//     (possessor or pre-modifier actor: "Iran's backing", "the U.S. bombing",
//     or a by-phrase) and an addressee after it; invitations, offers,
//     proposals and demands that are rejected are addressed to the rejecter
//     ("Iran rejected the U.S. invitation" -> USA->IRN 036). After a light
//     verb ("carried out a bombing", "held talks with") the noun carries the
//     event and the verb's subject is the maker.
//   - Content is not coded twice: the verbs (and event nouns) inside the
//     complement of an event verb are its content ("threatened to bomb",
//     "accused X of assassinating", "demanded that Y halt") and give no
//     event of their own, following the team's coding conventions.
//   - Dates: a document's date (YYYY-MM-DD) decides which office a named
//     person holds; Options.Date is the default.
//   - Wire datelines ("WASHINGTON, May 8 (Reuters) -", "BEIRUT (Reuters) -")
//     name no participant; the dateline's country is the last resort for a
//     bare agent's country ("NAIROBI (Reuters) - Police fired ..."), and an
//     inverted conditional may follow it.
//   - Wire constructions: a headline's "Seoul, Tokyo agree ..." is a list;
//     an attack noun with a maker is the event when it is the subject of an
//     impact verb ("Israeli air strikes killed 30 people across the Gaza
//     Strip" -> ISR->PSE 195) or the means of a passive ("was killed in an
//     Israeli strike"), and its participial tail (", killing ...") is the
//     same event; one event is kept per clause, country pair and root.
//     Participial clauses (", accusing them of ...", ", mediated by Oman")
//     and after/as/since clauses are predications of their own, not an
//     event verb's content; an object pronoun takes the last event's target
//     or the last actor named. "after meeting X" shares the main subject,
//     "said on Tuesday (that) he would" is a speech complement, "his
//     country" in it is the speaker's, "the group"/"the movement" refer to
//     the armed group (or speaker) named before, "its drones" are the
//     subject's, "rebels led by HTS" are HTS, "a deal brokered by China"
//     is China mediating between the parties, ", a charge Kigali denies"
//     is Kigali's denial (016). Protesters' assaults are violent protests
//     (145); sports results ("beat New Zealand 12-11") are no events;
//     "rumours/allegations that ..." and "proposed to ..." are not asserted.
//   - "X wants Y to attack Z": the object of the governing verb is the
//     subject of the infinitive (Y->Z). An actor after "VBN by" ("a truce
//     brokered by the U.S.") is an agent, never the target. A bare agent
//     source ("Protesters in Baghdad") takes the country of the place named
//     in the sentence.
//   - Reciprocal wording and anaphors: "India and Canada expelled each
//     other's diplomats" and "..., and the two countries/sides agreed to
//     ..." (the two parties named before) code both directions. A zero or
//     "whom" relative with a pronoun subject ("sanctions on officials it
//     accused of ...") is an object relative whose pronoun is the main
//     subject. "Yemen's Iran-aligned Houthis" is the group. A state or
//     government that protests against X protests diplomatically (114).
//     The agent of "crimes committed by X" is the target of an inquiry into
//     them, and the maker of the misdeeds, not of the inquiry. In ", a move
//     that drew criticism from X" the move is the preceding clause's
//     subject's, and in ", a show of force that Tokyo condemned" they are
//     the target.
//
// # Negation, modality and hypotheticals
//
// A verb is negated when not/n't/never stands in its auxiliary chain ("did
// not attack", "will not strike") or its subject starts with "no"/"neither"
// ("No Iranian missiles hit ..."). Reject/refuse verbs are CAMEO 12x events,
// not negation. Negated events are dropped unless Options.KeepNegated, which
// emits them with Negated=true. Nominalised events are asserted even in a
// negated clause ("Xi has not condemned Russia's invasion of Ukraine" still
// codes RUS->UKR 192).
//
// Modality "hypothetical": the verb is in an if/unless/whether clause, in a
// sentence-initial inverted conditional ("Should Russia attack ...", "Had
// the talks succeeded ...", "Were the U.S. to ..."), or has would, could,
// might, may or should in its auxiliary chain ("would" in reported speech
// without a condition is a future: "announced it would send troops"). Hypothetical events are
// dropped unless Options.KeepHypothetical. A threat stays an event when only
// its content is conditional ("Trump threatened to bomb Iran if ...").
//
// Modality "future": will/shall in the auxiliary chain or an intent marker
// before the verb (@future words: "plans to visit", "is set to visit");
// future events are emitted. Modality "reported": the event is inside a
// quotation or the complement of a speech verb ("X said Y attacked Z" codes
// Y->Z, never the bare speech act).
//
// # Output
//
// Every event carries its sentence, its evidence (the shortest stretch of
// the sentence holding source, predicate and target) and byte spans into
// Document.Text (evidence, verb, source, target), CAMEO code, root, name,
// Goldstein weight, quad class and PLOVER type/mode (internal/cameo) and the
// location named in a locative phrase. Quotes give who said what (direct
// quotations, "X said (that) ...", "..., X said", "according to X").
// Mentions list every actor named.
//
// Sources for the conventions: the CAMEO 1.1b3 codebook (Schrodt, Gerner et
// al. 2012), the PLOVER specification (Halterman et al., openeventdata), the
// PETRARCH2 documentation for source/target and passive handling, and the
// team's APIS.md and testdata/corpus/README.md.
package coder
