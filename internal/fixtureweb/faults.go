package fixtureweb

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault paths of the Faults outlet.
const (
	SlowPath          = "/slow"          // answers after SlowDelay
	ErrorPath         = "/500"           // always 500
	TooManyPath       = "/429"           // 429 with Retry-After: 1 the first time, then a feed
	UnavailablePath   = "/503"           // 503 with Retry-After as an HTTP date
	LoopPath          = "/loop/a"        // a -> b -> a
	MetadataPath      = "/metadata"      // redirects to http://169.254.169.254/latest/meta-data/
	BigPath           = "/big"           // 50 MB of HTML, no Content-Length
	BigDeclaredPath   = "/big-declared"  // Content-Length: 50 MB
	BombPath          = "/bomb"          // 64 MiB of zeros gzipped to about 64 KB
	WrongCharsetPath  = "/wrong-charset" // Windows-1252 bytes served as charset=utf-8
	HTMLFeedPath      = "/feed-html"     // a "feed" that is an HTML page
	BrokenXMLPath     = "/broken.xml"    // RSS cut in the middle
	MetadataTarget    = "http://169.254.169.254/latest/meta-data/"
	BigSize           = 50 << 20
	BombDecodedSize   = 64 << 20
	SlowDelay         = 3 * time.Second
	TooManyRetryAfter = time.Second
)

var bomb = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range BombDecodedSize >> 20 {
		gz.Write(zeros)
	}
	gz.Close()
	return b.Bytes()
})

func newFaults() *Outlet {
	o := &Outlet{Name: "faults", pages: map[string]page{}}
	bomb() // made once per process, before any request waits for it
	var mu sync.Mutex
	tooMany := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	})
	mux.HandleFunc(SlowPath, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(SlowDelay):
			fmt.Fprint(w, "<html><body><p>lambat</p></body></html>")
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc(ErrorPath, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "internal error", http.StatusInternalServerError)
	})
	mux.HandleFunc(TooManyPath, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tooMany++
		n := tooMany
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", fmt.Sprint(int(TooManyRetryAfter/time.Second)))
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Sabar</title><item><title>Satu</title><link>/satu</link></item></channel></rss>`)
	})
	mux.HandleFunc(UnavailablePath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc(MetadataPath, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, MetadataTarget, http.StatusFound)
	})
	mux.HandleFunc(BigPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>isi yang sangat panjang</p>\n", 1<<10))
		for sent := 0; sent < BigSize; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc(BigDeclaredPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(BigSize))
		w.Write([]byte("<html>")) // the client stops at the header
	})
	mux.HandleFunc(BombPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb())
	})
	mux.HandleFunc(WrongCharsetPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// "Café" and "Rp 5 juta – naik" in Windows-1252.
		w.Write([]byte("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"windows-1252\"><title>Caf\xe9 Kopi Tubruk Laris \x96 Omzet Naik</title></head><body><h1>Caf\xe9 Kopi Tubruk Laris \x96 Omzet Naik</h1><article><p>JAKARTA - Sebuah caf\xe9 di Jakarta Selatan mencatat omzet Rp 5 juta per hari sejak menyajikan kopi tubruk, kata pemiliknya, Senin (9/11/2026).</p><p>Pemilik caf\xe9, Ahmad Fauzi, mengatakan pelanggan datang dari berbagai kota.</p></article></body></html>"))
	})
	mux.HandleFunc(HTMLFeedPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Bukan feed</title></head><body><p>Halaman ini bukan feed.</p></body></html>")
	})
	mux.HandleFunc(BrokenXMLPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Rusak</title><item><title>Setengah`)
	})
	logged := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		o.hits = append(o.hits, Hit{At: time.Now(), Path: r.URL.RequestURI(), Header: r.Header.Clone()})
		o.mu.Unlock()
		mux.ServeHTTP(w, r)
	})
	o.start(logged)
	return o
}
