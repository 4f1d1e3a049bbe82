package cli

import (
	"context"
	"slices"

	"github.com/warta-news/warta/internal/eval"
)

type evalEventsCmd struct {
	Data      string   `placeholder:"FILE" help:"Articles as JSON Lines (id, title, url, published, body); default: data/detik-news/articles.jsonl in the shared folder."`
	Judged    string   `default:"internal/eval/testdata/events-judged3.tsv" placeholder:"FILE" help:"Judged sample to score precision with (events-judged2.tsv is an earlier one; events-judged.tsv, drawn over partial events too, goes with --partial); empty for none."`
	Gold      []string `default:"internal/eval/testdata/events-gold.tsv" placeholder:"FILE" help:"Gold events of some articles to score recall and precision with (several: each, then their union); empty for none."`
	List      bool     `help:"With --gold: print every miss and every event not in the gold (never for a held-out gold while tuning)."`
	Explain   bool     `help:"With --gold: count why each gold event is found or missed (coded with a side wrong, no event though the lexicon has its trigger, trigger not in the lexicon) and where its sides are named (never for a held-out gold while tuning)."`
	Partial   bool     `help:"Score the record's partial events too (partial_events: those without a side their type takes)."`
	Sample    int      `default:"0" placeholder:"N" help:"Print N events drawn at random from the second half of the articles, to judge."`
	Seed      uint64   `default:"1" help:"Seed of the sample."`
	Verbs     int      `default:"0" placeholder:"N" help:"List the N most frequent roots of verbs and nominalisations over the tuning half of the articles (the first 350), with their forms, the lexicon's types and the decisions taken on them."`
	Decisions string   `default:"internal/eval/testdata/events-verbs.tsv" placeholder:"FILE" help:"Decisions on the frequent roots, for --verbs; empty for none."`
}

func (c *evalEventsCmd) Run(ctx context.Context, env *Env) error {
	if err := env.dataset(&c.Data, "data/detik-news/articles.jsonl"); err != nil {
		return err
	}
	if c.Verbs > 0 {
		roots, err := eval.EventVerbs(ctx, c.Data, eval.TuningArticles, c.Verbs)
		if err != nil {
			return err
		}
		var decided map[string]eval.VerbDecision
		if c.Decisions != "" {
			if decided, err = eval.ReadVerbDecisions(c.Decisions); err != nil {
				return err
			}
		}
		return eval.WriteVerbs(env.Stdout, roots, decided)
	}
	golds := slices.DeleteFunc(c.Gold, func(g string) bool { return g == "" })
	find := eval.Events
	if c.Explain {
		find = eval.EventsExplained
	}
	stats, coded, err := find(ctx, c.Data, c.Judged, c.Partial, golds...)
	if err != nil {
		return err
	}
	if c.Sample > 0 {
		return eval.WriteSample(env.Stdout, coded, stats.Articles/2, c.Sample, c.Seed)
	}
	if err := eval.WriteEventsReport(env.Stdout, stats, c.List && !c.Explain); err != nil || !c.Explain {
		return err
	}
	x, err := eval.ExplainGolds(stats, golds...)
	if err != nil {
		return err
	}
	return eval.WriteExplanation(env.Stdout, x, c.List)
}
