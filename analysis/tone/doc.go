// Package tone reads the tone of an article and of each entity it names,
// in the shape of GDELT's tone: the percentages of words that read
// positive and negative, their difference (the score) and their sum (the
// polarity).
//
// Each sentence is scored by a linear model over hashed features: words,
// pairs of words, character n-grams of 3 and 4 bytes, words a negator
// (tidak, bukan, belum, ...) turns, and hits of a tone lexicon of news
// words written by the warta authors (internal/feature/lexicon.tsv). The
// model is multinomial logistic regression trained on the SmSA sentiment
// set (IndoNLU; reviews and comments, Apache-2.0) by `warta train tone`
// (package tone/train). Reviews are loud and mostly positive, news mostly
// neutral, so the stage reads news through a Calibration (News): a
// sentence's class probabilities are the softmax of a quarter of the
// model's scores, three for each lexicon hit of a class and one for
// neutral. An article's tone weighs every sentence, the title included, by
// its words; an entity's tone weighs the sentences that mention it and
// those holding its own quotes.
//
// internal/eval scores the model on SmSA test and on news sentences from
// detik-news labelled for their tone toward a named entity, split into a
// dev half, where the calibration is chosen, and a test half (`warta eval
// tone`).
package tone
