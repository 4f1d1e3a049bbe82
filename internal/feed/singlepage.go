package feed

import (
	_ "embed"
	"fmt"
	"net/url"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

//go:embed data/single_page.tsv
var singlePageData string

//go:embed data/showall_words.txt
var showAllData string

type singlePageRule struct{ host, param, value string }

var singlePageRules = func() (rules []singlePageRule) {
	for line, row := range text.Rows(singlePageData) {
		if len(row) != 3 {
			panic(fmt.Sprintf("feed: data/single_page.tsv:%d: want host, parameter, value", line))
		}
		rules = append(rules, singlePageRule{row[0], row[1], row[2]})
	}
	return rules
}()

var showAllWords = func() map[string]bool {
	m := map[string]bool{}
	for _, row := range text.Rows(showAllData) {
		m[row[0]] = true
	}
	return m
}()

// SinglePageURL is the single-page view of an article URL at an outlet
// known to split articles over pages (data/single_page.tsv), or "".
func SinglePageURL(article string) string {
	u, err := url.Parse(article)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, r := range singlePageRules {
		if host == r.host || strings.HasSuffix(host, "."+r.host) {
			q := u.Query()
			if q.Get(r.param) == r.value {
				return ""
			}
			q.Set(r.param, r.value)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return ""
}
