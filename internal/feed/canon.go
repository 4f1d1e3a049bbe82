package feed

import (
	_ "embed"
	"fmt"
	"net/url"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

//go:embed data/tracking_params.txt
var trackingData string

// tracking are the query parameters Canonical drops: names, and prefixes
// (from lines ending in *).
var tracking = func() (t struct{ names, prefixes []string }) {
	for _, row := range text.Rows(trackingData) {
		if p, ok := strings.CutSuffix(row[0], "*"); ok {
			t.prefixes = append(t.prefixes, p)
		} else {
			t.names = append(t.names, row[0])
		}
	}
	return t
}()

func isTracking(name string) bool {
	name = strings.ToLower(name)
	for _, n := range tracking.names {
		if name == n {
			return true
		}
	}
	for _, p := range tracking.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// Canonical is the one key of an article URL: scheme and host lowercased,
// the default port, the fragment and tracking parameters (utm_*, fbclid,
// ...) dropped, the other parameters sorted. A page's own canonical link,
// when it has one, wins over this (the analysis takes it).
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("canonical %q: not an http(s) URL", raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if port := u.Port(); u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443" {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if isTracking(k) {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode() // sorted by key
	}
	u.ForceQuery = false
	return u.String(), nil
}

// Resolve makes ref absolute against base and canonical.
func Resolve(base, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("empty link")
	}
	b, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("base %q: %w", base, err)
	}
	r, err := b.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("link %q: %w", ref, err)
	}
	return Canonical(r.String())
}
