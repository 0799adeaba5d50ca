package paramstore

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

func TestGsonString(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"quotes and backslashes (S: the reference scenario's secretString)", `{"key":"val"}`, `"{\"key\":\"val\"}"`},
		{"Gson's HTML-safe escaping of < > & = ' (docs/aws-behaviour.md §1.2, U)", `<a href='x'>&=`, `"\u003ca href\u003d\u0027x\u0027\u003e\u0026\u003d"`},
		{"short escapes for \\t \\b \\n \\r \\f (docs/aws-behaviour.md §1.2, O for \\n)", "a\tb\bc\nd\re\ff", `"a\tb\bc\nd\re\ff"`},
		{"other control characters as \\u00xx, lower-case hex (Gson)", "\x00\x1f\x7f", `"\u0000\u001f` + "\x7f" + `"`},
		{"U+2028 and U+2029 escaped, other non-ASCII as is (Gson)", "é\u2028\u2029€", `"é\u2028\u2029€"`},
		{"backslash itself", `a\b`, `"a\\b"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			gsonString(&b, tc.in)
			if got := b.String(); got != tc.want {
				t.Errorf("gsonString(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestSourceResult(t *testing.T) {
	t.Parallel()
	s := `x<y`
	ref := &secrets.Ref{ARN: "arn", Name: "n", VersionID: "v", SecretString: &s, VersionStages: []string{"AWSCURRENT", "mine"},
		CreatedDate: time.Date(2020, 12, 31, 23, 5, 6, 0, time.FixedZone("X", 3600))}
	cases := []struct {
		name   string
		ref    *secrets.Ref
		stages bool
		want   string
	}{
		{"every stage, 12-hour clock in UTC (docs/aws-behaviour.md §1.2, S)", ref, true,
			`{"ARN":"arn","name":"n","versionId":"v","secretString":"x\u003cy","versionStages":["AWSCURRENT","mine"],"createdDate":"Dec 31, 2020 10:05:06 PM"}`},
		{"picked by version id: no versionStages (docs/aws-behaviour.md §1.2, S)", ref, false,
			`{"ARN":"arn","name":"n","versionId":"v","secretString":"x\u003cy","createdDate":"Dec 31, 2020 10:05:06 PM"}`},
		{"binary secret: no secretString (Gson leaves out nulls; docs/aws-behaviour.md §1.2)", &secrets.Ref{ARN: "arn", Name: "n", VersionID: "v", SecretBinary: []byte{1},
			VersionStages: []string{"AWSCURRENT"}, CreatedDate: time.Date(2018, 7, 28, 0, 0, 1, 0, time.UTC)}, true,
			`{"ARN":"arn","name":"n","versionId":"v","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 12:00:01 AM"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, sourceResult(tc.ref, tc.stages, SourceDate2018)); diff != "" {
				t.Errorf("sourceResult mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// appendSourceDate writes what time.Format writes with each recorded layout
// (docs/aws-behaviour.md §1.2: recorded-2021.md and article-scenario.md).
func TestAppendSourceDate(t *testing.T) {
	t.Parallel()
	for _, tm := range []time.Time{
		time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 12, 5, 7, 0, time.UTC),
		time.Date(999, 2, 9, 23, 59, 59, 0, time.UTC),
		time.Date(2024, 3, 1, 10, 0, 0, 0, time.FixedZone("x", 5*3600)),
	} {
		for _, layout := range []string{SourceDate2021, SourceDate2018} {
			if got, want := string(appendSourceDate(nil, tm, layout)), tm.UTC().Format(layout); got != want {
				t.Errorf("%v in %q: %q, want %q", tm, layout, got, want)
			}
		}
	}
}

// SourceResult's createdDate: the 2021 layout by default, the 2018 one when
// asked (docs/aws-behaviour.md §1.2: recorded-2021.md, article-scenario.md);
// any other layout is escaped as a JSON string.
func TestSourceResultDateLayouts(t *testing.T) {
	t.Parallel()
	ref := &secrets.Ref{ARN: "arn", Name: "n", VersionID: "v", CreatedDate: time.Date(2021, 10, 14, 10, 18, 47, 297e6, time.UTC)}
	for layout, want := range map[string]string{
		"":             `{"ARN":"arn","name":"n","versionId":"v","createdDate":"Oct 14, 2021, 10:18:47 AM"}`,
		SourceDate2021: `{"ARN":"arn","name":"n","versionId":"v","createdDate":"Oct 14, 2021, 10:18:47 AM"}`,
		SourceDate2018: `{"ARN":"arn","name":"n","versionId":"v","createdDate":"Oct 14, 2021 10:18:47 AM"}`,
		`"2006"<`:      `{"ARN":"arn","name":"n","versionId":"v","createdDate":"\"2021\"\u003c"}`,
	} {
		if diff := cmp.Diff(want, sourceResult(ref, true, layout)); diff != "" {
			t.Errorf("layout %q: (-want +got):\n%s", layout, diff)
		}
	}
}
