package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalCmd struct {
	Text     evalTextCmd     `cmd:"" help:"Token and sentence-boundary F1 on the UD Indonesian treebanks."`
	Langid   evalLangidCmd   `cmd:"" help:"Language identification accuracy per language on SIB-200 (dev, test)."`
	Stem     evalStemCmd     `cmd:"" help:"Stemmer accuracy on Sastrawi's pairs and UD Indonesian-CSUI lemmas."`
	NER      evalNERCmd      `cmd:"" name:"ner" help:"Entity-level NER precision, recall and F1 per set, beside the published figures."`
	Parser   evalParserCmd   `cmd:"" help:"Tagger and dependency parser: UPOS, UAS and LAS on UD Indonesian-CSUI and GSD, beside the published figures."`
	Quotes   evalQuotesCmd   `cmd:"" help:"Quote detection, speaker attribution and end-to-end F1 on PFSA-ID."`
	HTML     evalHTMLCmd     `cmd:"" name:"html" help:"HTML path: body F1, headlines, dates, furniture left in the body."`
	Events   evalEventsCmd   `cmd:"" help:"Events over detik-news: types, modalities, and precision on the judged sample."`
	Copies   evalCopiesCmd   `cmd:"" help:"Copies and stories over detik-news against the labelled pairs: precision, recall, originals."`
	Entities evalEntitiesCmd `cmd:"" help:"In-article splits and merges of entities over records (warta analyze --jsonl output)."`
	Quality  evalQualityCmd  `cmd:"" help:"machine_translated of native detik-news articles against known translations."`
	Tone     evalToneCmd     `cmd:"" help:"Tone: SmSA test macro-F1 beside baselines, and tone toward entities in labelled detik-news sentences."`
	Topics   evalTopicsCmd   `cmd:"" help:"Topics: accuracy and macro-F1 on detik-news, its five labels mapped to IPTC subjects."`
	Summary  evalSummaryCmd  `cmd:"" help:"Summaries: ROUGE-1/2/L against detik-news's reference summaries, beside LEAD-1/2/3."`
	Identity evalIdentityCmd `cmd:"" help:"Store-wide identity over detik-news: B-cubed precision, recall and F1 of mentions grouped by ref, before and after resolving."`
}

type evalTextCmd struct {
	Treebank string `placeholder:"DIR" help:"Folder of the UD treebanks (ud-indonesian-csui, ud-indonesian-gsd); default: data/treebank in the shared folder."`
}

func (c *evalTextCmd) Run(env *Env) error {
	if err := env.dataset(&c.Treebank, "data/treebank"); err != nil {
		return err
	}
	scores, err := eval.Text(c.Treebank)
	if err != nil {
		return err
	}
	return eval.WriteTextReport(env.Stdout, scores)
}
