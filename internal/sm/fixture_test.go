package sm

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/internal/core"
	"github.com/fakeaws/fakeaws-go/internal/fixture"
)

const (
	fxAccount = "123456789012"
	fxRegion  = "eu-west-1"
	fxPrefix  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
	fxTokA    = "aaaaaaaa-0000-4000-8000-000000000001"
	fxTokB    = "bbbbbbbb-0000-4000-8000-000000000002"
	fxTokC    = "cccccccc-0000-4000-8000-000000000003"
)

var fxT0 = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

func fxEnv(now time.Time) core.Env {
	return core.Env{Now: now, IDs: core.NewIDs(true, 1, nil, nil), Account: fxAccount, Region: fxRegion}
}

// fxState builds a state through the operations: app/a with three versions
// (AWSCURRENT, AWSPREVIOUS, a custom label) read on day 2, app/b binary
// with tags and a description, app/c scheduled for deletion.
func fxState(t *testing.T) *State {
	t.Helper()
	s := New(fxAccount, fxRegion)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.CreateSecret(fxEnv(fxT0), &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("one"), ClientRequestToken: aws.String(fxTokA)}))
	must(s.PutSecretValue(fxEnv(fxT0.Add(time.Hour)), &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("two"), ClientRequestToken: aws.String(fxTokB)}))
	must(s.PutSecretValue(fxEnv(fxT0.Add(2*time.Hour)), &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("three"), ClientRequestToken: aws.String(fxTokC), VersionStages: []string{"blue"}}))
	must(s.GetSecretValue(fxEnv(fxT0.Add(26*time.Hour)), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a")}))
	must(s.CreateSecret(fxEnv(fxT0.Add(3*time.Hour)), &secretsmanager.CreateSecretInput{Name: aws.String("app/b"), SecretBinary: []byte{0, 1, 2}, Description: aws.String("binary"),
		KmsKeyId: aws.String("alias/mine"), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("x")}, {Key: aws.String("env"), Value: aws.String("")}}}))
	must(s.CreateSecret(fxEnv(fxT0.Add(4*time.Hour)), &secretsmanager.CreateSecretInput{Name: aws.String("app/c"), SecretString: aws.String("c")}))
	must(s.DeleteSecret(fxEnv(fxT0.Add(5*time.Hour)), &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/c"), RecoveryWindowInDays: aws.Int64(7)}))
	return s
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	day := func(d int) *time.Time { x := time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC); return &x }
	handWritten := []fixture.Secret{{
		Name: "z/rotated", CreatedDate: fxT0, ResourcePolicy: `{"Version":"2012-10-17","Statement":[]}`,
		Rotation: &fixture.Rotation{Enabled: true, LambdaARN: "arn:aws:lambda:eu-west-1:123456789012:function:rot", AutomaticallyAfterDays: 30, Duration: "2h", LastRotatedDate: &fxT0},
		Versions: []fixture.SecretVersion{{VersionID: fxTokA, SecretString: aws.String("v"), Stages: []string{"AWSCURRENT"}, CreatedDate: fxT0, LastAccessedDate: day(3)}},
	}, {
		Name: "y/empty", CreatedDate: fxT0, // CreateSecret without a value: no versions (spec 3.5)
	}}
	tests := []struct {
		name string
		in   func(t *testing.T) []fixture.Secret
	}{
		{"state built through the operations: stages, binary, tags, deletion, LastAccessedDate", func(t *testing.T) []fixture.Secret { return fxState(t).Export() }},
		{"hand-written fixture without ARNs, with rotation and a resource policy", func(*testing.T) []fixture.Secret { return handWritten }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s1, err := Import(fxAccount, fxRegion, core.NewIDs(true, 2, nil, nil), tc.in(t))
			if err != nil {
				t.Fatal(err)
			}
			first := s1.Export()
			s2, err := Import(fxAccount, fxRegion, core.NewIDs(true, 3, nil, nil), first)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first, s2.Export()); diff != "" {
				t.Errorf("Export → Import → Export (-want +got):\n%s", diff)
			}
			for _, f := range first {
				if !strings.HasPrefix(f.ARN, fxPrefix+f.Name+"-") || len(f.ARN) != len(fxPrefix+f.Name)+7 {
					t.Errorf("%s: ARN %q, want %s%s-XXXXXX", f.Name, f.ARN, fxPrefix, f.Name)
				}
			}
		})
	}
}

func TestExportIsACopy(t *testing.T) {
	t.Parallel()
	s := fxState(t)
	out := s.Export()
	out[0].Versions[0].Stages[0] = "changed"
	*out[0].Versions[2].SecretString = "changed"
	out[1].Versions[0].SecretBinary[0] = 9
	if diff := cmp.Diff(fxState(t).Export(), s.Export()); diff != "" {
		t.Errorf("state changed through Export's output (-want +got):\n%s", diff)
	}
}

// TestBehaviourAfterImport: the imported state answers as the original.
func TestBehaviourAfterImport(t *testing.T) {
	t.Parallel()
	orig := fxState(t)
	imported, err := Import(fxAccount, fxRegion, core.NewIDs(true, 2, nil, nil), orig.Export())
	if err != nil {
		t.Fatal(err)
	}
	later := fxT0.Add(30 * time.Hour)
	type answer struct {
		Value    string
		Stages   []string
		Accessed *time.Time
		Changed  *time.Time
		Err      string
	}
	ops := []struct {
		name string
		do   func(s *State) answer
	}{
		{"AWSPREVIOUS reads the second version (spec 3.3)", func(s *State) answer {
			out, err := s.GetSecretValue(fxEnv(later), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a"), VersionStage: aws.String("AWSPREVIOUS")})
			if err != nil {
				return answer{Err: err.Error()}
			}
			return answer{Value: *out.SecretString, Stages: out.VersionStages}
		}},
		{"custom label stays on its version", func(s *State) answer {
			out, err := s.GetSecretValue(fxEnv(later), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a"), VersionStage: aws.String("blue")})
			if err != nil {
				return answer{Err: err.Error()}
			}
			return answer{Value: *out.SecretString, Stages: out.VersionStages}
		}},
		{"DescribeSecret keeps LastAccessedDate (day) and LastChangedDate", func(s *State) answer {
			out, err := s.DescribeSecret(fxEnv(later), &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
			if err != nil {
				return answer{Err: err.Error()}
			}
			return answer{Accessed: out.LastAccessedDate, Changed: out.LastChangedDate}
		}},
		{"PutSecretValue moves AWSCURRENT and AWSPREVIOUS (spec 3.3)", func(s *State) answer {
			if _, err := s.PutSecretValue(fxEnv(later), &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("four"), ClientRequestToken: aws.String("dddddddd-0000-4000-8000-000000000004")}); err != nil {
				return answer{Err: err.Error()}
			}
			out, err := s.GetSecretValue(fxEnv(later), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a"), VersionStage: aws.String("AWSPREVIOUS")})
			if err != nil {
				return answer{Err: err.Error()}
			}
			return answer{Value: *out.SecretString, Stages: out.VersionStages}
		}},
		{"secret scheduled for deletion: GetSecretValue refused (spec 3.5)", func(s *State) answer {
			_, err := s.GetSecretValue(fxEnv(later), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/c")})
			var ire *types.InvalidRequestException
			if !errors.As(err, &ire) {
				return answer{Err: "want InvalidRequestException, got " + err.Error()}
			}
			return answer{Err: err.Error()}
		}},
		{"after the recovery window the secret is gone (spec 3.5)", func(s *State) answer {
			_, err := s.GetSecretValue(fxEnv(fxT0.Add(8*24*time.Hour)), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/c")})
			if err == nil {
				return answer{Err: "no error"}
			}
			return answer{Err: err.Error()}
		}},
		{"RestoreSecret brings the deleted secret back", func(s *State) answer {
			if _, err := s.RestoreSecret(fxEnv(later), &secretsmanager.RestoreSecretInput{SecretId: aws.String("app/c")}); err != nil {
				return answer{Err: err.Error()}
			}
			out, err := s.GetSecretValue(fxEnv(later), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/c")})
			if err != nil {
				return answer{Err: err.Error()}
			}
			return answer{Value: *out.SecretString}
		}},
		{"the name is taken after import (CreateSecret refused)", func(s *State) answer {
			_, err := s.CreateSecret(fxEnv(later), &secretsmanager.CreateSecretInput{Name: aws.String("app/b"), SecretString: aws.String("x")})
			if err == nil {
				return answer{Err: "no error"}
			}
			return answer{Err: err.Error()}
		}},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			want := op.do(orig)
			got := op.do(imported)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("original vs imported (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(orig.Export(), imported.Export()); diff != "" {
		t.Errorf("after the same operations (-want +got):\n%s", diff)
	}
}

func TestImportRejects(t *testing.T) {
	t.Parallel()
	v := func(id string, stages ...string) fixture.SecretVersion {
		return fixture.SecretVersion{VersionID: id, SecretString: aws.String("x"), Stages: stages, CreatedDate: fxT0}
	}
	ok := func(name string, vs ...fixture.SecretVersion) fixture.Secret {
		return fixture.Secret{Name: name, CreatedDate: fxT0, Versions: vs}
	}
	tests := []struct {
		name    string
		secrets []fixture.Secret
		want    string // start of the error
	}{
		{"bad name character (spec 3.2)", []fixture.Secret{ok("a b")}, `secret "a b": name: `},
		{"name twice", []fixture.Secret{ok("a"), ok("a")}, `secret "a": name: more than one`},
		{"ARN of another name", []fixture.Secret{{Name: "a", ARN: fxPrefix + "b-AAAAAA", CreatedDate: fxT0}}, `secret "a": arn `},
		{"ARN of another region", []fixture.Secret{{Name: "a", ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AAAAAA", CreatedDate: fxT0}}, `secret "a": arn `},
		{"label on two versions (spec 3.3)", []fixture.Secret{ok("a", v(fxTokA, "AWSCURRENT"), v(fxTokB, "AWSCURRENT"))}, `secret "a": version "` + fxTokB + `": stage "AWSCURRENT": also on version`},
		{"label twice on a version", []fixture.Secret{ok("a", v(fxTokA, "x", "x"))}, `secret "a": version "` + fxTokA + `": stage "x": listed twice`},
		{"version id twice", []fixture.Secret{ok("a", v(fxTokA), v(fxTokA))}, `secret "a": version "` + fxTokA + `": versionId: more than one`},
		{"version id too short (ClientRequestToken 32–64, spec 3.4)", []fixture.Secret{ok("a", v("short"))}, `secret "a": version "short": versionId: `},
		{"no value", []fixture.Secret{ok("a", fixture.SecretVersion{VersionID: fxTokA, CreatedDate: fxT0})}, `secret "a": version "` + fxTokA + `": no value`},
		{"both values (spec 3.5)", []fixture.Secret{ok("a", fixture.SecretVersion{VersionID: fxTokA, SecretString: aws.String("s"), SecretBinary: []byte{1}, CreatedDate: fxT0})}, `secret "a": version "` + fxTokA + `": `},
		{"empty value", []fixture.Secret{ok("a", fixture.SecretVersion{VersionID: fxTokA, SecretString: aws.String(""), CreatedDate: fxT0})}, `secret "a": version "` + fxTokA + `": `},
		{"secret without createdDate", []fixture.Secret{{Name: "a"}}, `secret "a": createdDate: missing`},
		{"version without createdDate", []fixture.Secret{ok("a", fixture.SecretVersion{VersionID: fxTokA, SecretString: aws.String("s")})}, `secret "a": version "` + fxTokA + `": createdDate: missing`},
		{"deletedDate without deletionDate", []fixture.Secret{{Name: "a", CreatedDate: fxT0, DeletedDate: &fxT0}}, `secret "a": deletedDate and deletionDate`},
		{"resource policy not JSON", []fixture.Secret{{Name: "a", CreatedDate: fxT0, ResourcePolicy: "{"}}, `secret "a": resourcePolicy: not valid JSON`},
		{"rotation days out of range (1–1000, spec 3.5)", []fixture.Secret{{Name: "a", CreatedDate: fxT0, Rotation: &fixture.Rotation{AutomaticallyAfterDays: 1001}}}, `secret "a": rotation: automaticallyAfterDays 1001`},
		{"tag key twice", []fixture.Secret{{Name: "a", CreatedDate: fxT0, Tags: []fixture.Tag{{Key: "k"}, {Key: "k"}}}}, `secret "a": tag "k": more than one`},
		{"the second entry is named", []fixture.Secret{ok("good", v(fxTokA, "AWSCURRENT")), ok("bad", v("x"))}, `secret "bad": version "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := Import(fxAccount, fxRegion, core.NewIDs(true, 1, nil, nil), tc.secrets)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got error %v, want one starting %q", err, tc.want)
			}
			if s != nil {
				t.Errorf("got a state with the error")
			}
		})
	}
}

func TestReplaceWith(t *testing.T) {
	t.Parallel()
	s := New(fxAccount, fxRegion)
	ptr := s
	o := fxState(t)
	want := o.Export()
	s.ReplaceWith(o)
	if ptr != s {
		t.Fatal("pointer changed")
	}
	if diff := cmp.Diff(want, s.Export()); diff != "" {
		t.Errorf("after ReplaceWith (-want +got):\n%s", diff)
	}
	if _, err := s.GetSecretValue(fxEnv(fxT0.Add(30*time.Hour)), &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/b")}); err != nil {
		t.Error(err)
	}
}
