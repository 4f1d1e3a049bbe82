package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

// evalHTMLCmd scores the HTML path: on the development pages, or on a
// checkout of the ScrapingHub article-extraction benchmark.
type evalHTMLCmd struct {
	Pages       string `default:"analysis/article/testdata/pages" placeholder:"DIR" help:"Folder of pages (NAME.html) with hand-written gold (NAME.gold.json)."`
	ScrapingHub string `name:"scrapinghub" placeholder:"DIR" help:"Score the body on a checkout of github.com/scrapinghub/article-extraction-benchmark (ground-truth.json, html/*.html.gz) instead."`
	Verbose     bool   `short:"v" help:"List the scores of each page."`
}

// Help says what is measured.
func (evalHTMLCmd) Help() string {
	return `Body F1 is the ScrapingHub benchmark's: 4-token shingles of \w+ tokens,
precision and recall averaged over pages. On the development pages it also
reports the exact-headline rate, the share of publication dates on the right
calendar day and the share of the gold's furniture snippets left in the body.
The ScrapingHub set is held out: report on it, never tune on it.`
}

func (c *evalHTMLCmd) Run(env *Env) error {
	var scores eval.HTMLScores
	var err error
	if c.ScrapingHub != "" {
		scores, err = eval.ScrapingHub(c.ScrapingHub)
	} else {
		scores, err = eval.HTMLPages(c.Pages)
	}
	if err != nil {
		return err
	}
	return eval.WriteHTMLReport(env.Stdout, scores, c.Verbose)
}
