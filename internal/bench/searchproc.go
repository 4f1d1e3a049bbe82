package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// child is a warta process the benchmark started: a server or an ingest.
type child struct {
	cmd  *exec.Cmd
	done chan struct{}
	base string // a server's http://127.0.0.1:PORT
}

var servingLine = regexp.MustCompile(`serving http://[^/\s]*:(\d+)/`)

// startServer runs "bin serve" on dir (or on the PostgreSQL store at
// storeURL, when set), on a free loopback port, and waits until it answers.
func startServer(ctx context.Context, bin, dir, storeURL string, log *slog.Logger) (*child, error) {
	args := []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--no-poll"}
	if storeURL != "" {
		args = append(args, "--store", storeURL)
	}
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	c := &child{cmd: cmd, done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s serve: %w", bin, err)
	}
	go func() { cmd.Wait(); close(c.done) }()
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case p := <-port:
		c.base = "http://127.0.0.1:" + p
	case <-c.done:
		return nil, fmt.Errorf("%s serve exited: %v", bin, cmd.ProcessState)
	case <-time.After(5 * time.Minute):
		c.stop()
		return nil, fmt.Errorf("%s serve did not start within 5 minutes", bin)
	case <-ctx.Done():
		c.stop()
		return nil, ctx.Err()
	}
	log.Info("server started", "bin", bin, "data", dir, "store", redactURL(storeURL), "url", c.base, "pid", cmd.Process.Pid)
	return c, nil
}

// startIngest runs "bin ingest" of corpus into dir.
func startIngest(ctx context.Context, bin, dir, corpus string, log *slog.Logger) (*child, error) {
	cmd := exec.Command(bin, "ingest", "-q", "--data", dir, corpus)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	c := &child{cmd: cmd, done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s ingest: %w", bin, err)
	}
	go func() { cmd.Wait(); close(c.done) }()
	log.Info("ingest started", "bin", bin, "data", dir, "corpus", corpus, "pid", cmd.Process.Pid)
	return c, nil
}

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// stop interrupts the process, as Ctrl-C would, and kills it if it has not
// ended after a minute.
func (c *child) stop() {
	if c.exited() {
		return
	}
	c.cmd.Process.Signal(os.Interrupt)
	select {
	case <-c.done:
	case <-time.After(time.Minute):
		c.cmd.Process.Kill()
		<-c.done
	}
}

// peakRSS is the process's peak resident memory, from /proc (Linux).
func (c *child) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// usage is what a process has used so far: CPU time over all its threads
// (ns), and read calls.
type usage struct{ cpu, reads int64 }

// usage reads the process's use from /proc (Linux): each thread's time on
// a CPU (schedstat, in ns, where stat counts clock ticks of 10 ms), and
// its read calls (io's syscr). false where /proc has them not.
func (c *child) usage() (usage, bool) {
	var u usage
	dir := fmt.Sprintf("/proc/%d", c.cmd.Process.Pid)
	tasks, err := os.ReadDir(dir + "/task")
	if err != nil {
		return u, false
	}
	for _, t := range tasks {
		b, err := os.ReadFile(dir + "/task/" + t.Name() + "/schedstat")
		if err != nil {
			continue // the thread ended meanwhile
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			return u, false
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return u, false
		}
		u.cpu += ns
	}
	b, err := os.ReadFile(dir + "/io")
	if err != nil {
		return u, false
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "syscr:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
			if err != nil {
				return u, false
			}
			u.reads = n
			return u, true
		}
	}
	return u, false
}

// articles asks the server how many articles it has.
func (c *child) articles(ctx context.Context) (int, error) {
	return articleCount(ctx, http.DefaultClient, c.base)
}

// articleCount asks the server at base how many articles it has.
func articleCount(ctx context.Context, client *http.Client, base string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/stats", nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var st struct {
		Articles int `json:"articles"`
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET /api/v1/stats: %s", resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return 0, fmt.Errorf("GET /api/v1/stats: %w", err)
	}
	return st.Articles, nil
}

// copyStore copies a data directory's database, with its WAL, to dir.
// No process may write to the source meanwhile.
func copyStore(from, to string) error {
	for _, suffix := range []string{"", "-wal"} {
		src := filepath.Join(from, "warta.db"+suffix)
		in, err := os.Open(src)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return fmt.Errorf("copy the store: %w", err)
		}
		out, err := os.Create(filepath.Join(to, "warta.db"+suffix))
		if err == nil {
			_, err = io.Copy(out, in)
			err = errors.Join(err, out.Close())
		}
		in.Close()
		if err != nil {
			return fmt.Errorf("copy the store: %w", err)
		}
	}
	return nil
}
