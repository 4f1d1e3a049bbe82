// Package quote finds who said what in an Indonesian news article: every
// quotation, its kind, its cue and its speaker with the speaker's role.
//
// It reads the Document of the text layer (tokens, sentences, the title
// and paragraph spans) and never re-tokenises. Find returns, in text order:
//
//   - direct quotations, words that stand as the speaker's own sentences
//     (“Kami siap,” kata Lavrov; Lavrov mengatakan, “Kami siap.”);
//   - partial quotations embedded in the reporter's sentence (memuji
//     pembicaraan itu sebagai “konstruktif”);
//   - indirect speech without quotation marks (Lavrov mengatakan bahwa ...;
//     Lavrov menyebut harga bisa naik; menurut Lavrov, ...; Kata Lavrov,
//     ...; ..., kata dia; Dikutip dari Reuters, ..., where the outlet is
//     the speaker; menurut Siregar dkk (2021), ..., the first author's).
//
// Quotation marks are “...”, "..." and ”...” (some outlets print ” on both
// sides): which side a mark is on is read from its spacing, then its
// shape. A quotation running over paragraphs opens again on each and closes
// only on the last; each paragraph's piece is one Quote, the later ones
// marked Continued, all with the same speaker.
//
// Not every stretch in quotation marks is a quotation. The name of a
// programme, event, book, proverb or clause of law (program “...”, webinar
// bertajuk “...”, yang berbunyi, “...”), a title in capitals inside a
// sentence (gerakan “Jaga Pantai Kita”), scare quotes with no reporting word in
// their sentence, scare quotes in a headline, and a list of short fragments
// such as a content-farm author bio are left out.
//
// The speaker is read at the cue: a name after it (kata Lavrov), before it
// (Lavrov mengatakan, “...”), after a role (kata Kepala Polresta Denpasar
// Bambang), with a role in apposition (kata Rahmat Hidayat, anggota tim
// kuasa hukum), a role alone (kata Presiden: the person the article last gave
// that role, else an office nobody holds is the running speaker's), a
// pronoun (ia, dia, beliau) or a -nya cue (ujarnya, katanya): a person
// named earlier in the same sentence, else the last speaker or sentence
// subject, else the last person named; but a person the quoted words name,
// or speak of as dia before ever speaking, gives way to the running
// speaker. A quotation with no cue of its own (a paragraph that is only a
// quotation) continues the last speaker of its paragraph or the two before
// it. Quote.Via says which of these found the speaker.
//
// A role that names a relation to someone already named (kuasa hukum
// Sahara, manajer personal Martin) is that person's lawyer or manager: the
// speaker is the name set off after it or before selaku, else the one given
// that relation earlier. A person named inside what a verb of saying
// reports is no antecedent of a later -nya, and a capitalised dictionary
// word opening its sentence (Polisi, Jangan, Menyoroti) is no speaker.
//
// Without an entity stage the speaker is a span of text: a short name is
// given the fullest form the article prints (Lavrov → Sergey Lavrov) and
// the role the article gives it nearest before the quotation. When the
// entity stage's output is passed as Entities, the speaker is the entity
// whose mention covers that span, its name the entity's name, and pronouns
// resolve over the entity's PER mentions too, never over a capitalised run
// it tags as nobody and the body names once. An organisation it tags
// speaks where no person is named (kata Kementerian Pendidikan; Kemenkeu
// memastikan ...; ungkap MOE), also where it tags the acronym only
// elsewhere (DKPP menilai ...), and a body pointed back to is the one
// named before (Kementerian tersebut menyatakan ...; Perseroan menegaskan,
// ..., the company: companies.txt). After a body's report, -nya is the
// body's when its own words were quoted earlier. Initials it tags as a
// person once (berinisial RK) are that person wherever they report. A person's acronym it tags (kata AHY, KDM
// memastikan) is that person, and an organisation it tags on a name the
// reader reads after a person's role, going by that name's initials
// (Menteri Koordinator ... Agus Harimurti Yudhoyono (AHY)), is a person. An entity whose name glues the body of the
// speaker's role to the name (Partai Golkar Sarmuji), or opens with the
// role as the reader reads it (dokter Rina), gives way to the name as read,
// with no entity.
//
// The word lists are embedded data files under data/, each with a header
// saying where its entries come from: reporting cues (cues.tsv), the words
// that show a reported clause or end a noun object (clause.tsv), roles
// that name a relation to a person (relations.txt), nouns that stand for
// a company named before (companies.txt), role
// heads (roles.txt), office and organisation words (orgwords.txt), places
// (places.txt), titles and ranks (honorifics.txt), nouns that introduce a
// quoted title (titles.txt) and capitalised words that are never names
// (function.txt). None of them is built from an annotated corpus.
//
// internal/eval scores the stage on PFSA-ID (warta eval quotes); the
// founding article is checked by TestSeedArticle.
package quote
