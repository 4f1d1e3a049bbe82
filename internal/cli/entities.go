package cli

import (
	stdcontext "context"
	"errors"

	"github.com/warta-news/warta/internal/eval"
)

type evalEntitiesCmd struct {
	Records string `arg:"" optional:"" placeholder:"FILE" help:"Records as JSON Lines, the output of warta analyze --jsonl (with --gold: over detik-news/articles.jsonl; without a file the gold's articles are analysed here)."`
	List    bool   `help:"Print every split and merge, or with --gold every miss."`
	Gold    string `placeholder:"FILE" help:"Score against a within-article gold (e.g. internal/eval/testdata/entities-gold.tsv) instead of counting splits and merges."`
	Split   string `enum:"dev,dev2,tune,test,test2,test3,test4,all" default:"all" help:"Which part of the gold to score: dev, dev2, tune (dev and dev2, the parts rules are tuned on), test (held out, read for rules in session 8), test2 (held out, fresh in session 9, read for rules in session 10), test3 (held out, fresh in session 10, read for rules in session 11), test4 (held out, fresh in session 11) or all."`
	Data    string `placeholder:"DIR" help:"The shared data folder; default: data in the shared folder."`
}

func (c *evalEntitiesCmd) Run(ctx stdcontext.Context, env *Env) error {
	if c.Gold == "" {
		if c.Records == "" {
			return &exitError{code: 2, err: errors.New("eval entities: give a records file, or --gold")}
		}
		counts, err := eval.CountIdentityFile(c.Records)
		if err != nil {
			return err
		}
		return eval.WriteIdentityReport(env.Stdout, counts, c.List)
	}
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	split := c.Split
	if split == "all" {
		split = ""
	}
	s, err := eval.ScoreEntityGold(ctx, c.Data, c.Gold, split, c.Records)
	if err != nil {
		return err
	}
	return eval.WriteEntityGoldReport(env.Stdout, s, c.List)
}
