package conformance

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompareAnswer(t *testing.T) {
	t.Parallel()
	recorded, err := Recorded("2018/get-parameter-reference.json")
	if err != nil {
		t.Fatal(err)
	}
	// The same answer as the fake's endpoint writes it: compact, members in
	// the model's order.
	wire := []byte(`{"Parameter":{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","LastModifiedDate":1532776189.618,"Name":"/aws/reference/secretsmanager/prod/App/Mysql","SourceResult":` +
		`"{\"ARN\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ\",\"name\":\"prod/App/Mysql\",\"versionId\":\"98a55589-b075-47fb-bae9-df4f289527b9\",\"secretString\":\"{\\\"key\\\":\\\"val\\\"}\",\"versionStages\":[\"AWSCURRENT\"],\"createdDate\":\"Jul 28, 2018 11:09:49 AM\"}",` +
		`"Type":"SecureString","Value":"{\"key\":\"val\"}","Version":0}}`)
	for _, tc := range []struct {
		name     string
		got      []byte
		unmask   map[string]string
		ordered  bool
		want     []string
		contains bool // want[0] is a part of the one difference
	}{
		{name: "the same answer, another member order and layout", got: wire},
		{name: "Version dropped", got: bytes.Replace(wire, []byte(`,"Version":0`), nil, 1),
			want: []string{"$.Parameter.Version: missing, want 0"}},
		{name: "a member AWS does not send", got: bytes.Replace(wire, []byte(`"Version":0`), []byte(`"Version":0,"DataType":"text"`), 1),
			want: []string{`$.Parameter.DataType: unexpected, got "text"`}},
		{name: "Version 1", got: bytes.Replace(wire, []byte(`"Version":0`), []byte(`"Version":1`), 1),
			want: []string{"$.Parameter.Version: 1, want 0"}},
		{name: "a time 1 ms off", got: bytes.Replace(wire, []byte(`1532776189.618`), []byte(`1532776189.619`), 1),
			want: []string{"$.Parameter.LastModifiedDate: 1532776189.619, want 1532776189.618 (2018-07-28T11:09:49.619Z, want 2018-07-28T11:09:49.618Z)"}},
		{name: "a time as ISO-8601 (the SDK for JavaScript's print)", got: bytes.Replace(wire, []byte(`1532776189.618`), []byte(`"2018-07-28T11:09:49.618Z"`), 1)},
		{name: "SourceResult's members in another order", got: bytes.Replace(wire, []byte(`\"name\":\"prod/App/Mysql\",\"versionId\":\"98a55589-b075-47fb-bae9-df4f289527b9\"`),
			[]byte(`\"versionId\":\"98a55589-b075-47fb-bae9-df4f289527b9\",\"name\":\"prod/App/Mysql\"`), 1),
			want: []string{"$.Parameter.SourceResult<json>: members in the order [ARN versionId name secretString versionStages createdDate], want [ARN name versionId secretString versionStages createdDate]"}},
		{name: "SourceResult with spaces", got: bytes.Replace(wire, []byte(`\"name\":`), []byte(`\"name\": `), 1),
			want: []string{"$.Parameter.SourceResult: the same JSON written differently"}, contains: true},
		{name: "SourceResult's createdDate in the 2021 layout", got: bytes.Replace(wire, []byte(`Jul 28, 2018 11:09:49 AM`), []byte(`Jul 28, 2018, 11:09:49 AM`), 1),
			want: []string{`$.Parameter.SourceResult<json>.createdDate: "Jul 28, 2018, 11:09:49 AM", want "Jul 28, 2018 11:09:49 AM"`}},
		{name: "a masked account", got: bytes.ReplaceAll(wire, []byte("123456789012"), []byte("210987654321")),
			unmask: map[string]string{"123456789012": "210987654321"}},
		{name: "not JSON", got: []byte(`{"Parameter":`), want: []string{"answer "}, contains: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := CompareAnswer(recorded, tc.got, tc.unmask, tc.ordered)
			if tc.contains {
				if len(got) != 1 || !strings.HasPrefix(got[0], tc.want[0]) {
					t.Errorf("got %q, want one difference beginning %q", got, tc.want[0])
				}
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("differences (-want +got):\n%s", diff)
			}
		})
	}
}

// The wire targets compare what they received with the recorded answer: a
// body without Version fails the reference scenario's step 4 (recorded in
// 2018 with "Version": 0).
func TestRecordedComparisonCatchesDroppedVersion(t *testing.T) {
	t.Parallel()
	sc := referenceScenario()
	target := SDKConfig(t, sc.Env).(WireTarget)
	var step Step
	for _, st := range sc.Steps[:4] {
		if _, err := target.Call(context.Background(), st.Service, st.Op, st.In); err != nil {
			t.Fatal(err)
		}
		step = st
	}
	if step.Golden != "2018/get-parameter-reference.json" {
		t.Fatalf("step 4 is compared with %q", step.Golden)
	}
	body := target.LastAnswer()
	if diffs := compareRecorded(sc, step, body, false); len(diffs) != 0 {
		t.Fatalf("the fake's answer differs from AWS's: %q", diffs)
	}
	dropped := bytes.Replace(body, []byte(`,"Version":0`), nil, 1)
	if bytes.Equal(dropped, body) {
		t.Fatalf("no Version 0 in %s", body)
	}
	want := []string{"$.Parameter.Version: missing, want 0"}
	if diff := cmp.Diff(want, compareRecorded(sc, step, dropped, false)); diff != "" {
		t.Errorf("without Version (-want +got):\n%s", diff)
	}
}

// A recorded SourceResult alone (printed through jq) is compared with the
// answer's SourceResult, member order included.
func TestRecordedSourceResultAlone(t *testing.T) {
	t.Parallel()
	sc := referenceScenario()
	var step Step
	for _, st := range sc.Steps {
		if st.Golden == "2018/get-parameter-reference-version-id.source-result.json" {
			step = st
		}
	}
	body := []byte(`{"Parameter":{"SourceResult":"{\"ARN\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ\",\"name\":\"prod/App/Mysql\",\"versionId\":\"98a55589-b075-47fb-bae9-df4f289527b9\",\"secretString\":\"{\\\"key\\\":\\\"val\\\"}\",\"createdDate\":\"Jul 28, 2018 11:09:49 AM\"}"}}`)
	if diffs := compareRecorded(sc, step, body, false); len(diffs) != 0 {
		t.Errorf("differences: %q", diffs)
	}
	reordered := bytes.Replace(body, []byte(`\"ARN\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ\",\"name\":\"prod/App/Mysql\"`),
		[]byte(`\"name\":\"prod/App/Mysql\",\"ARN\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ\"`), 1)
	want := []string{"$: members in the order [name ARN versionId secretString createdDate], want [ARN name versionId secretString createdDate]"}
	if diff := cmp.Diff(want, compareRecorded(sc, step, reordered, false)); diff != "" {
		t.Errorf("reordered (-want +got):\n%s", diff)
	}
}
