package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/fixtureweb"
)

func TestCheckAddr(t *testing.T) {
	refused := []string{
		"127.0.0.1", "127.255.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
		"169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "192.0.0.8", "192.0.2.1",
		"198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
		"255.255.255.255", "192.88.99.1",
		"::", "::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "fc00::1", "fd12:3456::1", "fe80::1",
		"fec0::1", "ff02::1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2001:db8::1", "2001::1",
		"2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::1", "100::1", "3fff::1",
	}
	for _, s := range refused {
		err := CheckAddr(netip.MustParseAddr(s))
		var pe *PrivateAddressError
		if !errors.As(err, &pe) {
			t.Errorf("%s: want refused, got %v", s, err)
		}
	}
	// Decisions only: no traffic goes to these.
	public := []string{"8.8.8.8", "103.49.221.10", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "2a00:1450::1", "2002:808:808::1"}
	for _, s := range public {
		if err := CheckAddr(netip.MustParseAddr(s)); err != nil {
			t.Errorf("%s: want allowed, got %v", s, err)
		}
	}
}

func TestCheckDial(t *testing.T) {
	var p Policy
	for _, addr := range []string{"169.254.169.254:80", "127.0.0.1:443", "[::1]:80", "10.0.0.1:80", "[fd00::1]:443"} {
		if err := p.CheckDial("tcp", addr); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: want private refusal, got %v", addr, err)
		}
	}
	if err := p.CheckDial("tcp", "8.8.8.8:22"); !errors.Is(err, ErrForbiddenURL) {
		t.Errorf("public address on port 22: want refusal, got %v", err)
	}
	if err := p.CheckDial("tcp", "8.8.8.8:443"); err != nil {
		t.Errorf("public address on 443: %v", err)
	}
	if err := (Policy{Ports: []int{8443}}).CheckDial("tcp", "8.8.8.8:8443"); err != nil {
		t.Errorf("configured port: %v", err)
	}
	if err := Loopback.CheckDial("tcp", "169.254.169.254:80"); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("loopback policy opens link-local: %v", err)
	}
	if err := Loopback.CheckDial("tcp", "127.0.0.1:12345"); err != nil {
		t.Errorf("loopback policy refuses loopback: %v", err)
	}
	if err := (Policy{AllowPrivate: true}).CheckDial("tcp", "10.0.0.1:8080"); err != nil {
		t.Errorf("switch on: %v", err)
	}
}

func TestCheckURL(t *testing.T) {
	var p Policy
	for _, s := range []string{"ftp://example.com/", "file:///etc/passwd", "gopher://x/", "http://example.com:8080/", "https://example.com:22/", "http:///x"} {
		u, _ := url.Parse(s)
		if err := p.CheckURL(u); !errors.Is(err, ErrForbiddenURL) {
			t.Errorf("%s: want refusal, got %v", s, err)
		}
	}
	for _, s := range []string{"http://example.com/", "https://example.com:443/a", "http://example.com:80/"} {
		u, _ := url.Parse(s)
		if err := p.CheckURL(u); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// TestPrivateRefusedWithoutSwitch: without the switch, a request to
// 127.0.0.1 fails naming the address and the switch, and the listener
// never sees a connection.
func TestPrivateRefusedWithoutSwitch(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var accepted atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	c := New(Config{Policy: Policy{Ports: []int{port}}})
	defer c.Close()
	for _, u := range []string{ln.Addr().String(), "localhost:" + strconv.Itoa(port)} {
		_, err := c.Get(context.Background(), "http://"+u+"/rss")
		if !errors.Is(err, ErrPrivateAddress) {
			t.Fatalf("%s: want a private-address refusal, got %v", u, err)
		}
		for _, want := range []string{"127.0.0.1", "private", "--allow-private-networks", "WARTA_ALLOW_PRIVATE_NETWORKS=1"} {
			if !strings.Contains(err.Error(), want) && !(want == "127.0.0.1" && strings.Contains(err.Error(), "::1")) {
				t.Errorf("%s: error %q does not name %q", u, err, want)
			}
		}
	}
	time.Sleep(50 * time.Millisecond)
	if n := accepted.Load(); n != 0 {
		t.Fatalf("%d connections reached the listener", n)
	}
}

func newTestClient(cfg Config) *Client {
	cfg.Policy = Loopback
	if cfg.MinDelay == 0 {
		cfg.MinDelay = 100 * time.Millisecond
	}
	return New(cfg)
}

func TestRedirectToMetadataRefusedAtDial(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{})
	defer c.Close()
	_, err := c.Get(context.Background(), web.Faults.URL+fixtureweb.MetadataPath)
	var pe *PrivateAddressError
	if !errors.As(err, &pe) || pe.Addr.String() != "169.254.169.254" {
		t.Fatalf("want the dial refused for 169.254.169.254, got %v", err)
	}
	if !strings.Contains(err.Error(), "link-local") {
		t.Errorf("error does not name the range: %v", err)
	}
}

// TestPoliteness: robots.txt read first and once, disallowed paths never
// requested, and the per-host delay kept between requests (from the
// server's log).
func TestPoliteness(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	const delay = 300 * time.Millisecond
	c := newTestClient(Config{MinDelay: delay})
	defer c.Close()
	ctx := context.Background()
	urls := []string{web.Kabar.URL + "/rss", web.KabarArticleURL(0), web.Kabar.URL + "/tag/ekonomi", web.KabarArticleURL(2), web.Kabar.URL + "/cari?q=banjir"}
	for _, u := range urls {
		resp, err := c.Get(ctx, u)
		if strings.Contains(u, "/tag/") || strings.Contains(u, "/cari") {
			if !errors.Is(err, ErrDisallowed) {
				t.Errorf("%s: want disallowed, got %v", u, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if resp.Status != 200 || len(resp.Body) == 0 {
			t.Fatalf("%s: status %d, %d bytes", u, resp.Status, len(resp.Body))
		}
	}
	hits := web.Kabar.Hits()
	if len(hits) != 4 || hits[0].Path != "/robots.txt" {
		t.Fatalf("hits: %+v", paths(hits))
	}
	for i, h := range hits {
		if strings.HasPrefix(h.Path, "/tag/") || strings.HasPrefix(h.Path, "/cari") {
			t.Errorf("disallowed path requested: %s", h.Path)
		}
		if ua := h.Header.Get("User-Agent"); !strings.HasPrefix(ua, "warta/") || !strings.Contains(ua, InfoURL) {
			t.Errorf("User-Agent %q", ua)
		}
		if i > 0 {
			if gap := h.At.Sub(hits[i-1].At); gap < delay-5*time.Millisecond {
				t.Errorf("request %d came %s after the previous one (delay %s)", i, gap, delay)
			}
		}
	}
}

func paths(hits []fixtureweb.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Path)
	}
	return out
}

func TestCrawlDelay(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{MinDelay: 50 * time.Millisecond})
	defer c.Close()
	for range 2 {
		if _, err := c.Get(context.Background(), web.Suara.URL+"/feed.json"); err != nil {
			t.Fatal(err)
		}
	}
	hits := web.Suara.Hits()
	if len(hits) != 3 {
		t.Fatalf("hits: %v", paths(hits))
	}
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].At.Sub(hits[i-1].At); gap < time.Second-5*time.Millisecond {
			t.Errorf("Crawl-delay: 1 not kept: %s", gap)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{})
	defer c.Close()
	ctx := context.Background()
	first, err := c.Get(ctx, web.Kabar.URL+"/rss")
	if err != nil || first.NotModified || !strings.Contains(string(first.Body), "<rss") {
		t.Fatalf("first: %v %+v", err, first)
	}
	second, err := c.Get(ctx, web.Kabar.URL+"/rss")
	if err != nil || !second.NotModified || second.Status != http.StatusNotModified {
		t.Fatalf("second: want 304, got %v %+v", err, second)
	}
	hits := web.Kabar.Hits()
	last := hits[len(hits)-1]
	if last.Header.Get("If-None-Match") == "" || last.Header.Get("If-Modified-Since") == "" {
		t.Errorf("second request had no conditional headers: %v", last.Header)
	}
	if hits[1].Header.Get("Accept-Encoding") == "" {
		t.Errorf("no Accept-Encoding")
	}
	web.ChangeArticle()
	third, err := c.Get(ctx, web.Kabar.URL+"/rss")
	if err != nil || third.NotModified {
		t.Fatalf("after a change: %v %+v", err, third)
	}
}

func TestRetryAfter(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{MaxWait: 5 * time.Second})
	defer c.Close()
	ctx := context.Background()
	_, err := c.Get(ctx, web.Faults.URL+fixtureweb.TooManyPath)
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 429 || se.RetryAfter != fixtureweb.TooManyRetryAfter {
		t.Fatalf("want 429 with Retry-After, got %v", err)
	}
	if _, err := c.Get(ctx, web.Faults.URL+fixtureweb.TooManyPath); err != nil {
		t.Fatalf("after Retry-After: %v", err)
	}
	hits := web.Faults.Hits()
	if gap := hits[len(hits)-1].At.Sub(hits[len(hits)-2].At); gap < fixtureweb.TooManyRetryAfter-5*time.Millisecond {
		t.Errorf("asked again after %s, before Retry-After", gap)
	}

	_, err = c.Get(ctx, web.Faults.URL+fixtureweb.UnavailablePath)
	if !errors.As(err, &se) || se.Status != 503 || se.RetryAfter < 59*time.Minute && se.RetryAfter != MaxBackoff {
		t.Fatalf("want 503 with an hour's Retry-After, got %v", err)
	}
	n := len(web.Faults.Hits())
	_, err = c.Get(ctx, web.Faults.URL+"/anything")
	if !errors.Is(err, ErrBackoff) {
		t.Fatalf("a host backing off for an hour: want ErrBackoff, got %v", err)
	}
	if len(web.Faults.Hits()) != n {
		t.Errorf("a request went out during the back-off")
	}
}

func TestBackoffGrows(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	// Waits of 200, 400 and 800 ms: wide enough apart that a loaded
	// machine's scheduling does not blur their growth.
	c := newTestClient(Config{MinDelay: 100 * time.Millisecond, MaxWait: 5 * time.Second})
	defer c.Close()
	for range 4 {
		_, err := c.Get(context.Background(), web.Faults.URL+fixtureweb.ErrorPath)
		var se *StatusError
		if !errors.As(err, &se) || se.Status != 500 {
			t.Fatalf("want 500, got %v", err)
		}
	}
	hits := web.Faults.Hits()[1:] // after robots.txt
	var gaps []time.Duration
	for i := 1; i < len(hits); i++ {
		gaps = append(gaps, hits[i].At.Sub(hits[i-1].At))
	}
	for i := 1; i < len(gaps); i++ {
		if gaps[i] < gaps[i-1]*5/4 {
			t.Errorf("back-off does not grow: %v", gaps)
		}
	}
}

func TestLimits(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{MinDelay: 10 * time.Millisecond})
	defer c.Close()
	impatient := newTestClient(Config{MinDelay: 10 * time.Millisecond, Timeout: 500 * time.Millisecond})
	defer impatient.Close()
	ctx := context.Background()
	if _, err := impatient.Get(ctx, web.Faults.URL+fixtureweb.SlowPath); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("slow: want a timeout, got %v", err)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{fixtureweb.BigPath, ErrTooLarge},
		{fixtureweb.BigDeclaredPath, ErrTooLarge},
		{fixtureweb.BombPath, ErrTooLarge},
		{fixtureweb.LoopPath, ErrRedirectLoop},
	} {
		_, err := c.Get(ctx, web.Faults.URL+tc.path)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: want %v, got %v", tc.path, tc.want, err)
		}
	}
}

func TestDecodingAndCharset(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	c := newTestClient(Config{})
	defer c.Close()
	ctx := context.Background()
	resp, err := c.Get(ctx, web.KabarArticleURL(0))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(resp.Text(), "Pekalongan") || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip body not decoded: %q", resp.Body[:min(40, len(resp.Body))])
	}
	if hits := web.Kabar.Hits(); !strings.Contains(hits[len(hits)-1].Header.Get("Accept-Encoding"), "br") {
		t.Errorf("br not accepted")
	}
	resp, err = c.Get(ctx, web.Faults.URL+fixtureweb.WrongCharsetPath)
	if err != nil {
		t.Fatal(err)
	}
	if text := resp.Text(); !strings.Contains(text, "Café") || !strings.Contains(text, "Laris – Omzet") {
		t.Errorf("wrong charset not repaired: %q", text)
	}
}
