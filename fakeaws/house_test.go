package fakeaws_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoWallClockOutsideClock keeps every timestamp on the Store's clock:
// time.Now may appear only in package clock, anywhere in the module.
func TestNoWallClockOutsideClock(t *testing.T) {
	t.Parallel()
	root := ".." // the module's root: this package is fakeaws/
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == filepath.Join(root, "fakeaws", "clock") || strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "time.Now(") {
				t.Errorf("%s:%d uses time.Now(); read the Store's clock instead", path, i+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
