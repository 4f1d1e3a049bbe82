// Package event codes what happened between whom, where and when: the
// record's events, in the PLOVER ontology (the Open Event Data Alliance's
// successor to CAMEO, used by POLECAT), read from Indonesian directly
// rather than through a translation into English.
//
// An event needs a trigger and an actor. Triggers come from an Indonesian
// lexicon (data/triggers.tsv) that gives, for each of the 16 PLOVER types,
// the verbs with their affixed forms (menangkap, ditangkap) and their
// nominalisations (penangkapan), multi-word phrases (menjatuhkan sanksi,
// menyebut ... pembunuh) and the phrases that look like triggers but are not
// (serangan jantung); the longest match wins. Each entry has a frame that
// says where its actors stand: the subject and object of an active verb,
// the subject and the oleh phrase of a passive, the participants of a
// reciprocal verb or noun (X dan Y bertemu, pertemuan X dengan Y, antara X
// dan Y), the prepositional phrases of a noun.
//
// Actors are the entities stage's entities, so a person acting for a state
// carries that state's country (Menteri Luar Negeri AS Anthony Blinken is
// US); a pronoun (dia, beliau) is the person last named as a subject;
// kedua negara is the two countries named last; a group without a name
// (polisi, demonstran, warga) and a capitalised name the entities stage did
// not take (Nord Stream 2) are actors by their words. Precision comes first:
// an active verb needs an object that is an actor, other triggers an actor on
// either side, and what is requested, threatened or refused (mendesak Rusia
// untuk membebaskan ...) is not an event of its own. An event whose source
// is not resolved is left out, unless its type is coded with one actor (a
// protest); one kept without a side its type takes has Confidence Low, and
// Split sets those apart, as the record does (partial_events).
//
// Each event records its trigger and sentence, whether it is negated
// (tidak, belum, batal) and its modality: planned (akan, berencana), possible
// (kemungkinan, jika: hypothetical events are never facts), reported (in
// quoted or reported words, or beside a reporting verb), else asserted. Its
// date is the dates stage's date nearest the trigger in its clause, else
// the day of its setting: the date opening its sentence, the cue of the
// quotation it is in, its paragraph, or for the headline and the first
// paragraph the lead's day (a fallback that never keeps mentions apart); its
// location the place after di in its sentence, else the dateline's place
// when no actor belongs to another country. Mentions of one event across the
// article — the meeting, then "pertemuan itu", then "diskusi di Reykjavik" —
// are merged into one event that gathers their date and place.
//
// The function words this reads (negations, modal words, clause
// boundaries, pronouns, groups that act) are in data/words.tsv.
package event
