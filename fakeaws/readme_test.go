package fakeaws_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's operation table from the declared operations")

const (
	tableStart = "<!-- operations: made from the declared operations by fakeaws/readme_test.go; go test ./fakeaws -run README -update-readme -->\n"
	tableEnd   = "<!-- /operations -->\n"
)

// operationTable renders the declared operations of both services as the
// README shows them: name, reads or writes, IAM action.
func operationTable() string {
	var b strings.Builder
	row := func(client string, ops []core.Declared) {
		for _, d := range ops {
			decl := d.Declaration()
			kind := "read"
			if decl.Write {
				kind = "write"
			}
			b.WriteString("| `" + client + "` | " + decl.Op.Name() + " | " + kind + " | `" + string(decl.Op) + "` |\n")
		}
	}
	b.WriteString("| client | operation | reads or writes | IAM action |\n| --- | --- | --- | --- |\n")
	row("ssmfake", paramstore.Operations)
	row("smfake", secrets.Operations)
	return b.String()
}

// TestREADMEOperationTable: README.md's table of operations is the list of
// declared operations, so it cannot drift from what the fake serves.
func TestREADMEOperationTable(t *testing.T) {
	t.Parallel()
	const path = "../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i := strings.Index(readme, tableStart)
	j := strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no operation table between %q and %q", tableStart, tableEnd)
	}
	got, want := readme[i+len(tableStart):j], operationTable()
	if *updateREADME {
		if err := os.WriteFile(path, []byte(readme[:i+len(tableStart)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("README.md's operation table (-declared +README), run go test ./fakeaws -run README -update-readme:\n%s", diff)
	}
}
