package worker_test

// End-to-end tests against real servers: a nats-server process built from
// the nats-server/v2 module (JetStream, loopback), PostgreSQL
// (WARTA_TEST_POSTGRES) and warta worker processes built from this
// checkout, killed with SIGKILL in the middle of the work.

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

var ctx = context.Background()

// binDir holds the binaries the tests build.
var binDir string

func TestMain(m *testing.M) {
	var err error
	if binDir, err = os.MkdirTemp("", "warta-e2e-bin"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(binDir)
	os.Exit(code)
}

// binaries builds warta and nats-server once for the package's tests.
var binaries = sync.OnceValues(func() (string, error) {
	dir := binDir
	for _, pkg := range []struct{ name, path string }{
		{"warta", "github.com/warta-news/warta/cmd/warta"},
		{"nats-server", "github.com/nats-io/nats-server/v2"},
	} {
		out, err := exec.Command("go", "build", "-o", filepath.Join(dir, pkg.name), pkg.path).CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("go build %s: %v\n%s", pkg.path, err, out)
		}
	}
	return dir, nil
})

func bin(t *testing.T, name string) string {
	t.Helper()
	dir, err := binaries()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// process is a child process whose output goes to a log file.
type process struct {
	t    *testing.T
	name string
	cmd  *exec.Cmd
	log  string
}

func start(t *testing.T, name string, env []string, args ...string) *process {
	t.Helper()
	log := filepath.Join(t.TempDir(), name+".log")
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p := &process{t: t, name: name, cmd: cmd, log: log}
	t.Cleanup(func() { p.stop(syscall.SIGKILL) })
	return p
}

// stop signals the process and waits for it.
func (p *process) stop(sig syscall.Signal) {
	if p.cmd.ProcessState != nil {
		return
	}
	p.cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() { p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		p.cmd.Process.Signal(syscall.SIGQUIT) // a Go program prints its goroutines
		<-done
		data, _ := os.ReadFile(p.log)
		p.t.Errorf("%s did not stop within 30 s of %v:\n%s", p.name, sig, data[max(0, len(data)-20000):])
	}
}

// tail is the end of the process's log, for failure messages.
func (p *process) tail() string {
	data, _ := os.ReadFile(p.log)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	return p.name + ":\n" + strings.Join(lines[max(0, len(lines)-15):], "\n")
}

// natsServer is a nats-server process with JetStream on loopback.
type natsServer struct {
	t    *testing.T
	conf string
	url  string
	proc *process
}

func startNATS(t *testing.T) *natsServer {
	t.Helper()
	dir := t.TempDir()
	port := freePort(t)
	conf := filepath.Join(dir, "nats.conf")
	// max_payload: an article of up to 8 MiB and its record.
	if err := os.WriteFile(conf, []byte(fmt.Sprintf("listen: 127.0.0.1:%d\nmax_payload: 33554432\njetstream {\n  store_dir: %q\n}\n",
		port, filepath.Join(dir, "js"))), 0o644); err != nil {
		t.Fatal(err)
	}
	n := &natsServer{t: t, conf: conf, url: fmt.Sprintf("nats://127.0.0.1:%d", port)}
	n.start()
	return n
}

func (n *natsServer) start() {
	n.proc = start(n.t, "nats-server", nil, bin(n.t, "nats-server"), "-c", n.conf)
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp", strings.TrimPrefix(n.url, "nats://"))
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("nats-server did not listen: %v\n%s", err, n.proc.tail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// corpus writes n articles as JSON Lines: the detik-news articles over and
// over, each under a URL of its own (the set has a few URLs twice). It
// returns the file and the URLs.
func corpus(t *testing.T, n int) (string, []string) {
	t.Helper()
	arts := shared.DetikArticles(t)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	urls := make([]string, n)
	for i := range n {
		a := arts[i%len(arts)]
		a.URL = fmt.Sprintf("%s?salinan=%d", a.URL, i)
		urls[i] = a.URL
		if err := enc.Encode(map[string]string{"title": a.Title, "body": a.Body, "url": a.URL, "published": a.Published}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return path, urls
}

// database is a fresh schema on the test server, with an application name
// of its own, so that the test can drop its workers' connections and no
// other test's.
type database struct {
	url, app string
	conn     *pgx.Conn
}

func newDatabase(t *testing.T) *database {
	t.Helper()
	b := make([]byte, 4)
	rand.Read(b)
	app := "warta-e2e-" + hex.EncodeToString(b)
	url := pgtest.URL(t) + "&application_name=" + app
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return &database{url: url, app: app, conn: conn}
}

// count is the number of stored articles; 0 before the workers made the
// tables.
func (d *database) count(t *testing.T) int {
	t.Helper()
	var n int
	if err := d.conn.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		if strings.Contains(err.Error(), "does not exist") {
			return 0
		}
		t.Fatal(err)
	}
	return n
}

// dropConnections ends every server connection of the workers, as a
// network failure or a database restart would, and returns how many.
func (d *database) dropConnections(t *testing.T) int {
	t.Helper()
	var n int
	if err := d.conn.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = $1 AND pid <> pg_backend_pid()`, d.app).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool, procs ...*process) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			var tails []string
			for _, p := range procs {
				tails = append(tails, p.tail())
			}
			t.Fatalf("timed out after %v waiting for %s\n%s", limit, what, strings.Join(tails, "\n"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func startWorker(t *testing.T, name string, db *database, nats *natsServer, extra ...string) *process {
	t.Helper()
	args := append([]string{bin(t, "warta"), "worker", "--store", db.url, "--queue", nats.url, "--ack-wait", "4s"}, extra...)
	return start(t, name, nil, args...)
}

func ingest(t *testing.T, nats *natsServer, file string) {
	t.Helper()
	out, err := exec.Command(bin(t, "warta"), "ingest", "--queue", nats.url, file).CombinedOutput()
	if err != nil {
		t.Fatalf("warta ingest --queue: %v\n%s", err, out)
	}
	t.Logf("ingest: %s", strings.TrimSpace(string(out)))
}

// The fault test: 3,000 articles, two workers and PostgreSQL. One worker
// is killed (SIGKILL) in the middle of the work and started again; the
// NATS server is killed once and started again; later the workers' store
// connections are dropped mid-batch. At the end every article is stored,
// and each once.
func TestFaults(t *testing.T) {
	const n = 3000
	file, urls := corpus(t, n)
	db := newDatabase(t)
	nats := startNATS(t)
	w1, w2 := startWorker(t, "worker-1", db, nats), startWorker(t, "worker-2", db, nats)
	ingest(t, nats, file)
	all := func() []*process { return []*process{w1, w2, nats.proc} }

	waitFor(t, "600 articles", 3*time.Minute, func() bool { return db.count(t) >= 600 }, all()...)
	w1.stop(syscall.SIGKILL)
	t.Logf("killed worker-1 at %d articles", db.count(t))
	w1 = startWorker(t, "worker-1b", db, nats)

	waitFor(t, "1,400 articles", 3*time.Minute, func() bool { return db.count(t) >= 1400 }, all()...)
	nats.proc.stop(syscall.SIGKILL)
	t.Logf("killed nats-server at %d articles", db.count(t))
	time.Sleep(time.Second)
	nats.start()

	waitFor(t, "2,200 articles", 3*time.Minute, func() bool { return db.count(t) >= 2200 }, all()...)
	dropped := 0
	for range 3 { // several times, so that one hits a batch under way
		dropped += db.dropConnections(t)
		time.Sleep(150 * time.Millisecond)
	}
	t.Logf("dropped %d store connections at %d articles", dropped, db.count(t))

	waitFor(t, "3,000 articles", 4*time.Minute, func() bool { return db.count(t) >= n }, all()...)
	// Give redeliveries still under way time to (not) make duplicates.
	time.Sleep(6 * time.Second)
	w1.stop(syscall.SIGTERM)
	w2.stop(syscall.SIGTERM)

	var articles, versions, keys int
	if err := db.conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM versions),
		(SELECT count(DISTINCT key) FROM articles)`).Scan(&articles, &versions, &keys); err != nil {
		t.Fatal(err)
	}
	t.Logf("stored: %d articles, %d versions, %d distinct URLs", articles, versions, keys)
	if articles != n || versions != n || keys != n {
		t.Errorf("%d articles, %d versions, %d URLs; want %d of each", articles, versions, keys, n)
	}
	var missing int
	if err := db.conn.QueryRow(ctx, `SELECT count(*) FROM unnest($1::text[]) u(url)
		WHERE NOT EXISTS (SELECT 1 FROM articles WHERE key = u.url)`, urls).Scan(&missing); err != nil {
		t.Fatal(err)
	}
	if missing != 0 {
		t.Errorf("%d articles of the corpus are not stored", missing)
	}
	checkQueueEmpty(t, nats)
}

// checkQueueEmpty checks that no work is left and none was dead-lettered.
func checkQueueEmpty(t *testing.T, nats *natsServer) {
	t.Helper()
	out, err := exec.Command(bin(t, "warta"), "queue", "--queue", nats.url).CombinedOutput()
	if err != nil {
		t.Fatalf("warta queue: %v\n%s", err, out)
	}
	t.Logf("queue: %s", strings.TrimSpace(string(out)))
	var st struct {
		Streams []struct {
			Stream     string `json:"stream"`
			Pending    uint64 `json:"pending"`
			AckPending int    `json:"ack_pending"`
		} `json:"stages"`
		Dead int `json:"dead"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatalf("warta queue: %v\n%s", err, out)
	}
	for _, s := range st.Streams {
		if s.Pending != 0 || s.AckPending != 0 {
			t.Errorf("%s: %d pending, %d unacknowledged", s.Stream, s.Pending, s.AckPending)
		}
	}
	if st.Dead != 0 {
		t.Errorf("%d dead letters", st.Dead)
	}
}

// TestThroughput measures articles/s through the queue into PostgreSQL:
// one worker on one core, one worker on every core, and two workers of
// one core each, beside the analysis alone (warta analyze --jsonl, one
// process on every core) over the same articles in the same run, for a
// ratio that the shared machine's load does not change much. It only
// reports (no timing assertions); it takes a few minutes, so it runs when
// WARTA_THROUGHPUT=1.
func TestThroughput(t *testing.T) {
	if os.Getenv("WARTA_THROUGHPUT") != "1" {
		t.Skip("set WARTA_THROUGHPUT=1 to measure throughput")
	}
	const n = 2000
	file, _ := corpus(t, n)
	t0 := time.Now()
	out, err := exec.Command(bin(t, "warta"), "analyze", "--jsonl", "-q", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	ref := float64(n) / time.Since(t0).Seconds()
	t.Logf("reference: warta analyze --jsonl, %d articles: %.0f articles/s (%d MB of records)", n, ref, len(out)>>20)
	for _, run := range []struct {
		name    string
		workers int
		procs   string
	}{
		{"1 worker, 1 core", 1, "1"},
		{"1 worker, 2 cores", 1, "2"},
		{"2 workers, 1 core each", 2, "1"},
	} {
		db := newDatabase(t)
		nats := startNATS(t)
		ingest(t, nats, file)
		began := time.Now()
		var ws []*process
		for i := range run.workers {
			ws = append(ws, start(t, fmt.Sprintf("worker-%d", i), []string{"GOMAXPROCS=" + run.procs},
				bin(t, "warta"), "worker", "--store", db.url, "--queue", nats.url))
		}
		waitFor(t, fmt.Sprintf("%d articles", n), 10*time.Minute, func() bool { return db.count(t) >= n }, ws...)
		took := time.Since(began).Seconds()
		rate := float64(n) / took
		var size int64
		db.conn.QueryRow(ctx, `SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
			JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'm')`).Scan(&size)
		t.Logf("%s: %d articles in %.1f s: %.0f articles/s (%.2f of the reference); PostgreSQL: %.1f KB per article",
			run.name, n, took, rate, rate/ref, float64(size)/n/1024)
		for _, w := range ws {
			w.stop(syscall.SIGTERM)
		}
		nats.proc.stop(syscall.SIGTERM)
	}
}
