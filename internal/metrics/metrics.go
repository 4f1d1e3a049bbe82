// Package metrics is what a warta process tells Prometheus (/metrics) and
// its orchestrator (/healthz, /readyz): articles fetched, analysed and
// stored, how long each stage takes, fetch results by status, queue lag
// and store errors. A process makes one Metrics and hands its parts to the
// stages; nothing here is global.
package metrics

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
)

// Metrics are one process's metrics.
type Metrics struct {
	reg *prometheus.Registry

	Fetched      prometheus.Counter
	FetchResults *prometheus.CounterVec // by status: 200, 304, 404, error, ...
	Analysed     prometheus.Counter
	AnalyseFails prometheus.Counter
	Stored       *prometheus.CounterVec // by status: created, new_version, unchanged
	StoreErrors  prometheus.Counter
	// Stage times one step: fetch, analyse, store (a batch's commit, per
	// record), and queue_wait (from publishing to a worker's pull).
	Stage *prometheus.HistogramVec
}

// New makes the metrics, with the Go runtime's and the process's.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		Fetched: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "warta_articles_fetched_total", Help: "Pages fetched and handed on for analysis."}),
		FetchResults: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warta_fetch_results_total", Help: "Fetches by result: the HTTP status, or error."}, []string{"status"}),
		Analysed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "warta_articles_analysed_total", Help: "Articles analysed into records."}),
		AnalyseFails: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "warta_analyse_failures_total", Help: "Articles that could not be analysed (no text, not readable)."}),
		Stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warta_articles_stored_total", Help: "Records committed to the store, by what the store made of them."}, []string{"status"}),
		StoreErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "warta_store_errors_total", Help: "Records the store failed to commit (each is retried or dead-lettered)."}),
		Stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "warta_stage_seconds", Help: "Time taken by one article in a stage.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 14)}, []string{"stage"}),
	}
	m.reg.MustRegister(m.Fetched, m.FetchResults, m.Analysed, m.AnalyseFails, m.Stored, m.StoreErrors, m.Stage,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Since records the time since start in a stage.
func (m *Metrics) Since(stage string, start time.Time) {
	m.Stage.WithLabelValues(stage).Observe(time.Since(start).Seconds())
}

// Observer counts every committed record by its status; give it to the
// pipeline.Writer.
func (m *Metrics) Observer() pipeline.Observer {
	return func(_ context.Context, s pipeline.Stored) error {
		m.Stored.WithLabelValues(string(s.Result.Status)).Inc()
		return nil
	}
}

// WatchQueue reports the queue's lag at each scrape: messages waiting for
// a worker and messages out with one, per stream.
func (m *Metrics) WatchQueue(q *queue.Queue, log *slog.Logger) {
	m.reg.MustRegister(&lagCollector{q: q, log: log})
}

var (
	lagPending    = prometheus.NewDesc("warta_queue_pending", "Messages waiting for a worker, per stream.", []string{"stream"}, nil)
	lagAckPending = prometheus.NewDesc("warta_queue_ack_pending", "Messages out with a worker, not yet acknowledged, per stream.", []string{"stream"}, nil)
)

type lagCollector struct {
	q   *queue.Queue
	log *slog.Logger
}

func (c *lagCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- lagPending
	ch <- lagAckPending
}

func (c *lagCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	lags, err := c.q.Lags(ctx)
	if err != nil {
		c.log.Warn("metrics: queue lag", "err", err)
		return
	}
	for _, l := range lags {
		ch <- prometheus.MustNewConstMetric(lagPending, prometheus.GaugeValue, float64(l.Pending), l.Stream)
		ch <- prometheus.MustNewConstMetric(lagAckPending, prometheus.GaugeValue, float64(l.AckPending), l.Stream)
	}
}

// Check is one dependency readiness waits for: the store, the queue.
type Check struct {
	Name string
	Ping func(context.Context) error
}

// Handle adds /metrics, /healthz (the process answers) and /readyz (every
// check passes within two seconds; 503 with the failures otherwise) to
// mux.
func (m *Metrics) Handle(mux *http.ServeMux, checks ...Check) {
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		failed := map[string]string{}
		for _, c := range checks {
			if err := c.Ping(ctx); err != nil {
				failed[c.Name] = err.Error()
			}
		}
		w.Header().Set("Content-Type", "application/json")
		if len(failed) > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]any{"ready": false, "failed": failed})
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"ready": true})
	})
}
