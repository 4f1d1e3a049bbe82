// Package fetch is warta's HTTP client for the open web: polite to the
// sites it reads and impossible to turn against the machine it runs on.
//
// Politeness: a User-Agent naming warta, robots.txt obeyed (Crawl-delay
// included) and cached per host, one request at a time per host with a
// minimum delay between requests, conditional GET with the ETag and
// Last-Modified of each URL (a 304 costs nothing), Retry-After honoured
// on 429 and 503, and exponential back-off on other failures.
//
// Safety: every connection is checked at dial time, after DNS resolution
// and on every redirect, against the IANA special-purpose ranges
// (loopback, RFC 1918, link-local, CGNAT, unique-local, NAT64, 6to4 and
// the others); only http and https on ports 80 and 443 unless configured;
// time, body size (decoded, so a compression bomb stops at the limit)
// and redirects are bounded.
package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/andybalholm/brotli"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/html/charset"
)

// Defaults of Config.
const (
	DefaultMinDelay     = time.Second
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBody      = 15 << 20
	DefaultMaxRedirects = 5
	DefaultMaxWait      = 2 * time.Minute
	// MaxBackoff bounds the exponential back-off of a failing host.
	MaxBackoff = 30 * time.Minute
	// robotsTTL is how long a host's robots.txt is trusted.
	robotsTTL = 24 * time.Hour
	// robotsErrorTTL is how long a robots.txt that could not be read
	// (network error, 5xx: the host is treated as closed) is kept.
	robotsErrorTTL = 10 * time.Minute
	// ProductToken is the name warta goes by in robots.txt groups.
	ProductToken = "warta"
	// InfoURL is where a site owner reads what warta is.
	InfoURL = "https://github.com/warta-news/warta"
)

// UserAgent is warta's User-Agent for a version.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return fmt.Sprintf("%s/%s (+%s)", ProductToken, version, InfoURL)
}

// Errors callers branch on.
var (
	ErrDisallowed       = errors.New("disallowed by robots.txt")
	ErrTooLarge         = errors.New("response body too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrRedirectLoop     = errors.New("redirect loop")
	ErrBackoff          = errors.New("host is backing off")
	ErrUnexpectedStatus = errors.New("unexpected status")
)

// StatusError is a response that is neither a success, a redirect nor a
// 304. RetryAfter is the wait the server asked for (429, 503), if any.
type StatusError struct {
	URL        string
	Status     int
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return s
}

func (e *StatusError) Unwrap() error { return ErrUnexpectedStatus }

// BackoffError says a host is not asked again before Until.
type BackoffError struct {
	Host  string
	Until time.Time
}

func (e *BackoffError) Error() string {
	return fmt.Sprintf("%s is backing off until %s", e.Host, e.Until.UTC().Format(time.RFC3339))
}

func (e *BackoffError) Unwrap() error { return ErrBackoff }

// Config configures a Client; zero values take the defaults.
type Config struct {
	UserAgent    string        // default UserAgent("dev")
	MinDelay     time.Duration // between two requests to one host; default 1 s
	Timeout      time.Duration // one request, body included; default 30 s
	MaxBody      int64         // decoded bytes; default 15 MiB
	MaxRedirects int           // default 5
	// MaxWait is the longest a request waits for its host's delay or
	// back-off; beyond it Get fails at once with a *BackoffError.
	MaxWait    time.Duration
	Policy     Policy
	Validators Validators // ETag and Last-Modified per URL; default in memory
	Recorder   Recorder   // sees every exchange (WARC); optional
	Log        *slog.Logger
}

// Response is a fetched resource.
type Response struct {
	URL         string // after redirects
	Status      int
	Header      http.Header
	Body        []byte // decoded from its Content-Encoding; empty on 304
	NotModified bool   // 304: the stored copy is current
	Fetched     time.Time
	// deferred is the exchange not yet given to the Recorder (see
	// WithDeferredRecord).
	deferred *Exchange
}

type deferKey struct{}

// WithDeferredRecord makes the requests of ctx hand their final exchange
// to the Recorder only when Client.Record is called: the caller decides
// first how to describe it (a page superseded by its single-page view).
func WithDeferredRecord(ctx context.Context) context.Context {
	return context.WithValue(ctx, deferKey{}, true)
}

// Record gives a response's deferred exchange to the Recorder, with the
// metadata of ctx; once only, and nothing for a response not deferred.
func (c *Client) Record(ctx context.Context, r *Response) error {
	if r == nil || r.deferred == nil || c.cfg.Recorder == nil {
		return nil
	}
	x := r.deferred
	r.deferred = nil
	if err := c.cfg.Recorder.Record(ctx, x); err != nil {
		return fmt.Errorf("fetch %s: record: %w", x.Request.URL.Redacted(), err)
	}
	return nil
}

// ContentType is the response's media type with its parameters.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Text returns the body as UTF-8, its charset taken from the
// Content-Type header, else from the page (BOM, meta, XML declaration),
// else guessed.
func (r *Response) Text() string {
	enc, name, _ := charset.DetermineEncoding(r.Body, r.ContentType())
	if name == "utf-8" && !utf8.Valid(r.Body) {
		// A header that says UTF-8 over bytes that are not: the page's
		// own declaration, else a guess.
		enc, _, _ = charset.DetermineEncoding(r.Body, "")
	}
	out, err := enc.NewDecoder().Bytes(r.Body)
	if err != nil {
		return string(bytes.ToValidUTF8(r.Body, []byte("\uFFFD")))
	}
	return string(out)
}

// Exchange is one request and its response, as a Recorder sees them.
type Exchange struct {
	Request  *http.Request
	Proto    string
	Status   int
	Header   http.Header
	Body     []byte // decoded (Content-Encoding removed)
	RemoteIP string
	Fetched  time.Time
}

// Recorder keeps exchanges, such as a WARC writer.
type Recorder interface {
	Record(ctx context.Context, x *Exchange) error
}

// Client fetches politely. It is safe for concurrent use: requests to one
// host wait for each other, requests to different hosts run in parallel.
type Client struct {
	cfg   Config
	http  *http.Client
	mu    sync.Mutex
	hosts map[string]*hostState
}

// hostState is what the client knows of one host (host:port).
type hostState struct {
	gate          chan struct{} // one request at a time
	next          time.Time     // earliest start of the next request
	until         time.Time     // back-off end
	failures      int
	robots        *robotstxt.Group
	robotsExpires time.Time
	crawlDelay    time.Duration
}

// New returns a Client.
func New(cfg Config) *Client {
	if cfg.UserAgent == "" {
		cfg.UserAgent = UserAgent("")
	}
	if cfg.MinDelay <= 0 {
		cfg.MinDelay = DefaultMinDelay
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = DefaultMaxWait
	}
	if cfg.Validators == nil {
		cfg.Validators = NewMemoryValidators()
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	dialer := cfg.Policy.Dialer(10 * time.Second)
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		DisableCompression:    true, // decoded here, within the body limit
	}
	return &Client{
		cfg: cfg,
		http: &http.Client{
			Transport:     transport,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		hosts: map[string]*hostState{},
	}
}

// Close releases idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// Policy is the client's address policy.
func (c *Client) Policy() Policy { return c.cfg.Policy }

func (c *Client) host(name string) *hostState {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[name]
	if h == nil {
		h = &hostState{gate: make(chan struct{}, 1)}
		c.hosts[name] = h
	}
	return h
}

// Get fetches rawURL, following redirects (each one checked and paced
// like the first request), with conditional headers when the URL was
// fetched before. A 304 gives a Response with NotModified set.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	seen := map[string]bool{}
	for hops := 0; ; hops++ {
		if err := c.cfg.Policy.checkLiteral(u); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
		}
		if err := c.cfg.Policy.CheckURL(u); err != nil {
			return nil, fmt.Errorf("fetch: %w", err)
		}
		seen[u.String()] = true
		resp, next, err := c.hop(ctx, u)
		if err != nil || next == nil {
			return resp, err
		}
		if seen[next.String()] {
			return nil, fmt.Errorf("fetch %s: %w at %s", rawURL, ErrRedirectLoop, next.Redacted())
		}
		if hops+1 > c.cfg.MaxRedirects {
			return nil, fmt.Errorf("fetch %s: %w (%d)", rawURL, ErrTooManyRedirects, c.cfg.MaxRedirects)
		}
		u = next
	}
}

// hop makes one request to u: a response, or the URL it redirects to.
func (c *Client) hop(ctx context.Context, u *url.URL) (*Response, *url.URL, error) {
	h := c.host(u.Host)
	select {
	case h.gate <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	defer func() { <-h.gate }()

	if err := c.checkRobots(ctx, h, u); err != nil {
		return nil, nil, err
	}
	if err := c.wait(ctx, h, u.Host); err != nil {
		return nil, nil, err
	}
	etag, modified, err := c.cfg.Validators.Validators(ctx, u.String())
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: validators: %w", u.Redacted(), err)
	}
	resp, err := c.do(ctx, u, etag, modified)
	h.next = time.Now().Add(c.delay(h))
	if err != nil {
		if ctx.Err() == nil && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrPrivateAddress) && !errors.Is(err, ErrForbiddenURL) {
			c.fail(h, 0)
		}
		return nil, nil, err
	}
	switch s := resp.Status; {
	case s >= 200 && s < 300:
		h.failures = 0
		if err := c.cfg.Validators.SetValidators(ctx, u.String(), resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")); err != nil {
			return nil, nil, fmt.Errorf("fetch %s: validators: %w", u.Redacted(), err)
		}
		return resp, nil, nil
	case s == http.StatusNotModified:
		h.failures = 0
		resp.NotModified = true
		return resp, nil, nil
	case s == 301 || s == 302 || s == 303 || s == 307 || s == 308:
		loc := resp.Header.Get("Location")
		if loc == "" {
			return nil, nil, &StatusError{URL: u.String(), Status: s}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, nil, fmt.Errorf("fetch %s: bad redirect %q: %w", u.Redacted(), loc, err)
		}
		next.Fragment = ""
		return nil, next, nil
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		ra := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		wait := c.fail(h, ra)
		return nil, nil, &StatusError{URL: u.String(), Status: s, RetryAfter: wait}
	case s >= 500:
		c.fail(h, 0)
		return nil, nil, &StatusError{URL: u.String(), Status: s}
	default: // 4xx: this URL's problem, not the host's
		return nil, nil, &StatusError{URL: u.String(), Status: s}
	}
}

// delay is the pause between two requests to a host: the configured
// minimum, or the host's Crawl-delay when longer.
func (c *Client) delay(h *hostState) time.Duration {
	return max(c.cfg.MinDelay, h.crawlDelay)
}

// fail starts or lengthens a host's back-off: the server's Retry-After
// when it gave one, else the delay doubled for each failure in a row.
func (c *Client) fail(h *hostState, retryAfter time.Duration) time.Duration {
	h.failures++
	wait := retryAfter
	if wait <= 0 {
		wait = c.delay(h) << min(h.failures, 16)
	}
	wait = min(wait, MaxBackoff)
	h.until = time.Now().Add(wait)
	return wait
}

// wait sleeps until the host may be asked again, or fails at once when
// that is more than MaxWait away.
func (c *Client) wait(ctx context.Context, h *hostState, host string) error {
	at := h.next
	if h.until.After(at) {
		at = h.until
	}
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	if d > c.cfg.MaxWait {
		return &BackoffError{Host: host, Until: at}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// checkRobots reads the host's robots.txt when it is not cached, then
// says whether u may be fetched. Called with the host's gate held.
func (c *Client) checkRobots(ctx context.Context, h *hostState, u *url.URL) error {
	if u.Path == "/robots.txt" {
		return nil
	}
	if h.robots == nil || time.Now().After(h.robotsExpires) {
		if err := c.wait(ctx, h, u.Host); err != nil {
			return err
		}
		robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		resp, err := c.do(ctx, robotsURL, "", "")
		h.next = time.Now().Add(c.delay(h))
		ttl := robotsTTL
		var data *robotstxt.RobotsData
		switch {
		case err != nil:
			if ctx.Err() != nil || errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrForbiddenURL) {
				return err
			}
			// An unreadable robots.txt closes the host for a while, as a
			// 5xx does (RFC 9309, 2.3.1.4).
			c.cfg.Log.Warn("robots.txt unreadable: host closed for now", "host", u.Host, "err", err)
			ttl = robotsErrorTTL
			data, _ = robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
		case resp.Status >= 300 && resp.Status < 400:
			// A redirected robots.txt is not followed: treated as absent.
			data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		default:
			data, err = robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
			if err != nil { // unparseable: as if absent
				data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
			if resp.Status >= 500 {
				ttl = robotsErrorTTL
			}
		}
		h.robots = data.FindGroup(ProductToken)
		h.crawlDelay = h.robots.CrawlDelay
		h.robotsExpires = time.Now().Add(ttl)
		h.next = time.Now().Add(c.delay(h))
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !h.robots.Test(path) {
		return fmt.Errorf("fetch %s: %w", u.Redacted(), ErrDisallowed)
	}
	return nil
}

// do sends one GET and reads its body within the limits.
func (c *Client) do(ctx context.Context, u *url.URL, etag, modified string) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	var remote string
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			if a, ok := info.Conn.RemoteAddr().(*net.TCPAddr); ok {
				remote = a.IP.String()
			}
		},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if modified != "" {
		req.Header.Set("If-Modified-Since", modified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		var pe *PrivateAddressError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), pe)
		}
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > c.cfg.MaxBody {
		return nil, fmt.Errorf("fetch %s: %w (%d bytes, limit %d)", u.Redacted(), ErrTooLarge, resp.ContentLength, c.cfg.MaxBody)
	}
	body, err := readBody(resp, c.cfg.MaxBody)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	header := resp.Header.Clone()
	if header.Get("Content-Encoding") != "" {
		header.Del("Content-Encoding")
		header.Set("Content-Length", strconv.Itoa(len(body)))
	}
	out := &Response{URL: u.String(), Status: resp.StatusCode, Header: header, Body: body, Fetched: time.Now().UTC()}
	if c.cfg.Recorder != nil {
		x := &Exchange{Request: req, Proto: resp.Proto, Status: resp.StatusCode, Header: header, Body: body, RemoteIP: remote, Fetched: out.Fetched}
		if deferred, _ := ctx.Value(deferKey{}).(bool); deferred && resp.StatusCode == http.StatusOK {
			out.deferred = x
			return out, nil
		}
		if err := c.cfg.Recorder.Record(ctx, x); err != nil {
			return nil, fmt.Errorf("fetch %s: record: %w", u.Redacted(), err)
		}
	}
	return out, nil
}

// readBody reads a response body decoded from its Content-Encoding, and
// fails once more than limit decoded bytes come.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	var r io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			if err == io.EOF {
				return nil, nil
			}
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer gz.Close()
		r = gz
	case "deflate":
		// Most servers send zlib; some send raw deflate.
		br := &peekReader{r: resp.Body}
		head, _ := br.peek(2)
		if len(head) == 2 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 && head[0]&0x0f == 8 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	case "br":
		r = brotli.NewReader(resp.Body)
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w (over %d bytes decoded)", ErrTooLarge, limit)
	}
	return body, nil
}

// peekReader lets the first bytes of a stream be looked at and read again.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	buf := make([]byte, n)
	m, err := io.ReadFull(p.r, buf)
	p.head = buf[:m]
	return p.head, err
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
