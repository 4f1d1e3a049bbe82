package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/store"
)

// serving is a warta serve running in-process.
type serving struct {
	url    string
	stdout *syncBuffer
	stderr *syncBuffer
	stop   func() int // cancels the command and returns its exit status
}

var servingURL = regexp.MustCompile(`warta is serving (http://\S+/)`)

func startServe(t *testing.T, args ...string) *serving {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), Env{Stdin: strings.NewReader(""), Stdout: s.stdout, Stderr: s.stderr})
	}()
	s.stop = func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if m := servingURL.FindStringSubmatch(s.stdout.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d\n%s", code, s.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve printed no URL\n%s", s.stderr.String())
		}
	}
}

func getJSON(t *testing.T, url string, out any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode
}

func post(t *testing.T, url, body string, header ...string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/plain")
	if len(header) == 2 {
		req.Header.Set(header[0], header[1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitFound polls a search until it finds an article, for up to 3 s.
func waitFound(t *testing.T, base, query string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		var res struct{ Total int }
		getJSON(t, base+"api/v1/search?q="+query, &res)
		if res.Total > 0 {
			return time.Since(start)
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("the server does not see %q", query)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The whole story: a first start fills a new data directory with the
// examples; warta ingest adds articles while the server runs and the server
// sees them at once; the server stops cleanly and starts again on the same
// directory without loading the examples twice; with a token, writes need
// it.
func TestServe(t *testing.T) {
	data := filepath.Join(t.TempDir(), "baru")
	srv := startServe(t, "--data", data)
	loaded := regexp.MustCompile(`loaded the example articles"? articles=(\d+)`).FindStringSubmatch(srv.stderr.String())
	if loaded == nil {
		t.Fatalf("no word of the examples:\n%s", srv.stderr.String())
	}
	examples, _ := strconv.Atoi(loaded[1])
	var stats store.Stats
	getJSON(t, srv.url+"api/v1/stats", &stats)
	if examples < 7 || stats.Articles != examples {
		t.Errorf("a new data directory holds %d articles, loaded %d examples", stats.Articles, examples)
	}
	waitFound(t, srv.url, "Sleman")
	resp, err := http.Get(srv.url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "Pemkab Sleman Bagikan") {
		t.Errorf("search page: status %d", resp.StatusCode)
	}
	if code := post(t, srv.url+"api/v1/articles", "Judul Lokal\nTanpa token di localhost boleh menulis."); code != http.StatusCreated {
		t.Errorf("POST on localhost without a token: %d", code)
	}

	// ingest from a stream that stays open: the server sees its articles
	// before the stream ends. (internal/ingest tells the format from the
	// first 4 KiB, so a stream starts to flow once it has sent that much.)
	pr, pw := io.Pipe()
	ingestDone := make(chan int, 1)
	ingestErr := &syncBuffer{}
	go func() {
		ingestDone <- Main(context.Background(), []string{"ingest", "--data", data, "-"}, Env{Stdin: pr, Stdout: io.Discard, Stderr: ingestErr})
	}()
	for i := range 4 {
		fmt.Fprintf(pw, `{"title": "Gempa Guncang Pesisir Selatan %d", "url": "https://contoh.example/gempa/%d", "body": "Gempa bermagnitudo lima mengguncang pesisir selatan tanpa menimbulkan kerusakan. %s"}`+"\n",
			i, i, strings.Repeat("Warga sempat berhamburan ke luar rumah. ", 30))
	}
	seen := waitFound(t, srv.url, "mengguncang")
	t.Logf("the server saw an article %v after warta ingest read it", seen)
	select {
	case code := <-ingestDone:
		t.Fatalf("ingest ended (%d) before its input", code)
	default:
	}
	pw.Close()
	if code := <-ingestDone; code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, ingestErr.String())
	}

	if code := srv.stop(); code != 0 {
		t.Fatalf("serve stopped with %d\n%s", code, srv.stderr.String())
	}
	if !strings.Contains(srv.stderr.String(), "stopped") {
		t.Errorf("no word of the shutdown: %s", srv.stderr.String())
	}
	if _, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(srv.url, "http://"), "/"), time.Second); err == nil {
		t.Error("still listening after it stopped")
	}

	srv = startServe(t, "--data", data, "--token", "kunci")
	defer srv.stop()
	getJSON(t, srv.url+"api/v1/stats", &stats)
	if stats.Articles != examples+5 {
		t.Errorf("after a restart: %d articles, want %d (the examples once, 5 more)", stats.Articles, examples+5)
	}
	if code := post(t, srv.url+"api/v1/articles", "Judul Kedua\nMenulis tanpa token ditolak."); code != http.StatusUnauthorized {
		t.Errorf("POST without the token: %d", code)
	}
	if code := post(t, srv.url+"api/v1/articles", "Judul Kedua\nMenulis dengan token diterima.", "Authorization", "Bearer kunci"); code != http.StatusCreated {
		t.Errorf("POST with the token: %d", code)
	}
}

func TestServeBadAddr(t *testing.T) {
	code := Main(context.Background(), []string{"serve", "--addr", "bukan-alamat", "--data", t.TempDir()}, Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}

func TestDisplayAddr(t *testing.T) {
	tests := []struct {
		addr net.TCPAddr
		want string
	}{
		{net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "127.0.0.1:8080"},
		{net.TCPAddr{IP: net.IPv4zero, Port: 80}, "localhost:80"},
		{net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "localhost:8080"},
		{net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, "[::1]:8080"},
	}
	for _, tt := range tests {
		if got := displayAddr(&tt.addr); got != tt.want {
			t.Errorf("displayAddr(%v) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
