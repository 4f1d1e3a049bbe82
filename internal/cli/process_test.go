package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
)

// process is warta running as a process of its own: this test binary,
// which TestMain turns into the command.
type process struct {
	cmd    *exec.Cmd
	url    string // for serve
	stderr *syncBuffer
	done   chan error
}

func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "WARTA_TEST_EXEC=1")
	p := &process{cmd: cmd, stderr: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = p.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.done
		}
	})
	if args[0] == "serve" {
		select {
		case p.url = <-urls:
		case err := <-p.done:
			t.Fatalf("serve exited: %v\n%s", err, p.stderr)
		case <-time.After(60 * time.Second):
			t.Fatalf("serve printed no URL\n%s", p.stderr)
		}
	}
	return p
}

// wait waits for the process to exit and returns its status.
func (p *process) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("%v did not exit within %s\n%s", p.cmd.Args[1:], limit, p.stderr)
		return -1
	}
}

// kill sends SIGKILL: no clean-up of any kind.
func (p *process) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p.done
}

// peakRSS is the process's peak resident memory (VmHWM), in bytes.
func (p *process) peakRSS(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(data)
	if m == nil {
		t.Skip("no VmHWM")
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb << 10
}

// detikParts writes the detik-news articles into n JSON Lines files.
func detikParts(t *testing.T, n int) []string {
	t.Helper()
	arts := shared.DetikArticles(t)
	dir := t.TempDir()
	files := make([]*os.File, n)
	paths := make([]string, n)
	for i := range files {
		paths[i] = filepath.Join(dir, fmt.Sprintf("part-%d.jsonl", i))
		f, err := os.Create(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		files[i] = f
	}
	for i, a := range arts {
		line, _ := json.Marshal(a)
		files[i%n].Write(append(line, '\n'))
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

// postArticle posts article i (made up, with its own URL) and returns its
// status and the stored id.
func postArticle(ctx context.Context, base string, i int) (int, int64, error) {
	body := fmt.Sprintf(`{"title": "Laporan Warga Nomor %d", "url": "https://contoh.example/laporan/%d", "published": "2025-10-20",
		"body": "Warga Kelurahan Sukamaju nomor %d melaporkan jalan rusak kepada lurah pada Senin pagi. Lurah berjanji memperbaikinya pekan depan."}`, i, i, i)
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"api/v1/articles", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	var out struct{ ID int64 }
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out.ID, nil
}

// percentile returns the p-th percentile of sorted durations.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

// TestServeUnderLoad runs 4 ingests, 200 POSTs and 2,000 searches at once
// against one server, all as separate processes and clients: no request
// may fail, and p99 must stay within a generous bound (a sanity check, not
// a benchmark: the figures are logged with -v).
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test runs processes for a minute")
	}
	parts := detikParts(t, 4)
	data := filepath.Join(t.TempDir(), "data")
	srv := startProcess(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	var ingests []*process
	for _, p := range parts {
		ingests = append(ingests, startProcess(t, "ingest", "-q", "--data", data, p))
	}
	words := []string{"banjir", "presiden", "polisi", "jakarta", "menteri", "warga", "korupsi", "pemilu", "ekonomi", "jalan"}
	var (
		mu       sync.Mutex
		searches []time.Duration
		posts    []time.Duration
		failures []string
	)
	fail := func(s string) {
		mu.Lock()
		failures = append(failures, s)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < 200; i += 4 {
				start := time.Now()
				status, _, err := postArticle(ctx, srv.url, i)
				d := time.Since(start)
				if err != nil || status != 201 {
					fail(fmt.Sprintf("POST %d: %d %v", i, status, err))
				}
				mu.Lock()
				posts = append(posts, d)
				mu.Unlock()
			}
		})
	}
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < 2000; i += 8 {
				q := words[i%len(words)]
				if i%3 == 0 {
					q += " " + words[(i/3)%len(words)]
				}
				start := time.Now()
				req, _ := http.NewRequestWithContext(ctx, "GET", srv.url+"api/v1/search?q="+strings.ReplaceAll(q, " ", "+"), nil)
				resp, err := http.DefaultClient.Do(req)
				d := time.Since(start)
				if err != nil {
					fail(fmt.Sprintf("search %q: %v", q, err))
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					fail(fmt.Sprintf("search %q: %d", q, resp.StatusCode))
				}
				mu.Lock()
				searches = append(searches, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for i, p := range ingests {
		if code := p.wait(t, 4*time.Minute); code != 0 {
			t.Errorf("ingest %d: exit %d\n%s", i, code, p.stderr)
		}
	}
	for _, f := range failures[:min(len(failures), 20)] {
		t.Error(f)
	}
	slices.Sort(searches)
	slices.Sort(posts)
	t.Logf("searches: %d, p50 %v p95 %v p99 %v max %v", len(searches), percentile(searches, .5), percentile(searches, .95), percentile(searches, .99), searches[len(searches)-1])
	t.Logf("POSTs: %d, p50 %v p95 %v p99 %v max %v", len(posts), percentile(posts, .5), percentile(posts, .95), percentile(posts, .99), posts[len(posts)-1])
	if p99 := percentile(searches, .99); p99 > 20*time.Second {
		t.Errorf("search p99 %v: over the 20 s sanity bound", p99)
	}
	var st store.Stats
	getJSON(t, srv.url+"api/v1/stats", &st)
	srv.cmd.Process.Signal(os.Interrupt)
	if code := srv.wait(t, time.Minute); code != 0 {
		t.Errorf("serve: exit %d\n%s", code, srv.stderr)
	}
	// 654 distinct detik-news articles, 200 posted, and the examples.
	if st.Articles < 654+200 {
		t.Errorf("%d articles stored, want at least %d", st.Articles, 654+200)
	}
}

// TestKillMidWrite kills an ingest and the server with SIGKILL while they
// write, then checks the database and the index, that every write the
// server acknowledged is stored, and that a re-run stores every article
// exactly once.
func TestKillMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault test runs processes")
	}
	parts := detikParts(t, 1)
	data := filepath.Join(t.TempDir(), "data")
	srv := startProcess(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
	var start store.Stats
	getJSON(t, srv.url+"api/v1/stats", &start) // the examples
	ing := startProcess(t, "ingest", "-q", "--data", data, parts[0])
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var (
		mu    sync.Mutex
		acked = map[int64]string{} // id → URL, of 201s
	)
	stopPosting := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stopPosting:
				return
			default:
			}
			status, id, err := postArticle(ctx, srv.url, i)
			if err != nil {
				return // the server is gone
			}
			if status != 201 && i < 5 {
				t.Logf("POST %d: %d", i, status)
			}
			if status == 201 {
				mu.Lock()
				acked[id] = fmt.Sprintf("https://contoh.example/laporan/%d", i)
				mu.Unlock()
			}
		}
	})
	// Kill the ingest once it has stored something, the server a moment
	// later, both in the middle of their writes.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var st store.Stats
		if getJSON(t, srv.url+"api/v1/stats", &st) == 200 && st.Articles > start.Articles+60 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nothing was stored in two minutes")
		}
		time.Sleep(50 * time.Millisecond)
	}
	ing.kill(t)
	time.Sleep(300 * time.Millisecond)
	srv.kill(t)
	close(stopPosting)
	wg.Wait()

	st := openTestStore(t, data)
	if err := st.Check(ctx); err != nil {
		t.Fatalf("after SIGKILL: %v", err)
	}
	for id, url := range acked {
		art, err := st.Article(ctx, id)
		if err != nil || art.URL != url {
			t.Errorf("acknowledged article %d (%s) is not stored: %v", id, url, err)
		}
	}
	before, _ := st.Stats(ctx)
	st.Close()
	t.Logf("killed with %d articles stored, %d POSTs acknowledged", before.Articles, len(acked))

	// The re-run stores the rest, once; a third run stores nothing.
	for run := range 2 {
		code, stderr := ingestCmdRun(t, "--data", data, parts[0])
		if code != 0 {
			t.Fatalf("re-run %d: exit %d\n%s", run, code, stderr)
		}
	}
	st = openTestStore(t, data)
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	examples := start.Articles
	if want := 654 + len(acked) + examples; after.Articles != want && after.Articles != want+countUnacked(t, st, acked) {
		t.Errorf("%d articles after the re-runs, want %d (654 detik-news, %d acknowledged POSTs, %d examples)", after.Articles, want, len(acked), examples)
	}
	if after.Versions != after.Articles {
		t.Errorf("%d versions of %d articles: something was stored twice", after.Versions, after.Articles)
	}
	if err := st.Check(ctx); err != nil {
		t.Errorf("after the re-runs: %v", err)
	}
}

// countUnacked counts the posted articles that were stored although their
// answer never came (the server died after the commit): allowed, as long
// as each is stored once.
func countUnacked(t *testing.T, st store.ArticleReader, acked map[int64]string) int {
	t.Helper()
	n := 0
	list, err := st.Articles(context.Background(), store.ArticleFilter{Site: "contoh.example", Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if _, ok := acked[a.ID]; !ok && strings.Contains(a.URL, "/laporan/") {
			n++
		}
	}
	return n
}

// maxRSS is the server's documented peak memory under four parallel
// analyses of maximum-size articles (README, "What the server promises").
const maxRSS = 512 << 20

// TestServeMemory posts four articles of the largest size the API takes,
// at once, and checks the server's peak memory against maxRSS.
func TestServeMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("the memory test runs a server process")
	}
	arts := shared.DetikArticles(t)
	var b strings.Builder
	b.WriteString("Laporan Panjang Sekali\n\n")
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(strings.ReplaceAll(arts[i%len(arts)].Body, "\n", " "))
		b.WriteString("\n\n")
	}
	body := b.String()[:1<<20-4<<10]
	body = body[:strings.LastIndexByte(body, ' ')]
	srv := startProcess(t, "serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data"))
	idle := srv.peakRSS(t)
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	start := time.Now()
	for i := range statuses {
		wg.Go(func() {
			resp, err := http.Post(srv.url+"api/v1/analyze", "text/plain", strings.NewReader(body))
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	wg.Wait()
	peak := srv.peakRSS(t)
	t.Logf("4 parallel analyses of %d KiB in %v: peak RSS %d MiB (%d MiB after start-up)", len(body)>>10, time.Since(start).Round(time.Millisecond), peak>>20, idle>>20)
	for i, s := range statuses {
		if s != 200 {
			t.Errorf("analysis %d: status %d", i, s)
		}
	}
	if peak > maxRSS {
		t.Errorf("peak RSS %d MiB, over the documented %d MiB", peak>>20, maxRSS>>20)
	}
	resp, err := http.Post(srv.url+"api/v1/analyze", "text/plain", strings.NewReader(body+strings.Repeat("kata ", 2<<10)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("an article over the limit: %d, want 413", resp.StatusCode)
	}
}
