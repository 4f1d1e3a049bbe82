// Package text is the text layer of the analysis pipeline: it normalises an
// article's text, cuts it into surface tokens and groups the tokens into
// sentences. Every later stage (entities, quotes, dates, amounts, events)
// reads the same Document and refers to its tokens and sentences by byte
// offset, so this layer runs once per article and must be cheap: it uses no
// regular expressions and allocates one slice per layer, not per token.
//
// The steps, in order:
//
//   - Normalize repairs and cleans the raw string (mojibake, odd spaces,
//     invisible characters, line ends, NFC) before offsets are taken; it
//     leaves quotation marks as printed, since quote detection reads them.
//   - Tokenize fills Document.Tokens. Tokens follow the surface tokens of
//     UD Indonesian-CSUI: clitics stay on their host (bukunya, CEO-nya),
//     reduplication and hyphenated forms are one word (monyet-monyet, ke-2),
//     abbreviations keep their period (dr., No., S.H., a.n., R.B.) from the
//     list in data/abbreviations.txt, numbers keep Indonesian separators
//     (1.500.000,50) while a glued currency code is split off (Rp +
//     1.500.000), and dates, clock times, URLs, e-mail addresses, hashtags
//     and @mentions are single tokens with their own Kind.
//   - SplitSentences fills Document.Sentences. A sentence ends at every line
//     break and at a terminal mark with the closing quotes glued to it,
//     unless what follows is lowercase, continuing punctuation, or a speech
//     verb after a quotation. An abbreviation's period ends a sentence only
//     where the tokeniser has split it off: at the end of a line, or for
//     abbreviations such as dll. and Tbk. before an uppercase word.
//
// internal/eval scores Tokenize and SplitSentences against the UD
// Indonesian treebanks (go test ./internal/eval -run TestText -v).
package text
