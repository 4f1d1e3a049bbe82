package web_test

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/warta-news/warta/internal/alert"
)

var screenshots = flag.String("screenshots", "", "directory to save the browser test's page screenshots in (the README's are from docs/screenshots)")

// chromium finds Debian's Chromium; without it the browser test skips on a
// user's machine and fails in CI, which installs it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium: CI must install it (apt-get install chromium)")
	}
	t.Skip("no Chromium on this machine (apt-get install chromium): browser test skipped")
	return ""
}

// TestBrowser walks what an analyst does, in a real headless Chromium:
// search, open an article, follow an entity; save an alert with the form,
// store a matching article, and see its Atom entry and its webhook.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	s := newSite(t)
	s.store(t, rapat)
	s.store(t, hostile)
	hooked := make(chan string, 2)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hooked <- r.Header.Get(alert.SignatureHeader) + " " + string(body)
	}))
	defer hook.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(err)
		return s
	}
	shot := func(name string) {
		t.Helper()
		if *screenshots == "" {
			return
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		must(err)
		must(os.WriteFile(filepath.Join(*screenshots, name+".png"), png, 0o644))
	}
	must(chromedp.Do(ctx, chromedp.Navigate(s.ts.URL+"/"), chromedp.WaitVisible(`main h1`)))
	shot("dashboard")
	// "/" focuses the search box, as the help says.
	must(chromedp.Do(ctx, chromedp.KeyEvent("/")))
	if focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); err != nil || focused != "quick-search" {
		t.Errorf("after /, the focus is on %q (%v), want the search box", focused, err)
	}
	must(chromedp.Do(ctx, chromedp.SetValue(`#quick-search`, "perdagangan"), chromedp.Submit(`#quick-search`),
		chromedp.WaitVisible(`ol.hits li h3 a`)))
	shot("search")
	title := text(`ol.hits li h3 a`)
	must(chromedp.Do(ctx, chromedp.Click(`ol.hits li h3 a`), chromedp.WaitVisible(`article.reader h1`)))
	heading := text(`article.reader h1`)
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(`article.reader q.quote[data-speaker]`, "data-speaker"))
	must(err)
	quoteSpeaker := attr.Value
	shot("article")
	must(chromedp.Do(ctx, chromedp.Click(`article.reader a.ent.per`), chromedp.WaitVisible(`h1[data-entity]`)))
	entityHeading := text(`h1[data-entity]`)
	shot("entity")
	if title != rapat.Title || heading != rapat.Title || quoteSpeaker == "" || quoteSpeaker == "0" {
		t.Errorf("search → article: hit %q, heading %q, quote speaker %q", title, heading, quoteSpeaker)
	}
	if !strings.Contains(entityHeading, "Prabowo") {
		t.Errorf("entity page heading %q", entityHeading)
	}

	must(chromedp.Do(ctx, chromedp.Navigate(s.ts.URL+"/alerts"), chromedp.WaitVisible(`input[name=query]`),
		chromedp.SendKeys(`input[name=name]`, "Banjir"), chromedp.SendKeys(`input[name=query]`, "banjir"),
		chromedp.SendKeys(`input[name=webhook]`, hook.URL+"/terima"), chromedp.Submit(`input[name=query]`),
		chromedp.WaitVisible(`.notice`)))
	notice := text(`.notice`)
	shot("alerts")
	if !strings.Contains(notice, "Banjir") {
		t.Fatalf("after saving: %q", notice)
	}
	s.store(t, banjir)
	select {
	case got := <-hooked:
		if !strings.Contains(got, banjir.Title) {
			t.Errorf("webhook body %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook within 10 s")
	}
	must(chromedp.Do(ctx, chromedp.Navigate(s.ts.URL+"/alerts"), chromedp.Click(`table.list td a`), chromedp.WaitVisible(`main h1`)))
	feed := text(`main ol.items`)
	shot("alert")
	for _, p := range []string{"events", "quotes", "entities"} {
		must(chromedp.Do(ctx, chromedp.Navigate(s.ts.URL+"/"+p), chromedp.WaitVisible(`main h1`)))
		shot(p)
	}
	if !strings.Contains(feed, banjir.Title) {
		t.Errorf("the alert's page lists %q, want the flood article", feed)
	}
}
