// Package entity finds the named entities of an article — persons,
// organisations, places and other names — and gathers the mentions of each
// into one entity with its name, roles, country and salience: the record's
// entities field.
//
// It works in three steps over the shared text.Document, sentence by
// sentence, without re-tokenising:
//
//  1. A trained sequence tagger labels the tokens (BIO over PER, ORG, LOC,
//     and NERP's EVT and FNB, which a record calls MISC). The model is a
//     linear-chain tagger trained as an averaged structured perceptron
//     (analysis/entity/train; warta train ner) on the shippable NER sets — NERGrit, NERP
//     and IDNer-news-2k — with hashed features that do not lean on capital
//     letters alone: the word and its neighbours, affixes and a rough stem,
//     word shape, word clusters and capitalisation rates learned from the
//     training text and the UD treebank, and gazetteer hits. Each set gets
//     copies of some features for its own annotation conventions; news is
//     tagged in IDNer's. The model is embedded (data/ner.model, about
//     2.5 MB) and loads in tens of milliseconds.
//  2. The tagger's spans are cleaned: honorifics, ranks and role words at
//     the start of a name are cut (Ajun Komisaris Besar, Menteri), a role
//     the tagger took for an organisation is dropped, a person's name run
//     on from an organisation is split off (juru bicara Departemen Luar
//     Negeri Ned Price), words that cannot be names in cased text are
//     dropped (KTT, a sentence-initial Dalam), and the gazetteers' countries,
//     places and organisations that the tagger missed are added.
//  3. Mentions are merged into entities: the same name, a part of a
//     person's name, a one-letter misspelling (Blinkin for Blinken), a
//     gazetteer short form (AS, Kemenkeu) or an acronym (KPK) are one
//     entity; a person's surname repeated where the tagger missed it is
//     added. Roles come from the phrase before a name, an appositive or a
//     predicate after it; a person's country from the countries and
//     organisations its roles name; a place's or organisation's from the
//     gazetteers. Salience is each entity's share of the article's
//     mentions, weighted towards the headline and the lead.
//
// The gazetteers are data files under data/, each with a header saying
// where its entries come from: countries and capitals (CLDR through
// golang.org/x/text/language/display, countries-list), world cities (the
// time-zone database), Indonesian provinces, regencies and cities
// (idn-area-data, ODbL), given names and surnames (zxcvbn-ts), state bodies
// and international organisations, honorifics and ranks, role words. The
// generated ones are written by internal/gen; the model must be retrained
// when any of them changes (ReadModel refuses a model trained with other
// gazetteers).
//
// Result.At maps a token back to its entity, so that later stages (quotes,
// events) can resolve speakers and actors to entities.
package entity
