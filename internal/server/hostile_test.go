package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestHostileInput sends what a hostile or careless client sends, each
// row with the status it must get: never a 500, never a 201 for junk.
func TestHostileInput(t *testing.T) {
	ts, st := newServer(t, options{MaxBodyBytes: 64 << 10})
	putAnnotated(t, st)
	q := url.QueryEscape
	tests := []struct {
		name, method, path, contentType, body string
		status                                int
	}{
		{"open bracket", "POST", "/api/v1/articles", "application/json", `[`, 400},
		{"empty array", "POST", "/api/v1/articles", "application/json", `[]`, 400},
		{"open brace", "POST", "/api/v1/articles", "application/json", `{`, 400},
		{"unfinished array", "POST", "/api/v1/articles", "application/json", `[1,`, 400},
		{"unterminated array of an article", "POST", "/api/v1/articles", "application/json", `[{"title":"a","body":"b"}`, 400},
		{"null", "POST", "/api/v1/articles", "application/json", `null`, 400},
		{"a string", "POST", "/api/v1/articles", "application/json", `"str"`, 400},
		{"a number", "POST", "/api/v1/articles", "application/json", `123`, 400},
		{"not JSON", "POST", "/api/v1/articles", "application/json", `not json`, 400},
		{"an array of a number", "POST", "/api/v1/articles", "application/json", `[1]`, 400},
		{"JSON over several lines is fine", "POST", "/api/v1/articles", "application/json", "{\"title\": \"Jalan Desa Rusak Parah\",\n \"body\": \"Warga mengeluhkan jalan desa yang rusak.\"}", 201},
		{"text over the limit", "POST", "/api/v1/articles", "text/plain", "Judul\n" + strings.Repeat("kata ", 20<<10), 413},
		{"HTML over the limit", "POST", "/api/v1/articles", "text/html", "<html><body><p>" + strings.Repeat("kata ", 20<<10), 413},
		{"JSON over the limit", "POST", "/api/v1/analyze", "application/json", `{"title": "a", "body": "` + strings.Repeat("kata ", 20<<10) + `"}`, 413},
		{"a long query", "GET", "/api/v1/search?q=" + q(strings.Repeat("kata ", 250)), "", "", 400},
		{"many words", "GET", "/api/v1/search?q=" + q(strings.Repeat("banjir longsor ", 20)), "", "", 400},
		{"2,000 ORs", "GET", "/api/v1/search?q=" + q("a"+strings.Repeat(" OR a", 2000)), "", "", 400},
		{"1,000 entity filters", "GET", "/api/v1/search?" + strings.Repeat("entity=A&", 1000), "", "", 400},
		{"a NUL in q", "GET", "/api/v1/search?q=banjir%00", "", "", 400},
		{"an impossible month in q", "GET", "/api/v1/search?q=" + q("banjir from:2025-13"), "", "", 400},
		{"an impossible date", "GET", "/api/v1/search?q=banjir&from=2025-99", "", "", 400},
		{"an impossible day", "GET", "/api/v1/articles?to=2025-02-30", "", "", 400},
		{"an unknown parameter", "GET", "/api/v1/search?q=banjir&order=date", "", "", 400},
		{"an unknown parameter on a list", "GET", "/api/v1/articles?page=2", "", "", 400},
		{"a parameter twice", "GET", "/api/v1/articles?from=2025&from=2024", "", "", 400},
		{"a bad query string", "GET", "/api/v1/search?q=%zz", "", "", 400},
		{"a missing version", "GET", "/api/v1/articles/1?version=99", "", "", 404},
		{"delete what is not stored", "DELETE", "/api/v1/articles/999", "", "", 404},
		{"a search page with a NUL", "GET", "/search?q=banjir%00", "", "", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
	// A % or _ is a character to look for, not a pattern: it finds nothing.
	for _, path := range []string{"/api/v1/quotes?q=%25", "/api/v1/quotes?q=_", "/api/v1/entities?name=%25", "/api/v1/entities?name=_",
		"/api/v1/quotes?speaker=%25"} {
		var page list[map[string]any]
		if resp := call(t, "GET", ts.URL+path, "", "", &page); resp.StatusCode != 200 || len(page.Items) != 0 {
			t.Errorf("%s: status %d, %d items, want none", path, resp.StatusCode, len(page.Items))
		}
	}
	if s, err := st.Stats(t.Context()); err != nil || s.Articles != 3 {
		t.Errorf("after the hostile inputs: %+v, %v; want the 3 good articles only", s, err)
	}
}

// TestCrossOrigin: a page on another site cannot write, nor can a page
// that reached the server under another name (DNS rebinding), while the
// server's own pages and clients without an Origin can.
func TestCrossOrigin(t *testing.T) {
	ts, _ := newServer(t, options{Token: token, AllowedHosts: []string{"127.0.0.1", "localhost"}})
	tests := []struct {
		name   string
		header []string
		status int
	}{
		{"no Origin (curl, warta's own clients)", []string{"Authorization", "Bearer " + token}, 201},
		{"bearer in lower case", []string{"Authorization", "bearer " + token}, 200},
		{"the same origin", []string{"Authorization", "BEARER " + token, "Origin", ts.URL, "Sec-Fetch-Site", "same-origin"}, 200},
		{"another site", []string{"Authorization", "Bearer " + token, "Origin", "https://evil.example"}, 403},
		{"another site by fetch metadata", []string{"Authorization", "Bearer " + token, "Sec-Fetch-Site", "cross-site"}, 403},
		{"a null origin", []string{"Authorization", "Bearer " + token, "Origin", "null"}, 403},
		{"another site without the token", []string{"Origin", "https://evil.example"}, 403},
		{"a rebinding name", []string{"Authorization", "Bearer " + token, "Host", "evil.example"}, 421},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", ts.URL+"/api/v1/articles", strings.NewReader(pertemuanText))
			req.Header.Set("Content-Type", "text/plain")
			for i := 0; i+1 < len(tt.header); i += 2 {
				if tt.header[i] == "Host" {
					req.Host = tt.header[i+1]
					continue
				}
				req.Header.Set(tt.header[i], tt.header[i+1])
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
	// Reads under a rebinding name are refused too.
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/stats", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 421 {
		t.Errorf("GET under a rebinding name: %d, want 421", resp.StatusCode)
	}
}

// Every answer, HTML pages and openapi.json included, has the security
// headers.
func TestSecurityHeaders(t *testing.T) {
	ts, _ := newServer(t, options{})
	for _, path := range []string{"/", "/api/v1/openapi.json", "/api/v1/stats", "/static/warta.css"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for k := range securityHeaders {
			if resp.Header.Get(k) == "" {
				t.Errorf("%s: no %s", path, k)
			}
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
	}
}
