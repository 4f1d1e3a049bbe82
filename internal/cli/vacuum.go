package cli

import (
	"context"
	"errors"

	"github.com/warta-news/warta/internal/config"
)

type vacuumCmd struct {
	Data string `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory (default: as for warta serve)."`
}

// Help adds what vacuuming does to "warta vacuum --help".
func (vacuumCmd) Help() string {
	return `Deleted articles and migrations that rebuild a table leave pages free inside
the SQLite file, which later writes reuse but the file system never gets back.
This rewrites the file without them, after merging the full-text index into one
segment (each ingest adds some, and every search term seeks each of them). It
holds the write lock while it runs (about a minute on a 100k-article store):
ingests wait for it, searches go on. It needs free disk of about twice the new
file's size while it runs: the new file is built in a temporary file first, then
written through the WAL. A PostgreSQL store vacuums itself (autovacuum).`
}

func (c *vacuumCmd) Run(ctx context.Context, env *Env) error {
	dir, err := config.DataDir(c.Data, env.getenv)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, dir, env.Log)
	if err != nil {
		return err
	}
	defer st.Close()
	before, after, err := st.Vacuum(ctx)
	if err != nil {
		return &exitError{code: 1, err: errors.Join(errors.New("vacuum"), err)}
	}
	env.Log.Info("vacuumed", "data", dir, "before_mb", float64(before)/1e6, "after_mb", float64(after)/1e6)
	return nil
}
