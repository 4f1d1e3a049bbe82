package worker_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/fixtureweb"
)

// warta serve --queue on PostgreSQL, as processes: the server polls the
// sources followed (added through its API) and publishes the pages it
// fetches; a warta worker process analyses and stores them. Every article
// the feeds list is stored once, in the database the server reads, and
// the server counts them.
func TestServeQueue(t *testing.T) {
	const hosts, items = 2, 8
	web := fixtureweb.StartMany(hosts, 1, items)
	defer web.Close()
	db := newDatabase(t)
	nats := startNATS(t)
	port := freePort(t)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	srv := start(t, "warta-serve", nil, bin(t, "warta"), "serve", "--addr", addr, "--store", db.url, "--queue", nats.url,
		"--allow-private-networks", "--fetch-delay", "10ms")
	base := "http://" + addr
	waitFor(t, "the server", time.Minute, func() bool {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, srv)
	for _, feed := range web.Feeds {
		resp, err := http.Post(base+"/api/v1/sources", "application/json", strings.NewReader(`{"url": "`+feed+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("add source %s: %d", feed, resp.StatusCode)
		}
	}
	w := startWorker(t, "worker", db, nats)
	waitFor(t, fmt.Sprintf("%d articles", hosts*items), 3*time.Minute, func() bool { return db.count(t) >= hosts*items }, srv, w)
	time.Sleep(2 * time.Second) // a second copy would come by now
	resp, err := http.Get(base + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct{ Articles int }
	json.NewDecoder(resp.Body).Decode(&stats)
	resp.Body.Close()
	if stats.Articles != hosts*items {
		t.Errorf("the server counts %d articles, want %d", stats.Articles, hosts*items)
	}
	w.stop(syscall.SIGTERM)
	srv.stop(syscall.SIGTERM)
	var articles, versions int
	if err := db.conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM versions)`).Scan(&articles, &versions); err != nil {
		t.Fatal(err)
	}
	if articles != hosts*items || versions != hosts*items {
		t.Errorf("%d articles, %d versions; want %d of each", articles, versions, hosts*items)
	}
	var polled int
	if err := db.conn.QueryRow(ctx, `SELECT count(*) FROM sources WHERE (health->>'articles')::int = $1`, items).Scan(&polled); err != nil {
		t.Fatal(err)
	}
	if polled != hosts {
		t.Errorf("%d of %d sources count %d articles queued", polled, hosts, items)
	}
	checkQueueEmpty(t, nats)
}
