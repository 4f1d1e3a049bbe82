// Package person reads how Indonesian news names people: the role printed
// with a name (Menteri Dalam Negeri Tito Karnavian, juru bicara
// Departemen Luar Negeri Ned Price, Kapolda Metro Jaya Irjen Karyoto), the
// titles and ranks before it, and the name itself. It is the one reader of
// person phrases that the entity, quote and event stages share, over the
// one lexicon they share (data/): role heads with the abbreviated office
// titles (Kapolda, Kasatreskrim, Menkeu), the words of office and
// organisation names, places inside roles, honorifics and ranks, words
// that are never names, pronouns and particles.
//
// A Reader classifies each token once (NewReader); a stage adds its own
// classes (reporting cues, quotations) and reads phrases forward from a
// word (After), backward from a verb (Before), or the role before a name
// it already knows (RoleBefore).
package person
