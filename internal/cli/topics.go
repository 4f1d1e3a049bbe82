package cli

import (
	stdcontext "context"

	"github.com/warta-news/warta/analysis/topic"
	topictrain "github.com/warta-news/warta/analysis/topic/train"
	"github.com/warta-news/warta/internal/eval"
)

type trainTopicsCmd struct {
	Data string `placeholder:"DIR" help:"Folder holding sib200/, sentiment/ and ner/: SIB-200 ind_Latn train, SmSA train and NERP train are read (default: data in the shared folder)."`
	Out  string `default:"analysis/topic/data/topic.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
}

// Help says how the command relates to the committed model.
func (trainTopicsCmd) Help() string {
	return `Trains the topic model (logistic regression over words and subject-lexicon
hits, 17 IPTC subjects) from SIB-200 Indonesian train, its labels mapped to
IPTC, and from SmSA train sentences weakly labelled by the lexicon.
Deterministic: run from the module root with the defaults, it rewrites
analysis/topic/data/topic.model with the same bytes, and says so.`
}

func (c *trainTopicsCmd) Run(env *Env) error {
	return trainedModel{name: "topics", data: "data", train: topictrain.Train, builtIn: topic.ModelFile}.run(env, &c.Data, c.Out)
}

type evalTopicsCmd struct {
	Data string `placeholder:"DIR" help:"Folder holding detik-news/ (default: data in the shared folder)."`
}

func (c *evalTopicsCmd) Run(ctx stdcontext.Context, env *Env) error {
	return runEval(ctx, env, &c.Data, eval.Topics, eval.WriteTopicsReport)
}

type evalSummaryCmd struct {
	Data string `placeholder:"DIR" help:"Folder holding detik-news/ (default: data in the shared folder)."`
}

func (c *evalSummaryCmd) Run(ctx stdcontext.Context, env *Env) error {
	return runEval(ctx, env, &c.Data, eval.Summary, eval.WriteSummaryReport)
}
