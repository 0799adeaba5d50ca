// Package conformance replays scenario tables against every way into a
// fakeaws Store and reports every mismatch with a go-cmp diff.
//
// A scenario is a fresh state (region, account, a fake clock's start,
// scripted IDs) and a sequence of steps: one operation each, with the SDK's
// own input and the output (or error) AWS gives. The first scenario is the
// reference scenario of the project's spec, with AWS's exact IDs and times.
//
// A Target is a way in: the direct fakes (Direct), the real SDK clients over
// the in-memory transport or over the loopback server, the AWS CLI against
// the server binary. The same tables run unchanged against each:
//
//	func TestConformanceDirect(t *testing.T) { conformance.Run(t, conformance.Direct) }
//
// Targets that see the raw JSON of their answers (WireTarget: the SDK
// targets and the CLI) are also compared with AWS's recorded answers kept
// under testdata/recorded (Step.Golden, CompareAnswer): the members present
// at every level, their values, and the member order inside SourceResult.
package conformance

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// Service names one of the two services.
type Service string

// The services.
const (
	SSM            Service = "ssm"
	SecretsManager Service = "secretsmanager"
)

// Env is the fresh state a scenario starts from.
type Env struct {
	Region, Account string
	Start           time.Time // the Store runs on a fake clock standing here
	VersionIDs      []string  // fakeaws.WithVersionIDs
	ARNSuffixes     []string  // fakeaws.WithARNSuffixes
	// SourceResultDate is fakeaws.WithSourceResultDate's layout; "" the
	// Store's default.
	SourceResultDate fakeaws.SourceResultDate
}

// Target is one way into a fresh Store.
type Target interface {
	// Call runs operation op (API name, "GetParameter") of svc with in, a
	// pointer to the SDK's input type (*ssm.GetParameterInput), and returns
	// the SDK's output (*ssm.GetParameterOutput) or the error (anything
	// errors.As finds a smithy.APIError in, for API errors).
	Call(ctx context.Context, svc Service, op string, in any) (any, error)
	// SetTime moves the Store's fake clock to t.
	SetTime(t time.Time) error
}

// Factory starts a fresh Target for env; it registers its cleanup with
// tb.Cleanup.
type Factory func(tb testing.TB, env Env) Target

// Scenario is a fresh state and the steps replayed on it.
type Scenario struct {
	Name   string
	Source string // where the expected answers come from
	Env    Env
	Steps  []Step
	// Unmask replaces text in the recorded answers before they are compared
	// (the account number a recording masked, by the scenario's).
	Unmask map[string]string
}

// Step is one call and what AWS answers to it.
type Step struct {
	Name    string
	At      time.Time // when set, the clock is moved here before the call
	Service Service
	Op      string
	In      any    // pointer to the SDK input type
	Want    any    // pointer to the SDK output type; nil when WantErr is set
	WantErr *Error // the API error AWS answers with
	// Golden names AWS's recorded answer to this call, a file under
	// testdata/recorded; wire targets (WireTarget) compare the raw JSON
	// they received with it (CompareAnswer).
	Golden string
	// GoldenPath, when set, is the member of the answer ("Parameter.
	// SourceResult") that the recording holds on its own: a string of
	// JSON, compared with member order.
	GoldenPath string
}

// Error is an API error as a client sees it: the code and the message.
type Error struct {
	Code    string
	Message string
}

func (e *Error) String() string { return e.Code + ": " + e.Message }

// Scenarios returns every scenario, the reference scenario first.
func Scenarios() []Scenario {
	return []Scenario{referenceScenario(), recorded2021Scenario(), parameterScenario(), secretScenario()}
}

// Run replays every scenario against the targets the factory makes. Each
// scenario is a subtest; every mismatching step is reported, not only the
// first.
func Run(t *testing.T, f Factory) {
	t.Helper()
	for _, sc := range Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			RunScenario(t, f, sc)
		})
	}
}

// RunScenario replays one scenario on a fresh target.
func RunScenario(t *testing.T, f Factory, sc Scenario) {
	t.Helper()
	target := f(t, sc.Env)
	ctx := context.Background()
	for i, st := range sc.Steps {
		label := fmt.Sprintf("step %d (%s %s: %s)", i+1, st.Service, st.Op, st.Name)
		if !st.At.IsZero() {
			if err := target.SetTime(st.At); err != nil {
				t.Errorf("%s: SetTime(%v): %v", label, st.At, err)
				continue
			}
		}
		got, err := target.Call(ctx, st.Service, st.Op, st.In)
		if st.WantErr != nil {
			if err == nil {
				t.Errorf("%s: got output %+v, want error %s", label, got, st.WantErr)
				continue
			}
			var api smithy.APIError
			if !errors.As(err, &api) {
				t.Errorf("%s: got error %v (not an API error), want %s", label, err, st.WantErr)
				continue
			}
			gotErr := &Error{Code: api.ErrorCode(), Message: api.ErrorMessage()}
			if diff := cmp.Diff(st.WantErr, gotErr); diff != "" {
				t.Errorf("%s: error mismatch (-want +got):\n%s", label, diff)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error: %v", label, err)
			continue
		}
		opts := CompareOptions()
		l, loose := target.(Loose)
		if loose {
			opts = append(opts, l.LooseOptions()...)
		}
		if diff := cmp.Diff(st.Want, got, opts...); diff != "" {
			t.Errorf("%s: output mismatch (-want +got):\n%s", label, diff)
		}
		if wt, ok := target.(WireTarget); ok && st.Golden != "" {
			for _, d := range compareRecorded(sc, st, wt.LastAnswer(), loose) {
				t.Errorf("%s: on the wire, against %s: %s", label, st.Golden, d)
			}
		}
	}
}

// compareRecorded compares body, the raw answer to st, with st's recorded
// answer; loose is for a Loose target (times by presence only).
func compareRecorded(sc Scenario, st Step, body []byte, loose bool) []string {
	want, err := Recorded(st.Golden)
	if err != nil {
		return []string{err.Error()}
	}
	if st.GoldenPath != "" {
		if body, err = stringAt(body, st.GoldenPath); err != nil {
			return []string{err.Error()}
		}
	}
	return compareAnswer(want, body, sc.Unmask, st.GoldenPath != "", loose)
}

// CompareOptions are the go-cmp options the suite compares outputs with:
// unexported fields and ResultMetadata are ignored, times compare by
// instant, and nil and empty slices and maps are equal (JSON does not tell
// them apart).
func CompareOptions() []cmp.Option {
	return []cmp.Option{
		cmp.FilterPath(func(p cmp.Path) bool {
			sf, ok := p.Last().(cmp.StructField)
			if !ok {
				return false
			}
			return !isExported(sf.Name()) || sf.Name() == "ResultMetadata"
		}, cmp.Ignore()),
		cmpopts.EquateEmpty(),
	}
}

func isExported(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}

// call invokes method op on client with (ctx, in) by reflection, as the
// direct and SDK targets do.
func call(ctx context.Context, client any, op string, in any) (any, error) {
	m := reflect.ValueOf(client).MethodByName(op)
	if !m.IsValid() {
		return nil, fmt.Errorf("%T has no method %s", client, op)
	}
	res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(in)})
	if e := res[1].Interface(); e != nil {
		return nil, e.(error)
	}
	return res[0].Interface(), nil
}
