package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// otherStore readies the probes picked from o.Data for the PostgreSQL
// store the server searches: it must hold the same number of articles
// (the same corpus), and the entity pages are re-addressed to the ids that
// store gave the same entities (found by name and type). It sets the
// report's database size to the PostgreSQL database's.
func otherStore(ctx context.Context, o SearchOptions, run *runner, probes []Probe, articles int, rep *SearchReport) ([]Probe, error) {
	n, err := run.articles(ctx)
	if err != nil {
		return nil, err
	}
	if n != articles {
		return nil, fmt.Errorf("bench search: %s holds %d articles and %s %d: not the same corpus", rep.Store, n, o.Data, articles)
	}
	conn, err := pgx.Connect(ctx, o.Store)
	if err != nil {
		return nil, fmt.Errorf("bench search: %s: %w", rep.Store, err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&rep.DBBytes); err != nil {
		return nil, fmt.Errorf("bench search: size of %s: %w", rep.Store, err)
	}
	ids := map[int64]int64{} // id in o.Data → id in the store, 0 if none
	var out []Probe
	dropped := 0
	for _, p := range probes {
		if p.Entity == nil {
			out = append(out, p)
			continue
		}
		id, ok := ids[p.Entity.id]
		if !ok {
			if id, err = run.entityID(ctx, p.Entity.name, p.Entity.kind); err != nil {
				return nil, err
			}
			ids[p.Entity.id] = id
		}
		if id == 0 {
			dropped++
			continue
		}
		old := "/" + strconv.FormatInt(p.Entity.id, 10)
		p.Path = strings.Replace(p.Path, old, "/"+strconv.FormatInt(id, 10), 1)
		out = append(out, p)
	}
	if dropped > 0 {
		o.Log.Warn("entity pages left out: the store has no entity of that name and type", "probes", dropped)
	}
	return out, nil
}

// entityID is the id of the most mentioned entity listed with exactly
// this name and type, 0 if none.
func (r *runner) entityID(ctx context.Context, name, kind string) (int64, error) {
	path := "/api/v1/entities?" + url.Values{"name": {name}, "type": {kind}, "limit": {"100"}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	var list struct {
		Items []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	for _, e := range list.Items { // most mentioned first
		if e.Name == name {
			return e.ID, nil
		}
	}
	return 0, nil
}

// articles asks the server how many articles it has.
func (r *runner) articles(ctx context.Context) (int, error) {
	return articleCount(ctx, r.client, r.base)
}

// redactURL is a store URL without its password, for reports and logs.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || s == "" {
		return s
	}
	return u.Redacted()
}
