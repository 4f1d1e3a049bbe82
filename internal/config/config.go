// Package config resolves what warta's commands read from outside their
// flags: each setting comes from its flag, else its environment variable,
// else a default found on this machine, and is checked once, into the
// command's own config struct (the command's flags, see internal/cli).
// Nothing here is global: every function takes what it resolves.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Environment variables the settings fall back to.
const (
	EnvShared = "WARTA_SHARED" // the shared data folder
	EnvData   = "WARTA_DATA"   // the data directory of serve and ingest
)

// SharedDir returns the shared data folder, which holds the datasets
// (data/...) and the founding article (fixtures/seed): dir when given (the
// --shared flag), else $WARTA_SHARED, else the folder "shared" beside the
// module root above the working directory (../shared from a checkout).
// getenv is os.Getenv, or a test's.
func SharedDir(dir string, getenv func(string) string) (string, error) {
	if dir == "" {
		dir = getenv(EnvShared)
	}
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return "", fmt.Errorf("shared data folder %s: not a directory", dir)
		}
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			cand := filepath.Join(filepath.Dir(d), "shared")
			if st, err := os.Stat(cand); err == nil && st.IsDir() {
				return cand, nil
			}
			return "", fmt.Errorf("no shared data folder beside %s: give --shared DIR or set %s", d, EnvShared)
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no shared data folder: give --shared DIR or set %s", EnvShared)
		}
	}
}

// Dataset returns the path of a dataset: path when given (the command's
// own flag wins), else rel inside the shared folder.
func Dataset(path, sharedFlag, rel string, getenv func(string) string) (string, error) {
	if path != "" {
		return path, nil
	}
	dir, err := SharedDir(sharedFlag, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, rel), nil
}

// DataDir returns the data directory of serve and ingest: dir when given
// (--data, or $WARTA_DATA through the flag), else the user's data
// directory (XDG_DATA_HOME or ~/.local/share on Unix, the application data
// folder on macOS and Windows) with warta in it.
func DataDir(dir string, getenv func(string) string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	var base string
	var err error
	switch runtime.GOOS {
	case "darwin", "windows":
		base, err = os.UserConfigDir()
	default:
		base = getenv("XDG_DATA_HOME")
		if base == "" {
			var home string
			home, err = os.UserHomeDir()
			base = filepath.Join(home, ".local", "share")
		}
	}
	if err != nil {
		return "", errors.Join(errors.New("no data directory: give --data"), err)
	}
	return filepath.Join(base, "warta"), nil
}
