package cli

// trainCmd groups the commands that rebuild the models and tables committed
// in the repository from the shared datasets.
type trainCmd struct {
	Langid trainLangidCmd `cmd:"" help:"Train the language model from SIB-200 train."`
	Stem   trainStemCmd   `cmd:"" help:"Build the stemmer's root list from UD Indonesian-CSUI train."`
	NER    trainNERCmd    `cmd:"" name:"ner" help:"Train the NER model from NERGrit, NERP and IDNer-news-2k."`
}
