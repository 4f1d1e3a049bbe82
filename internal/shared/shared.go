// Package shared locates the project's shared data folder, ../shared beside
// the module root, which holds the datasets, the founding article and its
// gold annotation. Nothing from it is committed into the project: code and
// tests read it in place.
package shared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $WARTA_SHARED if set, else the first
// "shared" folder beside a parent directory holding go.mod.
func Dir() (string, error) {
	if d := os.Getenv("WARTA_SHARED"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			cand := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(cand); err == nil && st.IsDir() {
				return cand, nil
			}
			return "", fmt.Errorf("no shared folder beside %s", dir)
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("no go.mod above the working directory")
		}
	}
}

// Path returns the path of rel inside the shared folder. A test that needs
// the file skips when it is missing on a developer's machine, and fails
// when CI=true: CI never passes by skipping.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := Dir()
	if err == nil {
		p := filepath.Join(dir, rel)
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("shared data %s is required in CI: %v", rel, err)
	}
	tb.Skipf("shared data %s not available: %v", rel, err)
	return ""
}
